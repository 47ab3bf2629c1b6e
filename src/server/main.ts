import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { readServerKey } from './key-file'
import { startSyncServer } from './sync-server'

/**
 * `homeward serve`: the team's sync server, in the foreground. Prints where it listens, and on a
 * server with no team yet the setup code to create it with. Stops cleanly on Ctrl+C or SIGTERM.
 */
const { values } = parseArgs({
  args: process.argv.slice(process.argv[2] === 'serve' ? 3 : 2),
  options: {
    port: { type: 'string', default: '3030' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: './server-data' },
    'key-file': { type: 'string' },
    json: { type: 'boolean', default: false },
    'compact-at': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})

if (values.help) {
  console.log(`Usage: homeward serve --key-file FILE [--port 3030] [--host 127.0.0.1] [--data ./server-data] [--json] [--compact-at 64]

Runs the team's sync server. It listens on 127.0.0.1 unless --host says otherwise: put it behind a
reverse proxy that adds TLS (see the README). On its first start it prints a setup code, for the
team manager's laptop to create the team with. Its store is encrypted with the key in FILE (64 hex
digits, readable by its owner only, outside the data folder): openssl rand -hex 32 > FILE
A document's chunks are folded into one once it has --compact-at of them (0: never).`)
  process.exit(0)
}
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`homeward: --port must be a port number, not ${values.port}`)
  process.exit(2)
}

// How many chunks a document gathers before the server compacts it (src/server/compaction.ts); 0: never.
const compactAt = values['compact-at'] === undefined ? undefined : Number(values['compact-at'])
if (compactAt !== undefined && (!Number.isInteger(compactAt) || compactAt < 0)) {
  console.error(`homeward: --compact-at must be a whole number of chunks (0: never compact), not ${values['compact-at']}`)
  process.exit(2)
}

if (!values['key-file']) {
  console.error('homeward: the server needs --key-file FILE, the key its store is encrypted with (openssl rand -hex 32 > FILE)')
  process.exit(2)
}
let key
try {
  key = readServerKey(values['key-file'], values.data!)
} catch (error) {
  console.error(`homeward: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
}

let server
try {
  server = await startSyncServer({ dataDir: resolve(values.data!), port, host: values.host!, key, ...(compactAt === undefined ? {} : { compactAt }), log: (line) => console.error(`homeward: ${line}`) })
} catch (error) {
  console.error(`homeward: the server could not start (${error instanceof Error ? error.message : String(error)})`)
  process.exit(1)
}
if (values.json) {
  console.log(JSON.stringify({ url: server.url, setupCode: server.setupCode ?? null }))
} else {
  console.log(`Homeward sync server listening on ${server.url} (data in ${resolve(values.data!)})`)
  if (server.setupCode) console.log(`setup code: ${server.setupCode}`)
  console.log('Health check: GET /health. Press Ctrl+C to stop.')
}

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await server.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

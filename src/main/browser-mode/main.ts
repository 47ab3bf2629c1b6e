import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { spawn } from 'node:child_process'
import { defaultDataDir } from '../core/data-dir'
import { openWorkspace } from '../core/workspace'
import { startBrowserMode } from './server'

/**
 * `npm start` where Electron cannot run: the same app, served to the local browser from the
 * headless core. Prints the address to open (and opens it, unless told not to).
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    port: { type: 'string', default: '0' },
    'no-open': { type: 'boolean', default: false },
  },
})

const dataDir = resolve(values.data ?? defaultDataDir())
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`homeward: --port must be a port number, not ${values.port}`)
  process.exit(2)
}

let workspace
try {
  workspace = await openWorkspace({ dataDir })
} catch (error) {
  console.error(`homeward: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
const server = await startBrowserMode({
  workspace,
  rendererDir: resolve(import.meta.dirname, '../renderer'),
  port,
})
console.log(`Homeward is running in your browser, using the workspace in ${dataDir}`)
console.log(`Open: ${server.url}`)
console.log('Press Ctrl+C to stop.')
if (!values['no-open'] && !process.env.CI) openInBrowser(server.url)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await server.close()
  await workspace.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

function openInBrowser(url: string) {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true })
    child.on('error', () => undefined) // No desktop to open it on: the printed address is enough.
    child.unref()
  } catch {
    // As above.
  }
}

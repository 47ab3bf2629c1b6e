import { parseArgs } from 'node:util'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { defaultDataDir } from '../core/data-dir'
import { openWorkspace, type Workspace } from '../core/workspace'
import { workspaceGate } from '../core/storage/workspace-gate'
import { rememberedPort, rememberPort } from './remembered-port'
import { startBrowserMode, type BrowserModeServer } from './server'
import { openWithSystem } from './system-open'

/**
 * `npm start` where Electron cannot run: the same app, served to the local browser from the
 * headless core. Prints the address to open (and opens it, unless told not to).
 */
const USAGE = `Usage: npm start -- [options]   (or, once built: node out/main/browser-mode.js [options])

Serves Homeward to this computer's browser, for where the desktop app cannot run.

Options:
  --data <folder>  the workspace folder (default: this user's Homeward folder)
  --port <number>  the port to serve at (default: the one used last time for this workspace)
  --no-open        print the address without opening the browser
  -h, --help       show this help
`

let values
try {
  values = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values
} catch (error) {
  // parseArgs's own message names the option; its stack is no help to someone who mistyped one.
  console.error(`homeward: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (see --help)`)
  process.exit(2)
}
if (values.help) {
  process.stdout.write(USAGE)
  process.exit(0)
}

const dataDir = resolve(values.data ?? defaultDataDir())
const port = values.port === undefined ? undefined : Number(values.port)
if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
  console.error(`homeward: --port must be a port number, not ${values.port}`)
  process.exit(2)
}

/** Undefined until the page gives the passphrase (unless HOMEWARD_PASSPHRASE did). */
let workspace: Workspace | undefined
/** Held in this process's memory only, to open the folder again after being taken off the team. */
let passphrase = process.env.HOMEWARD_PASSPHRASE || undefined
if (passphrase) {
  try {
    workspace = await openWorkspace({ dataDir, passphrase })
  } catch (error) {
    console.error(`homeward: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
// Without HOMEWARD_PASSPHRASE the page asks for it, never the terminal: the person who ran
// `npm start` is looking at the browser, and a terminal may not even be there.
const gate = workspaceGate({
  dataDir,
  open: async (given) => {
    const opened = await openWorkspace({ dataDir, passphrase: given })
    passphrase = given
    server.setWorkspace(opened)
    run(opened)
  },
})
const serve = (at: number) =>
  startBrowserMode({ workspace: workspace ?? gate, rendererDir: resolve(import.meta.dirname, '../renderer'), port: at, openPath: openWithSystem })
const lastPort = port === undefined ? rememberedPort(dataDir) : undefined
let server: BrowserModeServer
try {
  server = await serve(port ?? lastPort ?? 0)
} catch (error) {
  if (lastPort === undefined || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
  server = await serve(0)
  console.log(`Port ${lastPort}, used last time, is taken, so Homeward has a new address: forms not saved at the old address cannot be offered here.`)
}
// The same address next time keeps the browser's unsaved drafts for this workspace within reach.
rememberPort(dataDir, Number(new URL(server.origin).port))
if (workspace) run(workspace)

/**
 * Syncs with the team's server while the app runs, if this laptop is in a team. Taken off the team
 * (its data deleted, the workspace closed), the folder is opened again as the fresh workspace it
 * now is, so that the window, reloaded, finds a working app saying what happened.
 */
function run(opened: Workspace) {
  workspace = opened
  opened.onTakenOffTeam(() => {
    openWorkspace({ dataDir, ...(passphrase ? { passphrase } : {}) }).then(
      (fresh) => {
        server.setWorkspace(fresh)
        run(fresh)
      },
      (error: unknown) => {
        console.error(`homeward: ${error instanceof Error ? error.message : String(error)}`)
        process.exit(1)
      },
    )
  })
  opened.sync.start()
}
console.log(`Homeward is running in your browser, using the workspace in ${dataDir}`)
console.log(`Open: ${server.url}`)
if (!workspace) console.log('The page asks for the workspace passphrase.')
console.log('Press Ctrl+C to stop.')
if (!values['no-open'] && !process.env.CI) openInBrowser(server.url)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await server.close()
  await workspace?.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())

/**
 * Opens the address in the desktop's browser. The secret goes through a page written to a private
 * folder, not on a command line, where other users of the machine could read it.
 */
function openInBrowser(url: string) {
  try {
    const folder = mkdtempSync(join(tmpdir(), 'homeward-open-'))
    const page = join(folder, 'open-homeward.html')
    writeFileSync(page, `<!doctype html><meta http-equiv="refresh" content="0;url=${url}"><title>Homeward</title>`, { mode: 0o600 })
    // No desktop to open it on: the printed address is enough.
    void openWithSystem(page)
    // The page has done its work once the browser has read it.
    setTimeout(() => rmSync(folder, { recursive: true, force: true }), 60_000).unref()
  } catch {
    // As above.
  }
}

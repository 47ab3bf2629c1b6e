import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { app, dialog, powerMonitor, type BrowserWindow } from 'electron'
import { defaultDataDir } from '../core/data-dir'
import { openWorkspace, type Workspace } from '../core/workspace'
import { wireWindowToCore } from './ipc'
import { unlockWorkspaceKey } from '../core/storage/workspace-key'
import { workspaceGate } from '../core/storage/workspace-gate'
import { keepWorkspaceKey, keptWorkspaceKey } from './workspace-key'
import { hardenSessions, registerAppScheme, serveRenderer } from './security'
import { shellOptions } from './shell-options'
import { createMainWindow } from './window'

/**
 * The desktop app: the headless core in the main process, one window onto it. Everything else
 * lives in the core, which runs (and is tested) without Electron.
 */
const options = shellOptions({ isPackaged: app.isPackaged, env: process.env, argv: process.argv })
if (options.refusal) {
  dialog.showErrorBox('Homeward', options.refusal)
  app.exit(1)
}

registerAppScheme()
app.enableSandbox()

let workspace: Workspace | undefined
let window: BrowserWindow | undefined

// One app per workspace: a second launch brings the open window forward instead.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore()
    window?.focus()
  })
  app.whenReady().then(start)
}

async function start() {
  hardenSessions(options)
  serveRenderer(resolve(import.meta.dirname, '../renderer'))
  const dataDir = defaultDataDir()
  const open = (key: Uint8Array) => openWorkspace({ dataDir, nativeBinding: electronNativeBinding(), key })
  // The key kept on this laptop opens the workspace at once; without one (the first run, another
  // computer's folder, a new passphrase) the window asks for the passphrase, as the browser mode does.
  const kept = keptWorkspaceKey(dataDir)
  try {
    if (kept) workspace = await open(kept)
  } catch (error) {
    dialog.showErrorBox('Homeward cannot open its workspace', error instanceof Error ? error.message : String(error))
    app.quit()
    return
  }
  window = createMainWindow(join(import.meta.dirname, '../preload/preload.cjs'), options)
  const gate = workspaceGate({
    dataDir,
    open: async (passphrase) => {
      const key = unlockWorkspaceKey(dataDir, passphrase)
      const opened = await open(key)
      keepWorkspaceKey(dataDir, key)
      wired.setWorkspace(opened)
      run(opened)
    },
  })
  const wired = wireWindowToCore(window, workspace ?? gate, options.devServerOrigin)
  if (workspace) run(workspace)
}

/** The open workspace's life in the app: syncing, and locking with the computer. */
function run(opened: Workspace) {
  workspace = opened
  // Taken off the team, the workspace is closed for good: the app starts again on the fresh one.
  workspace.onTakenOffTeam(() => {
    app.relaunch()
    app.exit(0)
  })
  // The computer locking its screen or going to sleep locks Homeward too.
  const lock = () => workspace?.session.lock()
  powerMonitor.on('lock-screen', lock)
  powerMonitor.on('suspend', lock)
  workspace.sync.start()
}

app.on('window-all-closed', () => app.quit())

let closing = false
app.on('will-quit', (event) => {
  if (!workspace || closing) return
  // Let the core write everything to disk before the process ends.
  event.preventDefault()
  closing = true
  void workspace.close().finally(() => app.quit())
})

/** better-sqlite3-multiple-ciphers built for Electron's ABI by `npm run electron:native`, if present. */
function electronNativeBinding(): string | undefined {
  const built = resolve(import.meta.dirname, '../../.electron-native/better_sqlite3.node')
  return existsSync(built) ? built : undefined
}

import { ipcMain, MessageChannelMain, shell, type BrowserWindow } from 'electron'
import type { ApiEvent } from '../../shared/api'
import { IPC_CHANNELS } from '../../shared/bridge'
import { createApiHandler } from '../core/api/api-handler'
import { windowRepoConnections } from '../core/network/window-port'
import type { LockedWorkspace } from '../core/storage/workspace-gate'
import type { Workspace } from '../core/workspace'
import { isTrustedSender } from './security'

/** A reload's new connection can open before the old one's close arrives: room for a few. */
const MAX_REPO_CONNECTIONS = 4

/**
 * Wires the window to the core: the typed API over IPC, and the window's repo over a MessagePort.
 * Before the workspace is open, only the passphrase page's API (`workspaceGate`) and no repo;
 * `setWorkspace` wires the open workspace once the page has given the passphrase.
 */
export function wireWindowToCore(window: BrowserWindow, first: Workspace | LockedWorkspace, devServerOrigin: string | undefined): { setWorkspace(workspace: Workspace): void } {
  // A generated PDF opens in the system's viewer, an email in the mail client (openPath gives '' on success).
  const host = { openPath: async (path: string) => (await shell.openPath(path)) === '' }
  let handle = createApiHandler(first, host)
  const send = (event: ApiEvent) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.event, event)
  }
  ipcMain.handle(IPC_CHANNELS.api, async (event, request: unknown) => {
    if (!isTrustedSender(event.senderFrame, devServerOrigin)) throw new Error('Refused: not the Homeward window')
    return handle(request, send)
  })

  let unsubscribe: Array<() => void> = []
  window.on('closed', () => unsubscribe.forEach((stop) => stop()))

  // A new channel each time the page (re)loads; the old one is dropped when its port closes.
  let connections: ReturnType<typeof windowRepoConnections> | undefined
  ipcMain.on(IPC_CHANNELS.connectRepo, (event) => {
    if (!isTrustedSender(event.senderFrame, devServerOrigin) || !connections) return
    const { port1, port2 } = new MessageChannelMain()
    if (!connections.connect(port1)) {
      port1.close()
      return
    }
    event.sender.postMessage(IPC_CHANNELS.repoPort, null, [port2])
  })

  const setWorkspace = (workspace: Workspace) => {
    handle = createApiHandler(workspace, host)
    unsubscribe = [
      workspace.onIndexChanged(() => send({ type: 'index-changed' })),
      workspace.onTeamChanged(() => send({ type: 'team-changed' })),
      workspace.sync.onStatus((status) => send({ type: 'sync-status', status })),
      workspace.onSessionChanged(() => send({ type: 'session-changed' })),
    ]
    connections = windowRepoConnections(workspace.repo, MAX_REPO_CONNECTIONS)
  }
  if ('repo' in first) setWorkspace(first)
  return { setWorkspace }
}

import { ipcMain, MessageChannelMain, shell, type BrowserWindow } from 'electron'
import type { ApiEvent } from '../../shared/api'
import { IPC_CHANNELS } from '../../shared/bridge'
import { createApiHandler } from '../core/api/api-handler'
import { windowRepoConnections } from '../core/network/window-port'
import type { Workspace } from '../core/workspace'
import { isTrustedSender } from './security'

/** A reload's new connection can open before the old one's close arrives: room for a few. */
const MAX_REPO_CONNECTIONS = 4

/** Wires the window to the core: the typed API over IPC, and the window's repo over a MessagePort. */
export function wireWindowToCore(window: BrowserWindow, workspace: Workspace, devServerOrigin: string | undefined): void {
  // A generated PDF opens in the system's viewer, an email in the mail client (openPath gives '' on success).
  const handle = createApiHandler(workspace, { openPath: async (path) => (await shell.openPath(path)) === '' })
  const send = (event: ApiEvent) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_CHANNELS.event, event)
  }
  ipcMain.handle(IPC_CHANNELS.api, async (event, request: unknown) => {
    if (!isTrustedSender(event.senderFrame, devServerOrigin)) throw new Error('Refused: not the Homeward window')
    return handle(request, send)
  })

  const unsubscribe = [
    workspace.onIndexChanged(() => send({ type: 'index-changed' })),
    workspace.onTeamChanged(() => send({ type: 'team-changed' })),
    workspace.sync.onStatus((status) => send({ type: 'sync-status', status })),
    workspace.onSessionChanged(() => send({ type: 'session-changed' })),
  ]
  window.on('closed', () => unsubscribe.forEach((stop) => stop()))

  // A new channel each time the page (re)loads; the old one is dropped when its port closes.
  const connections = windowRepoConnections(workspace.repo, MAX_REPO_CONNECTIONS)
  ipcMain.on(IPC_CHANNELS.connectRepo, (event) => {
    if (!isTrustedSender(event.senderFrame, devServerOrigin)) return
    const { port1, port2 } = new MessageChannelMain()
    if (!connections.connect(port1)) {
      port1.close()
      return
    }
    event.sender.postMessage(IPC_CHANNELS.repoPort, null, [port2])
  })
}

import { contextBridge, ipcRenderer } from 'electron'
import type { ApiEvent } from '../shared/api'
import { IPC_CHANNELS, REPO_PORT_MESSAGE, type HomewardBridge } from '../shared/bridge'

/** The window's only way to the core: three narrow functions, no Electron objects. */
const bridge: HomewardBridge = {
  invoke: (request) => ipcRenderer.invoke(IPC_CHANNELS.api, request),
  onEvent: (listener) => {
    const forward = (_event: unknown, apiEvent: ApiEvent) => listener(apiEvent)
    ipcRenderer.on(IPC_CHANNELS.event, forward)
    return () => void ipcRenderer.removeListener(IPC_CHANNELS.event, forward)
  },
  connectRepo: () => ipcRenderer.send(IPC_CHANNELS.connectRepo),
}
contextBridge.exposeInMainWorld('homeward', bridge)

// A MessagePort cannot cross the context bridge; window.postMessage can carry it to the page.
ipcRenderer.on(IPC_CHANNELS.repoPort, (event) => {
  window.postMessage(REPO_PORT_MESSAGE, window.location.origin, [...event.ports])
})

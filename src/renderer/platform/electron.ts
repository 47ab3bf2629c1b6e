import type { HomewardBridge } from '../../shared/bridge'
import type { ApiTransport } from './api-client'

/**
 * The desktop app: the typed API goes over Electron IPC through the preload's bridge (the window's
 * repo over a MessagePort, `window-repo.ts`).
 */
export function electronApiTransport(bridge: HomewardBridge): ApiTransport {
  return {
    send: (request) => bridge.invoke(request),
    onEvent: (listener) => bridge.onEvent(listener),
    onConnection: (listener) => {
      listener('connected') // The core lives in this app's own main process.
      return () => undefined
    },
  }
}

export function desktopBridge(): HomewardBridge | undefined {
  return (window as Window & { homeward?: HomewardBridge }).homeward
}

import { Repo, type PeerId } from '@automerge/automerge-repo/slim'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import { WINDOW_PEER_PREFIX } from '../../shared/api'
import { REPO_PORT_MESSAGE, type HomewardBridge } from '../../shared/bridge'
import type { ApiTransport } from './api-client'

/**
 * The desktop app: the typed API goes over Electron IPC through the preload's bridge, and the
 * window's repo over a MessagePort the core hands over on request (once the workspace is open).
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

export async function electronRepo(bridge: HomewardBridge): Promise<Repo> {
  const port = await new Promise<MessagePort>((resolve) => {
    const receive = (event: MessageEvent) => {
      const port = event.ports[0]
      if (event.source === window && event.data === REPO_PORT_MESSAGE && port) {
        window.removeEventListener('message', receive)
        resolve(port)
      }
    }
    window.addEventListener('message', receive)
    bridge.connectRepo()
  })
  return new Repo({
    network: [new MessageChannelNetworkAdapter(port)],
    peerId: `${WINDOW_PEER_PREFIX}${crypto.randomUUID()}` as PeerId,
  })
}

export function desktopBridge(): HomewardBridge | undefined {
  return (window as Window & { homeward?: HomewardBridge }).homeward
}

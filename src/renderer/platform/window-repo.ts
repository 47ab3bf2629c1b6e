import { initializeWasm } from '@automerge/automerge/slim'
import automergeWasmUrl from '@automerge/automerge/automerge.wasm?url'
import { Repo, type PeerId } from '@automerge/automerge-repo/slim'
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import { WINDOW_PEER_PREFIX } from '../../shared/api'
import { REPO_PORT_MESSAGE, type HomewardBridge } from '../../shared/bridge'
import { coreSocketUrl, RECONNECT_AFTER_MS } from './browser'

/**
 * The window's automerge-repo peer of the core, through which an open case or meeting is edited
 * directly. Only those pages need it: this module (with Automerge and its wasm) is loaded, and the
 * peer started, when one first opens (`main.tsx`), so the board and the lists start without them.
 * Automerge's wasm is its own file, compiled as it streams in: embedded as base64 it made the
 * script 4.8 MB larger. app:// allows fetch for it in the desktop app (src/main/electron/security.ts).
 */
export async function startWindowRepo(bridge: HomewardBridge | undefined): Promise<Repo> {
  await initializeWasm(automergeWasmUrl)
  return bridge ? electronRepo(bridge) : browserRepo()
}

/** The browser mode: the repo talks to the core over the WebSocket /sync on the page's own origin. */
function browserRepo(): Repo {
  return new Repo({
    network: [new WebSocketClientAdapter(coreSocketUrl('/sync'), RECONNECT_AFTER_MS)],
    peerId: `${WINDOW_PEER_PREFIX}${crypto.randomUUID()}` as PeerId,
  })
}

/** The desktop app: the repo talks over a MessagePort the core hands over on request (once the workspace is open). */
async function electronRepo(bridge: HomewardBridge): Promise<Repo> {
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

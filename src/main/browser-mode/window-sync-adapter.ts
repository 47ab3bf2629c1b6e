import { cbor, isValidDocumentId } from '@automerge/automerge-repo'
import { NodeWSServerAdapter } from '@automerge/automerge-repo-network-websocket'
import type { WebSocket, WebSocketServer } from 'ws'
import { z } from 'zod'
import { WINDOW_PEER_PREFIX } from '../../shared/api'

/** The messages automerge-repo 2.5's peers send each other, by type. */
const MESSAGE_TYPES = [
  'join',
  'leave',
  'sync',
  'request',
  'doc-unavailable',
  'ephemeral',
  'remote-subscription-change',
  'remote-heads-changed',
] as const

/**
 * What the core takes from a window's repo connection, checked before automerge-repo sees it (it
 * trusts what arrives, and a throw inside it would stop the process). A window's peer id carries
 * the window prefix: a page cannot pass itself off as another core, which the core shares with.
 */
const windowMessage = z.looseObject({
  type: z.enum(MESSAGE_TYPES),
  senderId: z.string().max(200).startsWith(WINDOW_PEER_PREFIX),
  targetId: z.string().max(200).optional(),
  documentId: z
    .string()
    .max(100)
    .refine((id): boolean => isValidDocumentId(id), 'not a document id')
    .optional(),
  data: z.instanceof(Uint8Array).optional(),
})

/**
 * The core's end of the windows' repo connections in the browser mode: automerge-repo's own
 * WebSocket server adapter, given only messages of the protocol's shape. A frame that is not one,
 * or that automerge-repo still throws on, closes that socket alone.
 */
export class WindowSyncAdapter extends NodeWSServerAdapter {
  constructor(server: WebSocketServer) {
    // isomorphic-ws and ws declare the same class twice; the object is ws's own.
    super(server as unknown as ConstructorParameters<typeof NodeWSServerAdapter>[0])
    // A socket's own failures (a frame over the size limit, a broken connection) close that socket,
    // as ws does by itself after one; unheard, they would end the process.
    server.on('connection', (socket: WebSocket) => socket.on('error', () => undefined))
  }

  override receiveMessage(messageBytes: Uint8Array, socket: Parameters<NodeWSServerAdapter['receiveMessage']>[1]): void {
    if (!isWindowMessage(messageBytes)) {
      socket.close(1008, 'Not a message of the sync protocol')
      return
    }
    try {
      super.receiveMessage(messageBytes, socket)
    } catch {
      socket.close(1011, 'The message could not be taken')
    }
  }
}

function isWindowMessage(bytes: unknown): boolean {
  if (!(bytes instanceof Uint8Array)) return false
  try {
    return windowMessage.safeParse(cbor.decode(bytes)).success
  } catch {
    return false
  }
}

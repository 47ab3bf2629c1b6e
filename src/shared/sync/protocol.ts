/**
 * How a laptop and the team's sync server talk, over one WebSocket per laptop (CBOR messages).
 *
 * The server keeps every chunk the laptops send (a saved document, or some of its changes), each
 * numbered in the order it arrived. A laptop says the last number it has; the server sends what
 * came after (only the team's documents), then each new chunk as it arrives. A laptop sends the
 * changes made on it, each acknowledged once stored. Reconnecting costs what changed meanwhile.
 */
export const SYNC_PROTOCOL = 1

/**
 * A chunk's number names the chunk only on the server that gave it: a server restored from a
 * backup gives the numbers after the backup to other chunks. So wherever the server tells a laptop
 * a number to keep, it adds the chunk's mark (a hash of its bytes), and the laptop says both back:
 * a number whose chunk has another mark shows the numbering changed under it.
 */
export type ChunkMark = string

/** The WebSocket's path on the server. */
export const SYNC_PATH = '/sync'

export interface ChunkMessage {
  seq: number
  documentId: string
  data: Uint8Array
}

export type ClientMessage =
  /**
   * First, after connecting: the last chunk number this laptop has, and the highest number it has
   * seen the server give (to its own uploads too): a server below that was restored from a backup.
   */
  | { type: 'hello'; protocol: number; since: number; sinceMark?: ChunkMark; seen?: number; seenMark?: ChunkMark }
  /** Changes made on this laptop (Automerge changes, or a whole saved document). */
  | { type: 'upload'; ref: number; documentId: string; data: Uint8Array }

export type ServerMessage =
  /**
   * The answer to hello: what there is to catch up on. `restored`: the laptop knows chunks numbered
   * beyond the server's last, or numbers that now name other chunks (the server was restored from
   * a backup), so it is sent everything, and sends everything it holds again.
   */
  | { type: 'welcome'; team: string; head: number; headMark?: ChunkMark; catchUp: { chunks: number; documents: number }; restored?: boolean }
  /** Chunks, in order; `upTo` is the number the laptop now has everything (of the team's) up to. */
  | { type: 'chunks'; chunks: ChunkMessage[]; upTo?: number; mark?: ChunkMark }
  /** Caught up to `seq`: everything after comes live. */
  | { type: 'caught-up'; seq: number; mark?: ChunkMark }
  /** An upload is stored, as chunk `seq` if it was new (or, with `refused`, will never be: it was not an Automerge document). */
  | { type: 'ack'; ref: number; refused?: string; seq?: number; mark?: ChunkMark }

/** Why the server closed a connection, in words for the person (WebSocket close reasons). */
export const CLOSE_CODES = {
  /** The device was revoked while connected. */
  revoked: 4003,
  /** The laptop and the server speak different versions of this protocol. */
  version: 4426,
  /** A message the server could not read: this connection only is closed. */
  malformed: 4400,
} as const

import { isValidDocumentId } from '@automerge/automerge-repo/slim'
import { z } from 'zod'
import { ROLES } from '../people'

/**
 * How a laptop and the team's sync server talk, over one WebSocket per laptop (CBOR messages).
 *
 * The server keeps every chunk the laptops send (a saved document, or some of its changes), each
 * numbered in the order it arrived. A laptop says the last number it has; the server sends what
 * came after (only the team's documents), then each new chunk as it arrives. A laptop sends the
 * changes made on it, each acknowledged once stored. Reconnecting costs what changed meanwhile.
 *
 * Each message is a zod schema, and its type is inferred from it: what is checked on arrival is
 * exactly what the code is typed to receive.
 */
export const SYNC_PROTOCOL = 1

/** The WebSocket's path on the server. */
export const SYNC_PATH = '/sync'

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes')
const documentId = z.string().max(100).refine((id): boolean => isValidDocumentId(id), 'not a document id')
const seq = z.number().int().nonnegative()

/**
 * A chunk's number names the chunk only on the server that gave it: a server restored from a
 * backup gives the numbers after the backup to other chunks. So wherever the server tells a laptop
 * a number to keep, it adds the chunk's mark (a hash of its bytes), and the laptop says both back:
 * a number whose chunk has another mark shows the numbering changed under it.
 */
const chunkMark = z.string().max(100)
export type ChunkMark = z.infer<typeof chunkMark>

/**
 * `by`: the person whose device sent the chunk to the server, as the server recorded it on
 * arrival (SERVER_AUTHOR's id for the server's own changes to the team document); absent for
 * chunks from devices of before people were the server's. It attests who sent each change,
 * whatever author the change itself declares. Laptops that do not know it ignore it.
 */
const person = z.string().max(100)
/**
 * `authors`: on a chunk the server compacted (many chunks folded into one saved document, see
 * src/server/compaction.ts), who sent each change it holds, as the chunks it replaced said: groups
 * in the order those chunks arrived, each a person and change hashes (32 bytes each, one after
 * another), each hash standing for itself alone or, with `andBefore`, for every change before it
 * too (as a saved document's heads do). A laptop records these instead of reading the chunk's
 * framing, so it knows exactly what it would have known from the chunks themselves.
 */
const chunkAuthors = z
  .array(z.object({ by: person, andBefore: z.boolean().optional(), hashes: bytes.refine((hashes) => hashes.length % 32 === 0, 'not whole change hashes') }))
  .max(1_000_000)
export type ChunkAuthors = z.infer<typeof chunkAuthors>
const chunkMessage = z.object({ seq, documentId, data: bytes, by: person.optional(), authors: chunkAuthors.optional() })
export type ChunkMessage = z.infer<typeof chunkMessage>

export const clientMessageSchema = z.discriminatedUnion('type', [
  /**
   * First, after connecting (anything else first closes the connection): the last chunk number
   * this laptop has, and the highest number it has seen the server give (to its own uploads too):
   * a server below that was restored from a backup.
   */
  z.object({
    type: z.literal('hello'),
    protocol: z.number().int(),
    since: seq,
    sinceMark: chunkMark.optional(),
    seen: seq.optional(),
    seenMark: chunkMark.optional(),
  }),
  /**
   * Changes made on this laptop (Automerge changes, or a whole saved document). `by`: the person
   * signed in who made them, on a laptop several people share; the server attests them only if
   * they are one of the device's people, and otherwise the device's own person.
   */
  z.object({ type: z.literal('upload'), ref: seq, documentId, data: bytes, by: z.string().max(100).optional() }),
])
export type ClientMessage = z.infer<typeof clientMessageSchema>

export const serverMessageSchema = z.discriminatedUnion('type', [
  /**
   * The answer to hello: what there is to catch up on. `restored`: the laptop knows chunks numbered
   * beyond the server's last, or numbers that now name other chunks (the server was restored from
   * a backup), so it is sent everything, and sends everything it holds again.
   */
  z.object({
    type: z.literal('welcome'),
    team: z.string(),
    head: seq,
    headMark: chunkMark.optional(),
    catchUp: z.object({ chunks: seq, documents: seq }),
    restored: z.boolean().optional(),
  }),
  /** Chunks, in order; `upTo` is the number the laptop now has everything (of the team's) up to. */
  z.object({ type: z.literal('chunks'), chunks: z.array(chunkMessage), upTo: seq.optional(), mark: chunkMark.optional() }),
  /**
   * The people of this laptop as the server holds them (its own person and those added to it):
   * sent after the welcome and again whenever a manager adds or takes one off. The laptop keeps
   * only these (someone taken off can no longer sign in there, and their PIN hash is deleted).
   */
  z.object({
    type: z.literal('people'),
    people: z.array(z.object({ id: z.string().max(100), name: z.string().max(100), role: z.enum(ROLES) })).max(100),
  }),
  /** Caught up to `seq`: everything after comes live. */
  z.object({ type: z.literal('caught-up'), seq, mark: chunkMark.optional() }),
  /**
   * An upload is stored, as chunk `seq` if it was new; or, with `refused` (the reason in words), it
   * was not. Refused for good (not an Automerge document), the laptop does not send it again; with
   * `later` (over the device's allowance for documents the team does not list yet), it sends it
   * again once the change listing the document has gone through, or on its next connection. The
   * laptop keeps its own copy either way.
   */
  z.object({
    type: z.literal('ack'),
    ref: seq,
    refused: z.string().max(500).optional(),
    later: z.boolean().optional(),
    seq: seq.optional(),
    mark: chunkMark.optional(),
    /** Stored, but the server put back what it had no right to change (see src/server/team-authority.ts): in words. */
    undone: z.string().max(500).optional(),
  }),
])
export type ServerMessage = z.infer<typeof serverMessageSchema>

/** Why the server closed a connection, in words for the person (WebSocket close reasons). */
export const CLOSE_CODES = {
  /** The device was revoked while connected. */
  revoked: 4003,
  /** The laptop and the server speak different versions of this protocol. */
  version: 4426,
  /** A message the server could not read, or one before the hello: this connection only is closed. */
  malformed: 4400,
  /** Connected but said no hello in time: the server does not keep sockets that do nothing. */
  timeout: 4408,
} as const

/**
 * How a revoked laptop learns it is revoked, provably (see src/node/revocation-proof.ts): it sends
 * a fresh nonce with each connection and each call; a revoked credential is refused (401) with
 * when it was revoked and the server's proof over that nonce. Headers, so the WebSocket upgrade
 * and the HTTP calls answer alike, and a laptop that does not know them reads a plain refusal.
 */
export const REVOCATION_HEADERS = {
  nonce: 'x-homeward-nonce',
  revokedAt: 'x-homeward-revoked-at',
  proof: 'x-homeward-revoked-proof',
} as const

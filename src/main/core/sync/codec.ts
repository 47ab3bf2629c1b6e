import { decode, encode } from 'cbor-x'
import { isValidDocumentId } from '@automerge/automerge-repo'
import { z } from 'zod'
import type { ClientMessage, ServerMessage } from '../../../shared/sync/protocol'

/** Messages of the sync protocol as bytes on the wire (CBOR carries the chunks' bytes as they are). */
export function encodeMessage(message: ClientMessage | ServerMessage): Uint8Array {
  return encode(message)
}

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes')
const documentId = z.string().max(100).refine((id) => isValidDocumentId(id), 'not a document id')
const seq = z.number().int().nonnegative()
const mark = z.string().max(100)

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), protocol: z.number().int(), since: seq, sinceMark: mark.optional(), seen: seq.optional(), seenMark: mark.optional() }),
  z.object({ type: z.literal('upload'), ref: seq, documentId, data: bytes }),
])

const chunk = z.object({ seq, documentId, data: bytes })
const serverMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), team: z.string(), head: seq, headMark: mark.optional(), catchUp: z.object({ chunks: seq, documents: seq }), restored: z.boolean().optional() }),
  z.object({ type: z.literal('chunks'), chunks: z.array(chunk), upTo: seq.optional(), mark: mark.optional() }),
  z.object({ type: z.literal('caught-up'), seq, mark: mark.optional() }),
  z.object({ type: z.literal('ack'), ref: seq, refused: z.string().optional(), seq: seq.optional(), mark: mark.optional() }),
])

/** A client's message, or undefined if it is not one (the connection is then closed). */
export function decodeClientMessage(data: Uint8Array): ClientMessage | undefined {
  return parse(clientMessage, data) as ClientMessage | undefined
}

export function decodeServerMessage(data: Uint8Array): ServerMessage | undefined {
  return parse(serverMessage, data) as ServerMessage | undefined
}

function parse(schema: z.ZodType, data: Uint8Array): unknown {
  try {
    const parsed = schema.safeParse(decode(data))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

import { decode, encode } from 'cbor-x'
import type { z } from 'zod'
import { clientMessageSchema, serverMessageSchema, type ClientMessage, type ServerMessage } from '../shared/sync/protocol'

/** Messages of the sync protocol as bytes on the wire (CBOR carries the chunks' bytes as they are). */
export function encodeMessage(message: ClientMessage | ServerMessage): Uint8Array {
  return encode(message)
}

/** A client's message, or undefined if it is not one (the connection is then closed). */
export function decodeClientMessage(data: Uint8Array): ClientMessage | undefined {
  return parse(clientMessageSchema, data)
}

export function decodeServerMessage(data: Uint8Array): ServerMessage | undefined {
  return parse(serverMessageSchema, data)
}

function parse<T>(schema: z.ZodType<T>, data: Uint8Array): T | undefined {
  try {
    const parsed = schema.safeParse(decode(data))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

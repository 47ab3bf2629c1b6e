import * as Automerge from '@automerge/automerge'
import { openEncrypted } from './passphrase'

/** A laptop's stored documents (its `automerge_chunks` rows, not the repo's sync states), by document id. */
export const LAPTOP_CHUNKS = "SELECT json_extract(key, '$[0]') AS id, data FROM automerge_chunks WHERE json_extract(key, '$[1]') IN ('snapshot', 'incremental')"
/** A server's stored documents, by document id. */
export const SERVER_CHUNKS = 'SELECT document_id AS id, data FROM chunks'

/**
 * Every Automerge document an encrypted store holds (its rows decrypted), loaded whole: the words
 * found in any state of its history, by document. (The bytes of a chunk are compressed: a search of
 * them would miss words that are there.)
 */
export function wordsInHistory(file: string, rowsQuery: string, words: readonly string[]): Record<string, string[]> {
  const db = openEncrypted(file, { readonly: true, timeout: 5000 })
  const byDocument = new Map<string, Uint8Array[]>()
  try {
    for (const row of db.prepare(rowsQuery).all() as { id: string; data: Buffer }[]) byDocument.set(row.id, [...(byDocument.get(row.id) ?? []), new Uint8Array(row.data)])
  } finally {
    db.close()
  }
  const found: Record<string, string[]> = {}
  for (const [id, chunks] of byDocument) {
    let doc = Automerge.init<unknown>()
    for (const chunk of chunks) doc = Automerge.loadIncremental(doc, chunk)
    const held = heldInHistory(doc, words)
    if (held.length > 0) found[id] = held
    Automerge.free(doc)
  }
  return found
}

/** The words found in any state of a document's history. */
export function heldInHistory(doc: Automerge.Doc<unknown>, words: readonly string[]): string[] {
  const states = Automerge.getAllChanges(doc).map((change) => JSON.stringify(Automerge.view(doc, [Automerge.decodeChange(change).hash])))
  return words.filter((text) => states.some((state) => state.includes(text)))
}

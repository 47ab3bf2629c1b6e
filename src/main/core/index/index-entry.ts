import * as Automerge from '@automerge/automerge'
import { isCaseDoc, readCase, type CaseRecord } from '../../../shared/case/case-doc'
import { caseSearchText, summariseCase } from '../../../shared/case/summary'
import { boardFacts } from '../../../shared/board/board'
import { UnreadableCaseError } from '../../../shared/case/migrations'
import type { UnreadableCase } from '../../../shared/api'
import { DamagedDocumentError } from '../errors'
import { loadDocumentBytes } from '../storage/stored-documents'
import type { IndexEntry } from './case-index'

/** What reading a document gives the index: its entry, why it cannot be read, or nothing (not a case, or indexed as it is). */
export type IndexReading = IndexEntry | UnreadableCase | undefined

/**
 * What the index holds for a case document: its entry, or why it cannot be read (a case from a
 * newer version, or one that breaks the schema); undefined for documents that are not cases.
 */
export function indexEntry(id: string, doc: Automerge.Doc<unknown>): IndexReading {
  if (!isCaseDoc(doc)) return undefined
  let record: CaseRecord
  try {
    record = readCase(doc)
  } catch (error) {
    // The reason names a version or a field's path, never what is in it: no case data is kept.
    return { id, reason: error instanceof UnreadableCaseError ? error.message : 'it could not be read' }
  }
  return { summary: summariseCase(id, record), text: caseSearchText(record), board: boardFacts(record), heads: Automerge.getHeads(doc), learningPoints: record.learningPoints }
}

/** A document's entry, or undefined when the index already holds it at these heads (`known`). */
export function changedEntry(id: string, doc: Automerge.Doc<unknown>, known: readonly string[] | undefined): IndexReading {
  if (known && sameHeads(known, Automerge.getHeads(doc))) return undefined
  return indexEntry(id, doc)
}

/**
 * Reads a document from its stored bytes for the index, and frees it: Automerge keeps a document
 * in WebAssembly memory the garbage collector does not see filling (see stored-documents.ts). One
 * whose bytes are damaged comes back as unreadable. The same on the main thread and in a reader
 * thread (entry-readers.ts).
 */
export function entryFromBytes(id: string, bytes: Uint8Array, known: readonly string[] | undefined): IndexReading {
  let doc: Automerge.Doc<unknown>
  try {
    doc = loadDocumentBytes(bytes, id)
  } catch (error) {
    if (error instanceof DamagedDocumentError) return { id, reason: DamagedDocumentError.REASON }
    throw error
  }
  try {
    return changedEntry(id, doc, known)
  } finally {
    Automerge.free(doc)
  }
}

function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const sortedB = [...b].sort()
  return [...a].sort().every((head, i) => head === sortedB[i])
}

import { needsAddedParts, withAddedParts } from '../../shared/case/added-parts'
import { readCase, type CaseDoc, type CaseRecord } from '../../shared/case/case-doc'
import { useIsSaved } from '../platform/unsaved'
import { useLiveDocument } from './useLiveDocument'

export type CaseState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'unreadable'; message: string }
  | { status: 'ready'; record: CaseRecord; doc: CaseDoc; change: (edit: (doc: CaseDoc) => void) => void; saved: boolean }

const anyDocument = () => true
/** An older case gets the newer schemas' parts, by the change every laptop shares, before it is changed. */
const addedParts = { needed: needsAddedParts, apply: withAddedParts<CaseDoc> }

/**
 * An open case, live: the window holds its own copy of the case document and edits it directly
 * (no round trip to the core), signing each change with the person using this laptop. A document
 * that is not a readable case is shown as unreadable, with the reason.
 */
export function useCase(id: string): CaseState {
  const live = useLiveDocument<CaseDoc, CaseRecord>(id, anyDocument, readCase, addedParts)
  const saved = useIsSaved(id)
  if (live.status !== 'ready') return live
  if (live.value instanceof Error) return { status: 'unreadable', message: live.value.message }
  return { status: 'ready', record: live.value, doc: live.doc, change: live.change, saved }
}

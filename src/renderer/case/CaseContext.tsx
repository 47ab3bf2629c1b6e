import { createContext, useCallback, useContext } from 'react'
import type { CaseDoc, CaseRecord } from '../../shared/case/case-doc'
import type { ChangeContext } from '../../shared/case/changes'
import { isoDateOf } from '../../shared/dates'
import { useProfile } from '../app/contexts'

export interface OpenCase {
  id: string
  record: CaseRecord
  /** The Automerge document the record is read from: a field's conflicting values and history are there. */
  doc: CaseDoc
  /** Whether the core holds every change made in this window. */
  saved: boolean
  change: (edit: (doc: CaseDoc) => void) => void
}

export const OpenCaseContext = createContext<OpenCase | null>(null)

export function useOpenCase(): OpenCase {
  const open = useContext(OpenCaseContext)
  if (!open) throw new Error('No case is open')
  return open
}

/**
 * Makes a domain change to the open case, signed by the person using this laptop, in their role,
 * today. If the rules refuse it, it throws and nothing is saved.
 */
export function useCaseChange(): (edit: (doc: CaseDoc, context: ChangeContext) => void) => void {
  const { change } = useOpenCase()
  const profile = useProfile()
  return useCallback(
    (edit) => {
      const now = new Date()
      const context: ChangeContext = { author: { id: profile.id, name: profile.name }, role: profile.role, now, today: isoDateOf(now) }
      change((doc) => edit(doc, context))
    },
    [change, profile],
  )
}

export function today(): string {
  return isoDateOf(new Date())
}

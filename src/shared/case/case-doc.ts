import { z } from 'zod'
import type { IsoDate } from '../dates'
import type { PersonRef } from '../people'
import { toPlain, toStored, type Stored } from '../automerge/registers'
import { PHASES, type Phase } from './phases'
import type { ReferralInput } from './referral'
import type { CaseNote } from './notes'

export const CASE_KIND = 'homeward/case'
export const CASE_SCHEMA_VERSION = 1

/** A case as the rest of the code sees it: plain strings, current schema. */
export interface CaseRecord {
  kind: typeof CASE_KIND
  schemaVersion: number
  /** When the case was opened (ISO instant) and by whom. */
  createdAt: string
  createdBy: PersonRef
  /** When anything in the case last changed (ISO instant). */
  updatedAt: string
  phase: Phase
  referral: ReferralInput & { receivedOn: IsoDate }
  leadCaseworker?: PersonRef
  notes: CaseNote[]
}

/** A case as held in its Automerge document. */
export type CaseDoc = Stored<CaseRecord>

export function newCaseDoc(referral: ReferralInput, author: PersonRef, now: Date, today: IsoDate): CaseDoc {
  const at = now.toISOString()
  return toStored<CaseRecord>({
    kind: CASE_KIND,
    schemaVersion: CASE_SCHEMA_VERSION,
    createdAt: at,
    createdBy: author,
    updatedAt: at,
    phase: 'identify',
    referral: { ...referral, receivedOn: today },
    notes: [],
  })
}

const personRef = z.object({ id: z.string(), name: z.string() })

const caseRecordSchema = z.object({
  kind: z.literal(CASE_KIND),
  schemaVersion: z.number().int().positive(),
  createdAt: z.string(),
  createdBy: personRef,
  updatedAt: z.string(),
  phase: z.enum(PHASES),
  referral: z.object({
    clientName: z.string(),
    dateOfBirth: z.string(),
    chainNumber: z.string().optional(),
    referrerName: z.string(),
    outreachTeam: z.string(),
    receivedOn: z.string(),
  }),
  leadCaseworker: personRef.optional(),
  notes: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      type: z.enum(['face-to-face', 'phone', 'with-agency', 'other']),
      text: z.string(),
      author: personRef,
      writtenAt: z.string(),
      corrects: z.string().optional(),
    }),
  ),
})

export function isCaseDoc(doc: unknown): doc is CaseDoc {
  const kind = (doc as { kind?: unknown } | undefined)?.kind
  return kind !== undefined && String(kind) === CASE_KIND
}

export class UnreadableCaseError extends Error {
  constructor(reason: string) {
    super(`This case cannot be read by this version of Homeward (${reason}).`)
    this.name = 'UnreadableCaseError'
  }
}

/** Reads a case document into its plain shape, checking it on the way. */
export function readCase(doc: CaseDoc): CaseRecord {
  const plain = toPlain<CaseRecord>(doc)
  if (plain.schemaVersion > CASE_SCHEMA_VERSION) {
    throw new UnreadableCaseError(`it was written by a newer version, schema ${plain.schemaVersion}`)
  }
  const parsed = caseRecordSchema.safeParse(plain)
  if (!parsed.success) {
    throw new UnreadableCaseError(parsed.error.issues[0]?.path.join('.') ?? 'unknown field')
  }
  return parsed.data as CaseRecord
}

/** Marks a case as changed; every domain change calls it so lists can sort by recent work. */
export function touch(doc: CaseDoc, now: Date): void {
  doc.updatedAt = toStored(now.toISOString())
}

import type { IsoDate } from './dates'
import type { Field } from './forms/fields'
import type { PersonRef } from './people'

/** What a scanned document is, as the presentation pack lists it (Toolkit, Phase 5). */
export const ATTACHMENT_TYPES = [
  { value: 'identity', label: 'Birth certificate or ID' },
  { value: 'benefits', label: 'Proof of benefits' },
  { value: 'medical', label: 'Medical information' },
  { value: 'address-history', label: 'Proof of address history' },
  { value: 'priority-need', label: 'Evidence of priority need' },
  { value: 'local-connection', label: 'Local connection evidence' },
  { value: 'other', label: 'Other' },
] as const
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]['value']

export const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const
export type MediaType = (typeof MEDIA_TYPES)[number]

/** Larger files are refused: a phone photo is a few MB, a scanned booklet rarely more than 10. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

export const ATTACHMENT_FIELDS = [
  { name: 'type', label: 'What it is', kind: 'choice', options: ATTACHMENT_TYPES, required: true },
  { name: 'date', label: 'Date of the document', kind: 'date', notFuture: true, required: true },
  { name: 'note', label: 'Note', hint: 'For example, "Tenancy agreement, 2019 to 2021"', kind: 'text' },
] as const satisfies readonly Field[]

/** Evidence for one entry of the address history or local connection lists. */
export interface EvidenceFor {
  collection: 'addresses' | 'employment' | 'family' | 'special'
  itemId: string
}

/**
 * A scanned document as the case lists it. Its bytes live in their own immutable document (so they
 * travel with sync, and are loaded only when shown); what it is can be edited here.
 */
export interface AttachmentRecord {
  fileName: string
  mediaType: MediaType
  size: number
  sha256: string
  pages: number
  type: AttachmentType
  date: IsoDate
  note?: string
  evidenceFor?: EvidenceFor
  addedAt: string
  addedBy: PersonRef
}

/** A document Homeward made from the case: what, when, by whom, and which enclosures went in. */
export interface GeneratedDocument {
  id: string
  kind: 'presentation-pack' | 'closure-letter'
  fileName: string
  pages: number
  at: string
  by: PersonRef
  enclosures: { attachmentId: string; fileName: string }[]
}

export const GENERATED_KINDS: Record<GeneratedDocument['kind'], string> = {
  'presentation-pack': 'Presentation pack',
  'closure-letter': 'Closure letter',
}

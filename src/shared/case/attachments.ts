import type { FieldValues, Field } from '../forms/fields'
import type { PersonRef } from '../people'

/** What a scanned document is, in the toolkit's words (Phase 5, the presentation pack). */
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

/** Why a file of this size is refused, or undefined if its size is fine. */
export function sizeRefusal(size: number): string | undefined {
  if (size === 0) return 'the file is empty (0 bytes). Scan or download it again.'
  if (size <= MAX_ATTACHMENT_BYTES) return undefined
  const megabytes = (size / (1024 * 1024)).toFixed(1)
  return `the file is ${megabytes} MB, over the limit of ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB. Scan it again at a lower resolution, or in parts.`
}

/**
 * Longer documents are refused: each page of a pack is copied, stamped and read by a council
 * officer, and a scanned document of more pages than this is a whole file, not evidence.
 */
export const MAX_ATTACHMENT_PAGES = 300

/** Why a document of this many pages is refused, or undefined if its length is fine. */
export function pageRefusal(pages: number): string | undefined {
  if (pages <= MAX_ATTACHMENT_PAGES) return undefined
  return `it has ${pages} pages; the limit is ${MAX_ATTACHMENT_PAGES}. Attach only the pages the council needs, or split it into parts of up to ${MAX_ATTACHMENT_PAGES} pages.`
}

/** What the caseworker says about a document: edited like any other list item of the case. */
export const ATTACHMENT_FIELDS = [
  { name: 'type', label: 'What it is', kind: 'choice', options: ATTACHMENT_TYPES, required: true },
  { name: 'date', label: 'Date of the document', kind: 'date', notFuture: true, required: true },
  { name: 'note', label: 'Note', hint: 'For example, "Tenancy agreement, 2019 to 2021"', kind: 'text' },
  {
    name: 'shareInPack',
    label: 'The client agrees it goes in the presentation pack',
    kind: 'answer',
    required: true,
  },
] as const satisfies readonly Field[]
export type AttachmentDetails = FieldValues<typeof ATTACHMENT_FIELDS>

/** The lists of the local connection test whose entries a document can be evidence for. */
export const EVIDENCE_COLLECTIONS = ['addresses', 'employment', 'family', 'special'] as const
export type EvidenceCollection = (typeof EVIDENCE_COLLECTIONS)[number]

/** An entry of the address history or of the local connection lists. */
export interface EvidenceFor {
  collection: EvidenceCollection
  itemId: string
}

/**
 * A scanned document as the case lists it. Its bytes live in a document of their own, written
 * once and never changed, so they travel with the case but are loaded only when shown or packed.
 */
export interface AttachmentRecord extends AttachmentDetails {
  fileName: string
  mediaType: MediaType
  size: number
  sha256: string
  pages: number
  /** Order in the pack: lower first. */
  position: number
  evidenceFor?: EvidenceFor
  addedAt: string
  addedBy: PersonRef
}

/** A document's own Automerge document: the file, and the case it belongs to. */
export interface AttachmentDoc {
  kind: typeof ATTACHMENT_KIND
  caseId: string
  fileName: string
  mediaType: MediaType
  sha256: string
  bytes: Uint8Array
}
export const ATTACHMENT_KIND = 'homeward/attachment'

export const GENERATED_KINDS = {
  'presentation-pack': 'Presentation pack',
  'closure-letter': 'Closure letter',
} as const
export type GeneratedKind = keyof typeof GENERATED_KINDS

/** A document Homeward made from the case: what, when, by whom, and which enclosures went in. */
export interface GeneratedDocument {
  kind: GeneratedKind
  fileName: string
  pages: number
  at: string
  by: PersonRef
  enclosures: { attachmentId: string; fileName: string; pages: number }[]
}

/** A case's documents in pack order. */
export function attachmentsInOrder<A extends { position: number; addedAt: string }>(attachments: Record<string, A>): (A & { id: string })[] {
  return Object.entries(attachments)
    .map(([id, attachment]) => ({ ...attachment, id }))
    .sort((a, b) => a.position - b.position || a.addedAt.localeCompare(b.addedAt))
}

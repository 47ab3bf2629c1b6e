import type { EvidenceCollection, EvidenceFor } from '../../../shared/case/attachments'
import type { CaseRecord } from '../../../shared/case/record'
import { displayValue } from '../../../shared/forms/fields'
import { FAMILY_FIELDS } from '../../../shared/case/local-connection'
import { localAuthorityName } from '../../../shared/places/local-authority'

/** An entry of the address history or local connection lists, as a document's "evidence for" names it. */
export interface EvidenceOption {
  value: string
  label: string
}

const relationship = FAMILY_FIELDS.find((field) => field.name === 'relationship')!

/** Every entry a document could be evidence for, labelled the way the case page lists them. */
export function evidenceOptions(record: CaseRecord): EvidenceOption[] {
  const option = (collection: EvidenceCollection, itemId: string, label: string) => ({ value: `${collection}:${itemId}`, label })
  return [
    ...Object.entries(record.addresses).map(([id, a]) => option('addresses', id, `Address: ${a.address} (${localAuthorityName(a.localAuthority ?? '')})`)),
    ...Object.entries(record.employment).map(([id, e]) => option('employment', id, `Work: ${e.employer} (${localAuthorityName(e.localAuthority ?? '')})`)),
    ...Object.entries(record.family).map(([id, f]) =>
      option('family', id, `Family: ${[displayValue(relationship, f.relationship), f.name].filter(Boolean).join(', ')} (${localAuthorityName(f.localAuthority ?? '')})`),
    ),
    ...Object.entries(record.special).map(([id, s]) => option('special', id, `Special circumstances (${localAuthorityName(s.localAuthority ?? '')})`)),
  ]
}

export function evidenceValue(evidenceFor: EvidenceFor | undefined): string {
  return evidenceFor ? `${evidenceFor.collection}:${evidenceFor.itemId}` : ''
}

export function parseEvidenceValue(value: string): EvidenceFor | null {
  const [collection, itemId] = value.split(':')
  return collection && itemId ? { collection: collection as EvidenceCollection, itemId } : null
}

/** What a document is evidence for, in words, or '' if nothing (or an entry since removed). */
export function evidenceLabel(record: CaseRecord, evidenceFor: EvidenceFor | undefined): string {
  const value = evidenceValue(evidenceFor)
  return value ? (evidenceOptions(record).find((option) => option.value === value)?.label ?? '') : ''
}

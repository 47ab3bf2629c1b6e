import * as Automerge from '@automerge/automerge/slim'
import { choicesIn } from '../automerge/field-history'
import { displayValue, type Field } from '../forms/fields'
import { CASE_COLLECTIONS, CASE_SECTIONS, type CaseCollection } from './changes'
import type { CaseDoc } from './record'

/** An item of each list as the history names it: "Postcode, in an address". */
const ITEM_NAMES: Record<CaseCollection, string> = {
  sharingConsents: 'an agency',
  addresses: 'an address',
  employment: 'a job',
  family: 'a family member',
  special: 'special circumstances',
  actions: 'an action',
  expenses: 'an expense',
  goals: 'a goal',
  onwardReferrals: 'an onward referral',
  partnerActions: 'an action agreed with a partner',
  followUps: 'a follow-up check',
  reviews: 'a support plan review',
  markers: 'a warning marker',
}

/**
 * What each change that settled a conflict chose, in words, by the change's hash: "Kept “1111111”
 * for CHAIN number (from 2 values saved at once)". The case's history says what a choice was, so
 * the value not kept can be traced to who dropped it.
 */
export function choicesMade(doc: Automerge.Doc<CaseDoc>): Map<string, string[]> {
  const found = new Map<string, string[]>()
  const choices = choicesIn(doc)
  if (choices.length === 0) return found
  const places = fieldPlaces(doc)
  for (const choice of choices) {
    const place = places.get(choice.objectId)
    const field = place?.fields.find((candidate) => candidate.name === choice.key)
    if (!place || !field) continue
    const shown = displayValue(field, choice.value) || 'Not recorded'
    const line = `Kept “${shown}” for ${field.label}${place.of} (from ${choice.chosenFrom} values saved at once)`
    found.set(choice.change, [...(found.get(choice.change) ?? []), line])
  }
  return found
}

/** The case's forms and list items by Automerge object id, with their fields and how to name them. */
function fieldPlaces(doc: Automerge.Doc<CaseDoc>): Map<string, { fields: readonly Field[]; of: string }> {
  const places = new Map<string, { fields: readonly Field[]; of: string }>()
  const add = (target: unknown, fields: readonly Field[], of: string) => {
    const objectId = typeof target === 'object' && target !== null ? Automerge.getObjectId(target) : null
    if (objectId) places.set(objectId, { fields, of })
  }
  for (const [section, fields] of Object.entries(CASE_SECTIONS)) add(doc[section as keyof typeof CASE_SECTIONS], fields, '')
  for (const [collection, fields] of Object.entries(CASE_COLLECTIONS) as [CaseCollection, readonly Field[]][]) {
    for (const item of Object.values(doc[collection] ?? {})) add(item, fields, `, in ${ITEM_NAMES[collection]}`)
  }
  return places
}

import { CASE_COLLECTIONS, CASE_SECTIONS, type CaseCollection, type CaseSection } from './changes'
import type { CaseRecord } from './record'
import type { Phase } from './phases'
import { nameKeys } from './duplicates'
import { closedAs, type ClosedAs } from './closed-label'
import { aliasesOf } from './contact'
import { REFERRAL_DETAIL_FIELDS } from './referral'

/** One row of the case list: what the index holds for each case. */
export interface CaseSummary {
  id: string
  clientName: string
  dateOfBirth: string
  chainNumber: string | null
  phase: Phase
  status: 'open' | 'closed'
  /** How a closed case ended (lists show "Closed — not appropriate", never its last phase); null while open. */
  closedAs: ClosedAs | null
  leadCaseworker: string | null
  /** The lead caseworker's member id, for "mine" and the caseworker filter (names can repeat). */
  leadCaseworkerId: string | null
  createdAt: string
  updatedAt: string
}

/**
 * A case as the case list shows it: marked where another open case may be the same person (the
 * same CHAIN number, or name and date of birth), as when two laptops took the same referral
 * offline. The case page says which, and offers the merge.
 */
export interface ListedCase extends CaseSummary {
  possibleDuplicate?: true
}

/** The words a case can be found by, grouped by where they come from, and its duplicate key. */
export interface CaseSearchText {
  names: string
  identifiers: string
  /** What the referral says in words (why referred, where seen, support needs...), and who referred. */
  referral: string
  /** Every address the client has lived at, with its postcode, and the case's other addresses (postal, new). */
  addresses: string
  /** The words of the rest of the case's forms: actions, the plan, onward referrals and partners' actions, goals, reviews, needs, follow-ups, closure, learning points… */
  casework: string
  notes: string
  /** Every name the client is known by, as the duplicate check compares them. */
  nameKeys: string[]
}

/**
 * Every address a case's forms hold outside its list of addresses (the referral's postal address,
 * the reconnection day's new address, any added later): found by name in the catalogues, so a new
 * address field is searchable without anyone remembering to list it here.
 */
const ADDRESS_FIELDS_OF_SECTIONS = (Object.entries(CASE_SECTIONS) as [CaseSection, readonly { name: string; kind: string }[]][]).flatMap(([section, fields]) =>
  fields.filter((field) => /address$/i.test(field.name) && (field.kind === 'text' || field.kind === 'paragraph')).map((field) => ({ section, name: field.name })),
)

/** The referral's fields a caseworker writes words in: the ones worth searching (its addresses go with the others). */
const REFERRAL_TEXT_FIELDS = REFERRAL_DETAIL_FIELDS.filter(
  (field) => (field.kind === 'text' || field.kind === 'paragraph') && !ADDRESS_FIELDS_OF_SECTIONS.some((address) => address.section === 'referral' && address.name === field.name),
).map((field) => field.name)

/** A form's fields that hold a caseworker's words (not dates, choices, numbers). */
const wordsIn = (fields: readonly { name: string; kind: string }[]) => fields.filter((field) => field.kind === 'text' || field.kind === 'paragraph').map((field) => field.name)

/**
 * Every other field a caseworker writes words in, read from the catalogues so that a new form's
 * words are searchable without anyone remembering to list them: the sections' (the referral's and
 * the addresses are searched in their own columns) and the lists' (the addresses apart).
 */
const CASEWORK_SECTION_FIELDS = (Object.entries(CASE_SECTIONS) as [CaseSection, readonly { name: string; kind: string }[]][])
  .filter(([section]) => section !== 'referral')
  .map(([section, fields]) => ({ section, names: wordsIn(fields).filter((name) => !ADDRESS_FIELDS_OF_SECTIONS.some((address) => address.section === section && address.name === name)) }))
const CASEWORK_COLLECTION_FIELDS = (Object.entries(CASE_COLLECTIONS) as [CaseCollection, readonly { name: string; kind: string }[]][])
  .filter(([collection]) => collection !== 'addresses')
  .map(([collection, fields]) => ({ collection, names: wordsIn(fields) }))

export function summariseCase(id: string, record: CaseRecord): CaseSummary {
  return {
    id,
    clientName: record.referral.clientName,
    dateOfBirth: record.referral.dateOfBirth,
    chainNumber: record.referral.chainNumber ?? null,
    phase: record.phase,
    status: record.status,
    closedAs: closedAs(record),
    leadCaseworker: record.allocation.leadCaseworker?.name ?? null,
    leadCaseworkerId: record.allocation.leadCaseworker?.id ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  }
}

export function caseSearchText(record: CaseRecord): CaseSearchText {
  return {
    // The other names the client is known by are found as their name is.
    names: [record.referral.clientName, ...aliasesOf(record.contact ?? {})].join('\n'),
    identifiers: record.referral.chainNumber ?? '',
    referral: [record.referral.referrerName, record.referral.outreachTeam, ...REFERRAL_TEXT_FIELDS.map((name) => record.referral[name])]
      .filter((text): text is string => typeof text === 'string')
      .join('\n'),
    addresses: [
      ...Object.values(record.addresses).map((period) => [period.address, period.postcode].filter(Boolean).join(' ')),
      ...ADDRESS_FIELDS_OF_SECTIONS.map(({ section, name }) => (record[section] as Record<string, unknown>)[name]),
    ]
      .filter((text): text is string => typeof text === 'string' && text !== '')
      .join('\n'),
    casework: [
      ...CASEWORK_SECTION_FIELDS.flatMap(({ section, names }) => names.map((name) => (record[section] as Record<string, unknown> | undefined)?.[name])),
      ...CASEWORK_COLLECTION_FIELDS.flatMap(({ collection, names }) =>
        Object.values(record[collection] as Record<string, Record<string, unknown>>).flatMap((item) => names.map((name) => item[name])),
      ),
      ...Object.values(record.learningPoints).map((point) => point.text),
    ]
      .filter((text): text is string => typeof text === 'string' && text !== '')
      .join('\n'),
    notes: record.notes.map((note) => note.text).join('\n'),
    nameKeys: nameKeys({ clientName: record.referral.clientName, otherNames: aliasesOf(record.contact ?? {}) }),
  }
}

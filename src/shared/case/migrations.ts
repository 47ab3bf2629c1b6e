import { toPlain, toStored } from '../automerge/registers'
import { hasPartsOf, PARTS_ADDED } from './added-parts'
import type { PersonRef } from '../people'
import { CASE_SCHEMA_VERSION, type CaseDoc } from './record'
import { UserFacingError } from '../user-facing-error'

/**
 * A case's schema version says how its document is shaped. Older cases are read through these
 * migrations, and a document is brought up to date inside the first change made to it.
 */

export class UnreadableCaseError extends UserFacingError {
  constructor(reason: string) {
    super(`This case cannot be read by this version of Homeward (${reason}).`)
  }
}

/**
 * How each older schema becomes the next, for a plain record (reading) and in a document (before
 * it is next changed). A migration only adds: it never removes what someone wrote.
 */
const MIGRATIONS: Record<number, { plain(record: Record<string, unknown>): Record<string, unknown>; doc(doc: Record<string, unknown>): void }> = {
  // Version 1 held the referral's first details and the notes; version 2 is the whole case.
  1: {
    plain(record) {
      const { leadCaseworker, ...rest } = record as { leadCaseworker?: PersonRef; referral: Record<string, unknown> }
      return {
        ...version2Parts(record),
        ...rest,
        schemaVersion: 2,
        referral: { ...(rest.referral as object), status: 'received' },
        allocation: leadCaseworker ? { leadCaseworker } : {},
      }
    },
    doc(doc) {
      const plain = toPlain<Record<string, unknown>>(doc as never)
      const upgraded = MIGRATIONS[1]!.plain(plain)
      for (const [key, value] of Object.entries(upgraded)) {
        if (key === 'notes' || key === 'referral') continue // kept as they are: they hold what people wrote
        if (!(key in doc) || key === 'schemaVersion') doc[key] = toStored(value)
      }
      ;(doc.referral as Record<string, unknown>).status = toStored('received')
      if ('leadCaseworker' in doc) delete doc.leadCaseworker
    },
  },
  // Version 3 adds scanned documents and generated paperwork. (Version 2 cases were made before
  // laptops shared cases; were one shared now, two laptops upgrading it at once would each make
  // these maps, and one map would hide the other's entries.)
  2: {
    plain(record) {
      return { attachments: {}, generatedDocuments: {}, ...record, schemaVersion: 3 }
    },
    doc(doc) {
      if (!('attachments' in doc)) doc.attachments = {}
      if (!('generatedDocuments' in doc)) doc.generatedDocuments = {}
      doc.schemaVersion = 3
    },
  },
  // Version 4 adds the casework record around the toolkit. Its parts are made by the one change all
  // laptops share (`withAddedParts`, before the change that upgrades): made here, in this laptop's
  // own change, they would hide another laptop's.
  3: {
    plain(record) {
      return { ...Object.fromEntries(PARTS_ADDED[4]!.map((part) => [part, {}])), ...record, schemaVersion: 4 }
    },
    doc(doc) {
      if (!hasPartsOf(doc, 4)) throw new Error('a case is upgraded to schema 4 only after withAddedParts')
      doc.schemaVersion = 4
    },
  },
  // Version 5 adds the case's learning points, by the shared change as for version 4.
  4: {
    plain(record) {
      return { learningPoints: {}, ...record, schemaVersion: 5 }
    },
    doc(doc) {
      if (!hasPartsOf(doc, 5)) throw new Error('a case is upgraded to schema 5 only after withAddedParts')
      doc.schemaVersion = 5
    },
  },
  // Version 6 adds the list of actions agreed with partners, by the shared change as for version 4.
  // A referral's own action from before stays where it was written, read as the first of its list
  // (`agreedActions`): nothing is moved, so two laptops upgrading at once cannot make two copies.
  5: {
    plain(record) {
      return { partnerActions: {}, ...record, schemaVersion: 6 }
    },
    doc(doc) {
      if (!hasPartsOf(doc, 6)) throw new Error('a case is upgraded to schema 6 only after withAddedParts')
      doc.schemaVersion = 6
    },
  },
}

/** Written out, not taken from newCaseDoc: a migration describes version 2 as it was, for ever. */
function version2Parts(record: Record<string, unknown>): Record<string, unknown> {
  return {
    status: 'open',
    phaseHistory: [{ id: 'opened', at: record.createdAt, by: record.createdBy, kind: 'opened', to: 'identify' }],
    engagement: {},
    sharingConsents: {},
    addresses: {},
    employment: {},
    family: {},
    special: {},
    plan: {},
    risk: {},
    safety: {},
    reconnectionDay: {},
    actions: {},
    expenses: {},
    goals: {},
    wellbeing: {},
    stepDown: {},
    closure: {},
  }
}

/** Brings a plain record of an older schema to the current one (still to be checked). */
export function upgradeRecord(stored: Record<string, unknown>): Record<string, unknown> {
  let plain = stored
  let version = Number(plain.schemaVersion)
  if (version > CASE_SCHEMA_VERSION) {
    throw new UnreadableCaseError(`it was written by a newer version, schema ${version}`)
  }
  while (version < CASE_SCHEMA_VERSION) {
    const migration = MIGRATIONS[version]
    if (!migration) throw new UnreadableCaseError(`no way to read schema ${version}`)
    plain = migration.plain(plain)
    version = Number(plain.schemaVersion)
  }
  return plain
}

/** Brings a document to the current schema, inside a change, before anything else is changed. */
export function upgradeCaseDoc(doc: CaseDoc): void {
  let version = Number(doc.schemaVersion)
  while (version < CASE_SCHEMA_VERSION) {
    MIGRATIONS[version]!.doc(doc as unknown as Record<string, unknown>)
    version = Number(doc.schemaVersion)
  }
}

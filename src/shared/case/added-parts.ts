import * as Automerge from '@automerge/automerge/slim'

/**
 * The parts (maps) a schema version adds to every case, by version.
 *
 * A case is shared, so two laptops may bring the same older case up to date at once. Were each to
 * make the new maps in its own change, the case would hold two maps at one key, Automerge would
 * show only one of them, and whatever was written into the other would be hidden. So a version's
 * parts are made by one change that is the same bytes on every laptop: one fixed actor, no
 * dependencies, time 0. Applied by any number of laptops, it is one change, and everything they
 * write lands in the same maps. A new case is made with its parts (`newCaseRecord`) and never needs it.
 */
export const PARTS_ADDED: Readonly<Record<number, readonly string[]>> = {
  // The whole casework record around the toolkit: contact details, the needs assessment, warning
  // markers, equality monitoring, onward referrals, Phase 6 support, follow-ups after closure, reviews.
  4: ['contact', 'needs', 'markers', 'equality', 'onwardReferrals', 'intensiveSupport', 'followUps', 'reviews'],
  // The case's learning points, once written into the team document (learning-points.ts): two
  // laptops moving a case's points into it at once must write into one map.
  5: ['learningPoints'],
  // The actions agreed with partners, any number per onward referral (partner-actions.ts).
  6: ['partnerActions'],
}

const made = new Map<number, Uint8Array>()

/** The one change that makes a version's parts, the same bytes on every laptop. */
export function partsChange(version: number): Uint8Array {
  const parts = PARTS_ADDED[version]
  if (!parts) throw new Error(`schema ${version} adds no parts`)
  let change = made.get(version)
  if (!change) {
    // The actor is the version written in hex: the same on every laptop, and no person's.
    const actor = [...`homeward case schema ${version}`].map((char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('')
    const empty = Automerge.init<Record<string, unknown>>({ actor })
    const withParts = Automerge.change(empty, { time: 0 }, (doc) => {
      for (const part of parts) doc[part] = {}
    })
    change = Automerge.getLastLocalChange(withParts)!
    made.set(version, change)
  }
  return change
}

/** The versions after this document's own whose parts it does not hold yet. */
function versionsLacking(doc: object): number[] {
  const version = Number((doc as { schemaVersion?: unknown }).schemaVersion)
  return Object.keys(PARTS_ADDED)
    .map(Number)
    .filter((added) => added > version && !hasPartsOf(doc, added))
}

/** True when a case must have `withAddedParts` applied before it is next changed. */
export function needsAddedParts(doc: object): boolean {
  return versionsLacking(doc).length > 0
}

/**
 * The document with the parts of every schema after its own: the change(s) above applied, before
 * the first change that brings it up to date (`upgradeCaseDoc` then only writes the version).
 */
export function withAddedParts<D>(doc: Automerge.Doc<D>): Automerge.Doc<D> {
  const lacking = versionsLacking(doc as object)
  return lacking.length === 0 ? doc : Automerge.applyChanges(doc, lacking.map(partsChange))[0]
}

/** True when a document holds every part its version's upgrade needs (`withAddedParts` has run). */
export function hasPartsOf(doc: object, version: number): boolean {
  return (PARTS_ADDED[version] ?? []).every((part) => part in doc)
}

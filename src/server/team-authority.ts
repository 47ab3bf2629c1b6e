import * as Automerge from '@automerge/automerge'
import { authoredBy, SERVER_AUTHOR } from '../shared/authorship'
import { toPlain, toStored } from '../shared/automerge/registers'
import type { Person } from '../shared/people'
import { isMap } from '../shared/team/team-doc'
import { laptopMayHold, restrictions, type Restriction } from '../shared/team/restrictions'
import { erasures, type Erasure } from '../shared/team/erasures'
import { sameRestrictions, setRestrictions } from './restricted-documents'
import { sameErasures, setErasures } from './erased-cases'
import { corrections, type Correction } from '../shared/team/corrections'
import { sameCorrections, setCorrections } from './corrected-cases'
import type { ServerStore } from './store'

/** The lists in the team document that say which documents are the team's. */
const LISTS = ['cases', 'attachments', 'meetings'] as const
type Lists = Record<(typeof LISTS)[number], Record<string, unknown>>

/** What a chunk of the team document did, once the server has held it to the team's authority. */
export interface TeamUpdate {
  /** Documents the team document newly lists. */
  listed: string[]
  /** The server's own change putting back what the chunk had no right to change, if it had to. */
  correction?: Uint8Array
  /** What was put back, in words for the laptop that sent it. */
  undone: string[]
}

/**
 * The team's authority over its team document. Which documents are the team's (cases, scanned
 * documents, meetings) and who is in the team with what role are the server's to decide: a laptop
 * that edits the team document to unlist a document, or to add, remove or promote a member, has
 * that part put back by a change the server makes at once and sends to every laptop, the sender
 * too. (A CRDT change cannot be taken back out of the history of the laptop that made it; a later
 * change that undoes it reaches everyone, so every laptop comes back to the server's view.)
 * Everything else in the team document (settings, directories, the learning log) is the team's
 * shared content, as any laptop edits it.
 *
 * Only listed documents are ever sent to a laptop. A document leaves the team only by a manager's
 * authenticated call (`remove`).
 */
export class TeamAuthority {
  #doc: Automerge.Doc<unknown>
  /** The lists as last held: what is put back if a laptop's change removes entries. */
  #lists: Lists
  /** The restricted cases as the server last made them: what is put back if a laptop's change alters them. */
  #restricted: Record<string, Restriction>
  /** The erased cases as the server last recorded them: what is put back if a laptop's change alters them. */
  #erased: Record<string, Erasure>
  /** The corrected cases as the server last recorded them: what is put back if a laptop's change alters them. */
  #corrected: Record<string, Correction>

  constructor(
    private readonly store: ServerStore,
    readonly teamDocumentId: string,
    private readonly now: () => Date,
  ) {
    let doc = Automerge.init<unknown>()
    for (const chunk of store.chunksOf(teamDocumentId)) doc = loadSafely(doc, chunk.data)
    this.#doc = doc
    this.#lists = listsOf(doc)
    this.#restricted = restrictions(doc as never)
    this.#erased = erasures(doc as never)
    this.#corrected = corrections(doc as never)
    // A server from before people were its own takes the team document's members as its people, once.
    if (store.people().length === 0) for (const person of membersOf(doc) ?? []) store.addPerson(person, now())
    store.setListed(this.#listedIds(), store.lastSeq())
  }

  /** Whether a laptop may be sent this document. */
  serves(documentId: string): boolean {
    return documentId === this.teamDocumentId || this.store.isListed(documentId)
  }

  /**
   * Takes in a new chunk of the team document (stored as `seq`) from a laptop of these people (by
   * id), holding it to the team's authority.
   */
  update(data: Uint8Array, seq: number, senderIds: readonly string[]): TeamUpdate {
    const before = this.#lists
    this.#doc = loadSafely(this.#doc, data)
    const now = listsOf(this.#doc)
    const unlisted = LISTS.flatMap((list) =>
      Object.keys(before[list])
        .filter((id) => !(id in now[list]) && !this.store.isRemoved(id))
        .map((id) => ({ list, id })),
    )
    // A document a manager took out of the team stays out, even if a laptop that had not heard yet edits its entry.
    const relisted = LISTS.flatMap((list) => Object.keys(now[list]).filter((id) => this.store.isRemoved(id)).map((id) => ({ list, id })))
    // Which case a scan is of decides who may be sent it (a restricted case's scans go only where
    // the case goes). A scan moves to another case only from a laptop that may hold both (merging
    // a duplicate moves its scans): a laptop outside a restriction that moved a scan would be sent
    // a restricted one, or make the others delete one they may hold.
    const mayHoldCase = (caseId: string | undefined) => caseId !== undefined && laptopMayHold(this.#restricted[caseId], senderIds)
    const moved = Object.keys(before.attachments).filter((id) => {
      const from = caseOf(before.attachments[id])
      const to = caseOf(now.attachments[id])
      return id in now.attachments && to !== from && !(mayHoldCase(from) && mayHoldCase(to))
    })
    // A document is one kind of thing: an id listed under a second list (a restricted case listed as a scan, say) is taken off it.
    const doubled = LISTS.flatMap((list) =>
      Object.keys(now[list])
        .filter((id) => !(id in before[list]) && LISTS.some((other) => other !== list && (id in before[other] || id in now[other])))
        .map((id) => ({ list, id })),
    )
    const undone: string[] = []
    if (unlisted.length > 0) undone.push(`it took ${countOf(unlisted.length, 'document')} out of the team, which only a manager can do`)
    if (moved.length > 0) undone.push(`it moved ${countOf(moved.length, 'scanned document')} to or from a case restricted to others`)
    if (doubled.length > 0) undone.push(`it listed ${countOf(doubled.length, 'document')} as a second kind of thing, which cannot be done`)
    if (this.#membersWrong()) undone.push('it changed who is in the team or a role, which the server decides')
    if (!sameRestrictions(restrictions(this.#doc as never), this.#restricted)) undone.push('it changed which cases are restricted, which only the server records')
    if (!sameErasures(erasures(this.#doc as never), this.#erased)) undone.push('it changed which cases are erased, which only the server records')
    if (!sameCorrections(corrections(this.#doc as never), this.#corrected)) undone.push('it changed which cases are corrected, which only the server records')
    let correction: Uint8Array | undefined
    if (undone.length > 0 || relisted.length > 0) {
      correction = this.#change((team) => {
        for (const { list, id } of [...relisted, ...doubled]) if (isMap(team[list])) delete team[list][id]
        if (isMap(team.attachments)) for (const id of moved) team.attachments[id] = toStored(before.attachments[id])
        for (const { list, id } of unlisted) {
          // A list a laptop replaced with something that is not a map (a number, say) is made again.
          if (!isMap(team[list])) team[list] = {}
          team[list][id] = toStored(before[list][id])
        }
        this.#setMembers(team)
        setRestrictions(team, this.#restricted)
        setErasures(team, this.#erased)
        setCorrections(team, this.#corrected)
      })
    }
    this.#lists = correction ? listsOf(this.#doc) : now
    return { listed: this.store.setListed(this.#listedIds(), seq), correction, undone }
  }

  /** Brings the team document's members into line with the server's people (after one joins); returns the change, if one was needed. */
  reconcileMembers(): Uint8Array | undefined {
    return this.#membersWrong() ? this.#change((team) => this.#setMembers(team)) : undefined
  }

  /** A manager takes a document out of the team: the change that unlists it, if the team document lists it. */
  remove(documentId: string): Uint8Array | undefined {
    const list = LISTS.find((name) => documentId in this.#lists[name])
    if (!list) return undefined
    const change = this.#change((team) => {
      delete team[list]?.[documentId]
    })
    this.#lists = listsOf(this.#doc)
    this.store.setListed(this.#listedIds(), this.store.lastSeq())
    return change
  }

  /** A case restricted (to these people), or its restriction cleared (undefined): the server's change saying so. */
  restrict(caseId: string, restriction: Restriction | undefined): Uint8Array | undefined {
    const next = { ...this.#restricted }
    if (restriction) next[caseId] = restriction
    else delete next[caseId]
    this.#restricted = next
    return this.#change((team) => setRestrictions(team, next))
  }

  /**
   * A case erased: the server's change that takes it and its scanned documents out of the team's
   * lists (and its restriction, if any) and records the erasure with its anonymised record. The
   * meetings rebuilt without it (by old id) are listed in their old documents' places, and recorded
   * as corrections, in the same change: no laptop sees the erasure without them.
   */
  erase(caseId: string, erasure: Erasure, meetings: Record<string, Correction> = {}): Uint8Array | undefined {
    this.#erased = { ...this.#erased, [caseId]: erasure }
    this.#corrected = { ...this.#corrected, ...meetings }
    const restricted = { ...this.#restricted }
    delete restricted[caseId]
    this.#restricted = restricted
    const entries = this.#lists.meetings
    const change = this.#change((team) => {
      for (const id of erasure.documents) {
        if (isMap(team.cases)) delete team.cases[id]
        if (isMap(team.attachments)) delete team.attachments[id]
      }
      if (Object.keys(meetings).length > 0 && !isMap(team.meetings)) team.meetings = {}
      for (const [oldId, rebuilt] of Object.entries(meetings)) {
        team.meetings![rebuilt.replacedBy] = toStored(entries[oldId] ?? {})
        delete team.meetings![oldId]
      }
      setRestrictions(team, restricted)
      setErasures(team, this.#erased)
      setCorrections(team, this.#corrected)
    })
    this.#lists = listsOf(this.#doc)
    this.store.setListed(this.#listedIds(), this.store.lastSeq())
    return change
  }

  /**
   * A case corrected: the server's change that lists the new document in the old one's place (its
   * scanned documents and its restriction, if any, move with it) and records the correction.
   */
  correct(caseId: string, correction: Correction): Uint8Array | undefined {
    const newId = correction.replacedBy
    this.#corrected = { ...this.#corrected, [caseId]: correction }
    const restricted = { ...this.#restricted }
    if (restricted[caseId]) restricted[newId] = restricted[caseId]
    delete restricted[caseId]
    this.#restricted = restricted
    const scans = this.scansOf(caseId)
    const entry = this.#lists.cases[caseId]
    const change = this.#change((team) => {
      if (!isMap(team.cases)) team.cases = {}
      team.cases[newId] = toStored(entry ?? {})
      delete team.cases[caseId]
      if (isMap(team.attachments)) {
        for (const id of scans) if (isMap(team.attachments[id])) (team.attachments[id] as Record<string, unknown>).caseId = toStored(newId)
      }
      setRestrictions(team, restricted)
      setCorrections(team, this.#corrected)
    })
    this.#lists = listsOf(this.#doc)
    this.store.setListed(this.#listedIds(), this.store.lastSeq())
    return change
  }

  /** The restriction a document is under: a restricted case's own, or its case's for a scanned document. */
  restrictionOf(documentId: string): Restriction | undefined {
    const scanOf = caseOf(this.#lists.attachments[documentId])
    return this.#restricted[documentId] ?? (scanOf === undefined ? undefined : this.#restricted[scanOf])
  }

  /** The team's restricted cases, by id. */
  restrictedCaseIds(): string[] {
    return Object.keys(this.#restricted)
  }

  /** The team's meetings, by id. */
  meetingIds(): string[] {
    return Object.keys(this.#lists.meetings)
  }

  /** The cases the team has erased. */
  erasedCaseIds(): string[] {
    return Object.keys(this.#erased)
  }

  /** Whether the team lists this case. */
  listsCase(caseId: string): boolean {
    return caseId in this.#lists.cases
  }

  /** A case's scanned documents, as the team document lists them. */
  scansOf(caseId: string): string[] {
    return Object.entries(this.#lists.attachments).filter(([, entry]) => caseOf(entry) === caseId).map(([id]) => id)
  }

  /** Whether the team document's members differ from the server's people (never before the team document has arrived). */
  #membersWrong(): boolean {
    if (!arrived(this.#doc)) return false
    const members = membersOf(this.#doc)
    if (!members) return true
    const people = this.store.people()
    const byId = new Map(members.map((member) => [member.id, member]))
    return members.length !== people.length || people.some((person) => {
      const member = byId.get(person.id)
      return !member || member.name !== person.name || member.role !== person.role
    })
  }

  #setMembers(team: TeamShape): void {
    // Before the team document has arrived there is nothing to set: a members map made here and on
    // the laptop at once, one of the two would hide the other. Once it has, a members map a laptop
    // deleted, or replaced with something that is not a map, is made again.
    if (!arrived(team)) return
    if (!isMap(team.members)) team.members = {}
    const people = new Map(this.store.people().map((person) => [person.id, person]))
    for (const id of Object.keys(team.members)) if (!people.has(id)) delete team.members[id]
    for (const person of people.values()) {
      const stored = team.members[person.id]
      const member = stored === undefined ? undefined : toPlain<{ name?: string; role?: string }>(stored as never)
      if (!member || member.name !== person.name || member.role !== person.role) team.members[person.id] = toStored({ name: person.name, role: person.role })
    }
  }

  /**
   * The server's own change. If it cannot be made (a state no laptop of Homeward writes), nothing
   * is changed and the rest goes on: a laptop's bytes never jam the team document for the others.
   */
  #change(edit: (team: TeamShape) => void): Uint8Array | undefined {
    try {
      const heads = Automerge.getHeads(this.#doc)
      this.#doc = Automerge.change(this.#doc, authoredBy(SERVER_AUTHOR, this.now()), (doc) => edit(doc as TeamShape))
      // As laptops save changes (uncompressed), so every laptop can tell whose it is.
      const changed = Automerge.getHeads(this.#doc).some((head) => !heads.includes(head))
      return changed ? Automerge.saveSince(this.#doc, heads) : undefined
    } catch {
      return undefined
    }
  }

  #listedIds(): Set<string> {
    return new Set(LISTS.flatMap((list) => Object.keys(this.#lists[list])))
  }
}

export interface TeamShape {
  kind?: unknown
  members?: Record<string, unknown>
  cases?: Record<string, unknown>
  attachments?: Record<string, unknown>
  meetings?: Record<string, unknown>
  restricted?: unknown
  erased?: unknown
  corrected?: unknown
}

/** Whether the team document has arrived (its first chunk, made on the manager's laptop, names its kind). */
function arrived(doc: unknown): boolean {
  return (doc as TeamShape).kind !== undefined
}

function listsOf(doc: Automerge.Doc<unknown>): Lists {
  const team = doc as TeamShape
  return { cases: plainMap(team.cases), attachments: plainMap(team.attachments), meetings: plainMap(team.meetings) }
}

function plainMap(map: unknown): Record<string, unknown> {
  return isMap(map) ? toPlain<Record<string, unknown>>(map as never) : {}
}

/** The members the team document names, or undefined before it has any members map. */
function membersOf(doc: Automerge.Doc<unknown>): Person[] | undefined {
  const members = (doc as TeamShape).members
  if (!isMap(members)) return undefined
  const plain = toPlain<Record<string, { name?: unknown; role?: unknown } | undefined>>(members as never)
  return Object.entries(plain).map(([id, member]): Person => ({
    id,
    name: typeof member?.name === 'string' ? member.name : '',
    role: member?.role === 'manager' ? 'manager' : 'caseworker',
  }))
}

/** The case a scanned document's entry names, if it names one. */
function caseOf(entry: unknown): string | undefined {
  const caseId = (entry as { caseId?: unknown } | undefined)?.caseId
  return typeof caseId === 'string' ? caseId : undefined
}

function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** Chunks are checked before they are stored, so this only guards against the impossible. */
function loadSafely(doc: Automerge.Doc<unknown>, data: Uint8Array): Automerge.Doc<unknown> {
  try {
    return Automerge.loadIncremental(doc, data)
  } catch {
    return doc
  }
}

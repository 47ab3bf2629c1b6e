import { sha256Hex } from '../../../node/crypto'
import * as Automerge from '@automerge/automerge'
import type { DocHandle, DocumentId, Repo } from '@automerge/automerge-repo'
import type { ChunkMark, ChunkMessage } from '../../../shared/sync/protocol'
import { toPlain, toStored } from '../../../shared/automerge/registers'
import type { ChangeOptions } from '../../../shared/authorship'
import type { Person } from '../../../shared/people'
import { mapIn, teamCaseIds, upgradeTeamDoc, TEAM_SCHEMA_VERSION, type TeamDoc } from '../../../shared/team/team-doc'
import type { SqliteStorageAdapter } from '../storage/sqlite-adapter'
import type { LocalSettings } from '../storage/workspace-files'
import type { ChangeAttestations } from './attestations'
import type { SyncOutbox } from './outbox'

/** This laptop's place in a team: where the server is, and the credential it was given. */
export interface Membership {
  /** The server's address, http(s)://host:port. */
  server: string
  team: string
  teamDocumentId: string
  deviceId: string
  deviceName: string
  credential: string
  /**
   * Whose laptop this is, as the server said on joining: the team's person, with their role. The
   * team document's members (kept by the server) say the same, and are read first: a role the
   * manager changes later arrives there. Absent on laptops that joined before people were the
   * server's, which go by `manager` and the person set up on the laptop.
   */
  person?: Person
  /** Whether this laptop created the team (laptops that joined before people were the server's). */
  manager?: boolean
  /** The number of the last chunk from the server this laptop has, and that chunk's mark. */
  lastSeq: number
  lastMark?: ChunkMark
  /** The highest number the server gave this laptop's own uploads, and that chunk's mark. */
  seenSeq?: number
  seenMark?: ChunkMark
  lastSyncedAt?: string
}

/** This laptop's place in a team, as its local settings keep it; undefined alone on a laptop. */
export function savedMembership(settings: LocalSettings): Membership | undefined {
  return settings.get<Membership>(SETTING_MEMBERSHIP)
}

/**
 * The person a team's laptop is, with the name and role the team's document (kept by the server)
 * gives them. Until the team's document has arrived, the laptop's own one names its person as it
 * was set up alone (its manager), so only the membership is read then.
 */
export function teamPerson(membership: Membership | undefined, team: { documentId: string; doc(): TeamDoc }): Person | undefined {
  const person = membership?.person
  if (!person) return undefined
  const member = team.documentId === membership.teamDocumentId ? mapIn(team.doc().members)[person.id] : undefined
  return member ? { id: person.id, ...toPlain<{ name: string; role: Person['role'] }>(member) } : person
}

/** Whether the person using a team's laptop is one of its managers. */
export function isManager(membership: Membership, team: { documentId: string; doc(): TeamDoc }): boolean {
  return (teamPerson(membership, team)?.role ?? (membership.manager ? 'manager' : 'caseworker')) === 'manager'
}

/** The team document in use: it changes once, when a laptop joins a team and takes up the team's. */
export interface TeamRef {
  handle: DocHandle<TeamDoc>
}

const SETTING_MEMBERSHIP = 'team-membership'
export const SETTING_TEAM_DOC = 'team-document'

/**
 * The workspace's side of the team's sync: its membership, taking in chunks from the server, and
 * putting everything the laptop holds on its way to the server when it creates or joins a team.
 */
export class TeamMembership {
  constructor(
    private readonly repo: Repo,
    private readonly storage: SqliteStorageAdapter,
    readonly outbox: SyncOutbox,
    private readonly settings: LocalSettings,
    private readonly teamRef: TeamRef,
    /** Who sent each change this laptop holds. */
    readonly attestations: ChangeAttestations,
  ) {
    outbox.enabled = this.get() !== undefined
  }

  get(): Membership | undefined {
    return savedMembership(this.settings)
  }

  /** Starts sharing: everything on this laptop goes to the server, and from now on every change. */
  async begin(membership: Membership): Promise<void> {
    this.settings.set(SETTING_MEMBERSHIP, membership)
    this.outbox.enabled = true
    await this.#enqueueEverything(membership, { madeHere: true })
  }

  /** The server was restored from a backup: everything this laptop holds goes to it again. */
  async sendEverythingAgain(): Promise<void> {
    const membership = this.get()
    // Not recorded as made here: this laptop holds others' changes by now.
    if (membership) await this.#enqueueEverything(membership, { madeHere: false })
  }

  update(changes: Partial<Pick<Membership, 'lastSeq' | 'lastMark' | 'seenSeq' | 'seenMark' | 'lastSyncedAt'>>): void {
    const current = this.get()
    if (current) this.settings.set(SETTING_MEMBERSHIP, { ...current, ...changes })
  }

  /** Stops sharing: the laptop keeps what it has, and sends nothing more. */
  leave(): void {
    this.settings.delete(SETTING_MEMBERSHIP)
    this.outbox.enabled = false
    this.outbox.clear()
  }

  /** Whether this laptop still works from its own team document, not yet the team's. */
  get adoptionPending(): boolean {
    const membership = this.get()
    return membership !== undefined && membership.teamDocumentId !== this.teamRef.handle.documentId
  }

  /**
   * Takes in chunks from the server: each saved as it came (so it is on disk before the server is
   * told it arrived), and merged into the document if this laptop has it open. The team document
   * first, so the rest are known for what they are.
   */
  takeIn(chunks: ChunkMessage[]): void {
    const membership = this.get()
    const ordered = [...chunks].sort((a, b) => Number(b.documentId === membership?.teamDocumentId) - Number(a.documentId === membership?.teamDocumentId))
    // Who sent each change is recorded with the chunk, in its transaction (see ChangeAttestations).
    this.storage.saveMany(
      ordered.map((chunk) => ({ key: [chunk.documentId, 'incremental', sha256Hex(chunk.data)], data: chunk.data, by: chunk.by, authors: chunk.authors })),
      { local: false },
    )
    for (const chunk of ordered) {
      const handle = this.repo.handles[chunk.documentId as DocumentId]
      // A document asked for before it arrived (unavailable then) becomes ready now.
      if (!handle || !(handle.isReady() || handle.isUnavailable())) continue
      try {
        handle.update((doc) => Automerge.loadIncremental(doc, chunk.data))
        if (handle.isUnavailable()) handle.doneLoading()
      } catch {
        // Not readable as this document's changes: kept on disk, and the document as it was.
      }
    }
  }

  /**
   * Makes the team's document this laptop's own, once it has arrived: the cases, documents,
   * meetings and learning points this laptop had before joining are added to it, so they become
   * the team's. Its members are not: who is in the team is the server's to say. Returns the team
   * document's handle if it was taken up.
   */
  async adoptTeamDocument(authored: ChangeOptions): Promise<DocHandle<TeamDoc> | undefined> {
    const membership = this.get()
    if (!membership || !this.adoptionPending) return undefined
    const shared = await this.repo.find<TeamDoc>(membership.teamDocumentId as DocumentId, { allowableStates: ['ready', 'unavailable'] })
    if (!shared.isReady() || !shared.doc().kind) return undefined
    if (Number(shared.doc().schemaVersion) < TEAM_SCHEMA_VERSION) shared.change(upgradeTeamDoc)
    const own = this.teamRef.handle.doc()
    shared.change((team) => {
      for (const [id, entry] of Object.entries(own.cases)) if (!(id in team.cases)) team.cases[id] = toStored(toPlain(entry))
      for (const [id, entry] of Object.entries(own.attachments)) if (!(id in team.attachments)) team.attachments[id] = toStored(toPlain(entry))
      for (const [id, point] of Object.entries(own.learningLog)) if (!(id in team.learningLog)) team.learningLog[id] = toStored(toPlain(point))
      for (const [id, entry] of Object.entries(own.meetings)) if (!(id in team.meetings)) team.meetings[id] = toStored(toPlain(entry))
      for (const [id, image] of Object.entries(own.settings.signatures)) if (!(id in team.settings.signatures)) team.settings.signatures[id] = toStored(toPlain(image))
    }, authored)
    this.settings.set(SETTING_TEAM_DOC, shared.documentId)
    this.teamRef.handle = shared
    return shared
  }

  /**
   * Puts every chunk of the documents held here in the outbox (creating or joining a team, when
   * everything held here was made here; or the server was restored from a backup).
   */
  async #enqueueEverything(membership: Membership, { madeHere }: { madeHere: boolean }): Promise<void> {
    const team = this.teamRef.handle.doc()
    // Joining, this laptop's own team document is not sent: what it lists is added to the team's.
    const own = membership.teamDocumentId === this.teamRef.handle.documentId ? [this.teamRef.handle.documentId] : []
    const ids = [...own, ...teamCaseIds(team), ...Object.keys(mapIn(team.attachments)), ...Object.keys(mapIn(team.meetings))]
    for (const id of ids) {
      const chunks = (await this.storage.loadRange([id])).filter((chunk) => chunk.data && (chunk.key[1] === 'incremental' || chunk.key[1] === 'snapshot'))
      const outgoing = chunks.map((chunk) => ({ documentId: id, data: chunk.data! }))
      this.outbox.recordAll(outgoing, { madeHere })
      if (madeHere) this.attestations.madeHereAll(outgoing)
    }
    this.outbox.notify()
  }
}

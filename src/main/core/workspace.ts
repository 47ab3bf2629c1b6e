import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { isValidDocumentId, Repo, type DocHandle, type DocumentId, type PeerId } from '@automerge/automerge-repo'
import { WINDOW_PEER_PREFIX } from '../../shared/api'
import { authoredBy } from '../../shared/authorship'
import type { ChangeContext } from '../../shared/case/changes'
import { isoDateOf } from '../../shared/dates'
import type { Person, PersonRef } from '../../shared/people'
import { heldCaseIds } from '../../shared/team/restrictions'
import { mapIn, newTeamDoc, upgradeTeamDoc, TEAM_SCHEMA_VERSION, type TeamDoc } from '../../shared/team/team-doc'
import type { ApiHandlers } from './api/handlers'
import { Audit } from './audit/audit'
import { Attachments } from './attachments/attachments'
import { Cases } from './cases/cases'
import { ReferralImport } from './import/referral-import'
import { CorrectedCases } from './cases/corrected-cases'
import { ErasedCases } from './cases/erased-cases'
import { RestrictedCases } from './cases/restricted-cases'
import { NoProfileError, PassphraseNeededError } from './errors'
import { CaseIndex } from './index/case-index'
import { CaseIndexer } from './index/indexer'
import { Meetings } from './meetings/meetings'
import { Paperwork } from './paperwork/paperwork'
import { Reports } from './reports/reports'
import { ChangeJournal, SqliteStorageAdapter } from './storage/sqlite-adapter'
import { LocalSettings, openWorkspaceStore, workspaceFiles } from './storage/workspace-files'
import { kdfCost, requireKeyFileIfEncrypted, unlockWorkspaceKey, workspaceKeyExists } from './storage/workspace-key'
import { openWorkspaceGateHandlers } from './storage/workspace-gate'
import { ChangeAttestations } from './sync/attestations'
import { SyncOutbox } from './sync/outbox'
import { savedMembership, SETTING_TEAM_DOC, TeamMembership, teamPerson, type TeamRef } from './sync/membership'
import { SyncClient, type SyncClientOptions } from './sync/sync-client'
import { whenRevocationProven } from './sync/server-api'
import { dismissTakenOffTeam, takenOffTeamAt, wipeTeamData } from './sync/wipe-team-data'
import { teamSyncHandlers } from './sync/team-setup'
import { savedProfile, Team } from './team/team'
import { guardHandlers, Session } from './session/session'
import { laptopPeople } from './session/laptop-people'
import type { WorkspaceCore } from './workspace-core'
import type { SqliteDatabase } from '../../node/sqlite'

export interface OpenWorkspaceOptions {
  /** The workspace folder; created if missing. */
  dataDir: string
  /** Who makes this session's changes. Defaults to the person set up on this laptop. */
  user?: Person
  /** Who to name when nobody is set up on this laptop (the command line run by an IT volunteer). */
  fallbackUser?: Person
  /** A better-sqlite3-multiple-ciphers binary for another runtime (the Electron build). */
  nativeBinding?: string
  /**
   * The workspace passphrase, which every database of the folder is encrypted under (defaults to
   * HOMEWARD_PASSPHRASE). The first open sets it; a wrong one is refused before anything is touched.
   */
  passphrase?: string
  /** The workspace key itself, for the desktop app, which keeps a random one in the OS keychain. */
  key?: Uint8Array
  /** The clock, for tests that need a fixed "today". */
  now?: () => Date
  /** How the team sync waits before reconnecting (tests make it quick). */
  sync?: SyncClientOptions
}

/**
 * The headless core: one workspace folder holding the team's case documents (automerge-repo on
 * SQLite) and the case index derived from them. The Electron app, the browser mode, the command
 * line and the tests all drive the app through it.
 *
 * It opens and closes the folder and composes the domain modules, which own the rules and the API
 * handlers of their part: `team`, `cases`, `attachments`, `meetings`, `paperwork`, `reports`, and
 * the team sync (`membership`, `sync`).
 */
export class Workspace {
  readonly #events = new EventEmitter<{ 'team-changed': []; 'taken-off-team': [] }>()
  /** The cases the team document listed when last looked at. */
  #listedCases: Set<string>
  #followingListing = false
  /** Deleting cases restricted to others, under way: closing waits for it. */
  #deleting: Promise<void> = Promise.resolve()
  #closed = false
  readonly team: Team
  readonly cases: Cases
  /** Referrals brought in from a spreadsheet. */
  readonly referralImport: ReferralImport
  readonly attachments: Attachments
  readonly meetings: Meetings
  readonly paperwork: Paperwork
  readonly reports: Reports
  /** Who viewed, changed, exported or printed which case. */
  readonly audit: Audit
  /** Cases restricted to others: never listed here, and deleted from this laptop. */
  readonly restrictedCases: RestrictedCases
  /** Erasing cases, and the team's retention of closed ones. */
  readonly erasedCases: ErasedCases
  /** Correcting a value so that the old one is gone from the case's history. */
  readonly correctedCases: CorrectedCases
  /** This laptop's place in a team, and the sync's view of the workspace. */
  readonly membership: TeamMembership
  /** The team sync: the app starts it; the command line syncs once. */
  readonly sync: SyncClient

  private constructor(
    readonly repo: Repo,
    readonly dataDir: string,
    private readonly store: SqliteDatabase,
    private readonly index: CaseIndex,
    private readonly indexer: CaseIndexer,
    private readonly teamRef: TeamRef,
    private readonly core: WorkspaceCore,
    /** Who is signed in; the window's API and its documents wait for someone to. */
    readonly session: Session,
    storage: SqliteStorageAdapter,
    outbox: SyncOutbox,
    attestations: ChangeAttestations,
    audit: Audit,
    options: OpenWorkspaceOptions,
  ) {
    this.audit = audit
    this.team = new Team(core)
    this.cases = new Cases(core, this.team)
    this.referralImport = new ReferralImport(core, this.cases)
    this.attachments = new Attachments(core, this.cases)
    this.restrictedCases = new RestrictedCases(core, () => laptopPersonIds(core.settings, teamRef), (ids) => outbox.forget(ids))
    this.meetings = new Meetings(core, this.cases, this.team, this.restrictedCases)
    this.paperwork = new Paperwork(core, this.cases, this.attachments, this.team, audit)
    this.reports = new Reports(core, this.cases, this.team, audit)
    this.erasedCases = new ErasedCases(core, this.cases, this.restrictedCases, this.meetings, audit)
    this.correctedCases = new CorrectedCases(core, this.cases, this.restrictedCases, audit, outbox)
    this.membership = new TeamMembership(repo, storage, outbox, core.settings, teamRef, attestations)
    this.sync = new SyncClient(this, options.sync)
    // Any HTTP call to the team's server may come back with its proof that this laptop was revoked.
    this.#stopRevocationWatch = whenRevocationProven(async (credential, revokedAt) => {
      if (!this.#closed && credential === this.membership.get()?.credential) await this.sync.takenOffTeamByServer(revokedAt)
    })
    this.#listedCases = new Set(this.restrictedCases.heldCaseIds())
    // A case listed again is noted for the index only once the team document's change is taken in
    // (`#followListing`): a laptop stopped before that note was written would start with the case
    // counted as listed, on disk, and in neither the index nor the journal. Any listed case the
    // index lacks is noted now (a look-up a case; one not on disk yet is indexed when it comes).
    void this.indexer.relist([...this.#listedCases])
    this.#watchTeam(teamRef.handle)
    // Someone added to this laptop: what it holds is looked at again (a case restricted to others goes).
    session.onChanged(() => this.#followListingSoon())
    // The audit goes to the server each time the laptop has caught up with it, and every few minutes online.
    this.sync.onStatus((status) => {
      if (status.state === 'connected') void this.audit.exchange()
    })
    this.#auditTimer = setInterval(() => {
      if (this.sync.status().state === 'connected') void this.audit.exchange()
    }, AUDIT_EXCHANGE_MS).unref()
  }

  readonly #auditTimer: NodeJS.Timeout
  readonly #stopRevocationWatch: () => void

  static async open(options: OpenWorkspaceOptions): Promise<Workspace> {
    const sqlite = { ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), key: workspaceKey(options) }
    const store = openWorkspaceStore(options.dataDir, sqlite)
    let repo: Repo | undefined
    let index: CaseIndex | undefined
    try {
      const settings = new LocalSettings(store)
      const journal = new ChangeJournal(store)
      // Indexing follows the storage write itself, not the repo's events (which come before it).
      const saved = new EventEmitter<{ saved: [] }>()
      // Changes made here are the person's working here, as the core (made below) says.
      const made: { core?: WorkspaceCore; audit?: Audit; session?: Session } = {}
      const outbox = new SyncOutbox(store, () => personHere(made.core))
      const attestations = new ChangeAttestations(store, () => personHere(made.core))
      const storage = new SqliteStorageAdapter(store, {
        journal,
        outbox,
        attestations,
        afterSave: () => saved.emit('saved'),
        savedHere: (documentId) => made.audit?.savedHere(documentId),
      })
      repo = new Repo({
        storage,
        network: [],
        peerId: `core-${randomUUID()}` as PeerId,
        // A window onto this core asks for the documents it shows: the core never pushes the
        // caseload at it. Other cores and the team server share with this one both ways (a repo
        // only asks peers it would announce to, so announcing is also what lets it fetch).
        shareConfig: {
          announce: async (peerId) => !isWindowPeer(peerId),
          // While the app is locked, a window is handed no document at all (the session's rule).
          // A window handed a case is someone looking at it: the audit records the view.
          access: async (peerId, documentId) => {
            // A document this laptop let go for good (erased, or replaced by a correction): a window
            // still holding it (open as it went) is not heard, or its copy, history and all, would
            // be taken back into memory here. The window carries its typing onto the new one itself.
            if (storage.isRetired(documentId)) return false
            if (!isWindowPeer(peerId)) return true
            if (made.session?.isOpen() !== true) return false
            made.audit?.windowAsked(documentId)
            return true
          },
        },
      })
      const teamRef: TeamRef = { handle: await openTeamDocument(repo, settings) }
      index = CaseIndex.open(workspaceFiles(options.dataDir).index, sqlite)
      const indexer = new CaseIndexer(
        repo,
        storage,
        journal,
        index,
        () => heldCaseIds(teamRef.handle.doc(), laptopPersonIds(settings, teamRef)),
        (id) => id in mapIn(teamRef.handle.doc().attachments),
      )
      saved.on('saved', () => indexer.schedule())
      const session = new Session(
        { settings, team: () => teamRef.handle, now: () => options.now?.() ?? new Date(), working: () => personWorking(made.core), pinCost: kdfCost(options.dataDir) },
        options.user,
      )
      made.session = session
      // Locked or signed in: the windows' access to documents is looked at again.
      session.onChanged(() => repo!.shareConfigChanged())
      const core = workspaceCore({ repo, dataDir: options.dataDir, key: sqlite.key, storage, settings, attestations, index, indexer, teamRef, session, options })
      made.core = core
      made.audit = new Audit(store, core, () => savedMembership(settings))
      const workspace = new Workspace(repo, options.dataDir, store, index, indexer, teamRef, core, session, storage, outbox, attestations, made.audit, options)
      if (index.needsRebuild) await indexer.rebuild()
      else await indexer.indexPending()
      await workspace.attachments.finishInterrupted()
      await workspace.paperwork.sealOlderFiles()
      // A restriction that arrived just before the app stopped: its deletion is finished now.
      const corrected = await workspace.correctedCases.follow()
      if ((await workspace.restrictedCases.deleteWithheld()) || corrected) await indexer.rebuild()
      // Learning points an older version wrote into the team document go into their cases.
      await workspace.cases.moveTeamLearningPoints()
      return workspace
    } catch (error) {
      if (repo) await shutdownRepo(repo)
      index?.close()
      store.close()
      throw error
    }
  }

  /** Every method of the window's API, as the domain modules register them, refused until someone signs in. */
  apiHandlers(): ApiHandlers {
    return guardHandlers(this.#allHandlers(), this.session)
  }

  #allHandlers(): ApiHandlers {
    return {
      ...this.session.handlers(),
      ...this.team.handlers(),
      ...this.cases.handlers(),
      ...this.referralImport.handlers(),
      ...this.attachments.handlers(),
      ...this.meetings.handlers(),
      ...this.paperwork.handlers(),
      ...this.reports.handlers(),
      ...this.restrictedCases.handlers(),
      ...this.erasedCases.handlers(),
      ...this.correctedCases.handlers(),
      ...teamSyncHandlers(this),
      ...this.audit.handlers(),
      ...openWorkspaceGateHandlers,
    }
  }

  // The index and the team document.

  onIndexChanged(listener: () => void): () => void {
    return this.indexer.onChanged(listener)
  }

  /** Told when someone signs in, or the app locks. */
  onSessionChanged(listener: () => void): () => void {
    return this.session.onChanged(listener)
  }

  /** Told when the team document changes: members, settings, the learning log. */
  onTeamChanged(listener: () => void): () => void {
    this.#events.on('team-changed', listener)
    return () => void this.#events.off('team-changed', listener)
  }

  /**
   * Told once the team's data is deleted (takeOffTeam): this workspace is closed for good, and the
   * app opens the folder again as the fresh workspace it now is.
   */
  onTakenOffTeam(listener: () => void): () => void {
    this.#events.on('taken-off-team', listener)
    return () => void this.#events.off('taken-off-team', listener)
  }

  /**
   * Takes up the team's document once it has arrived from the server (joining a team): what this
   * laptop had becomes the team's. Resolves true when it is done (or nothing was waiting).
   */
  async adoptTeamDocument(): Promise<boolean> {
    if (!this.membership.adoptionPending) return true
    // Its own learning points go into their cases first, not into the team document it adopts.
    await this.cases.moveTeamLearningPoints()
    const context = this.core.context()
    const old = this.teamRef.handle
    const adopted = await this.membership.adoptTeamDocument(authoredBy(context.author, context.now))
    if (!adopted) return false
    old.off('change', this.#teamChanged)
    this.#watchTeam(adopted)
    await this.repo.flush([adopted.documentId])
    await this.indexer.rebuild()
    this.#teamChanged()
    return true
  }

  #watchTeam(handle: DocHandle<TeamDoc>): void {
    handle.on('change', this.#teamChanged)
  }

  readonly #teamChanged = (): void => {
    this.attachments.teamChanged()
    this.#followListingSoon()
    this.#events.emit('team-changed')
  }

  /**
   * A case a manager took out of the team leaves this laptop's lists too (its bytes stay on disk);
   * one the server put back (a laptop's change had unlisted it) comes back to them. Once per turn
   * of the event loop: a laptop catching up takes in the team document's chunks by the thousand,
   * each a change, and comparing every case's id on each would grow with the square of them.
   */
  #followListingSoon(): void {
    if (this.#followingListing) return
    this.#followingListing = true
    setImmediate(() => {
      this.#followingListing = false
      if (this.#closed) return
      const listed = new Set(this.restrictedCases.heldCaseIds())
      void this.indexer.forget([...this.#listedCases].filter((id) => !listed.has(id)))
      void this.indexer.relist([...listed].filter((id) => !this.#listedCases.has(id)))
      this.#listedCases = listed
      // A case restricted to others leaves this laptop altogether; the index is rebuilt without its words.
      this.#deleting = this.#deleting.then(async () => {
        if (this.#closed) return
        // A corrected case's old document goes once this laptop's later changes to it are on the new one.
        const corrected = await this.correctedCases.follow()
        if (!this.#closed && ((await this.restrictedCases.deleteWithheld()) || corrected)) await this.indexer.rebuild()
        // A learning point about an erased case (written here while offline, say) goes as the erasure arrives.
        if (!this.#closed) this.meetings.forgetErasedLearningPoints()
        // One an older version wrote into the team document moves into its case once the case is here.
        if (!this.#closed) await this.cases.moveTeamLearningPoints()
      })
    })
  }

  /** The team document in use. */
  teamDoc(): TeamDoc {
    return this.teamRef.handle.doc()
  }

  /** The team document in use, with its id (the team's, once it has arrived on a laptop that joined). */
  teamDocHandle(): DocHandle<TeamDoc> {
    return this.teamRef.handle
  }

  /** The id of the team document in use (shared with the team once this laptop is in one). */
  get teamDocumentId(): string {
    return this.teamRef.handle.documentId
  }

  /** Writes every change made so far to disk. */
  async flush(): Promise<void> {
    // Only documents in hand: the repo's own flush of everything fails on one still awaited.
    await this.repo.flush(Object.values(this.repo.handles).filter((handle) => handle.isReady()).map((handle) => handle.documentId))
  }

  /** Resolves once every document written so far is in the case index (indexing what the journal still names). */
  indexed(): Promise<void> {
    return this.indexer.indexPending()
  }

  /** Builds the index again from the documents. */
  rebuildIndex(): Promise<number> {
    return this.indexer.rebuild()
  }

  /**
   * The team's server proved this laptop was taken off the team (a lost laptop, revoked): the sync
   * stops, the repo is shut down and the index closed, the team's data is deleted
   * (wipe-team-data.ts), and the workspace is closed. Opened again, it is a fresh, empty workspace
   * that says when this happened.
   */
  async takeOffTeam(at: string): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#stopRevocationWatch()
    this.session.stop()
    await this.sync.stop()
    await this.#deleting
    await shutdownRepo(this.repo)
    await this.indexer.stop()
    this.index.close()
    try {
      wipeTeamData(this.store, this.dataDir, at)
    } finally {
      this.store.close()
    }
    this.#events.emit('taken-off-team')
  }

  /** When the team's server took this laptop off the team, if it did (then everything else is gone). */
  takenOffTeamAt(): string | undefined {
    // Asked while closing too (the sync's last status): the settings are there until the store closes.
    return this.store.open ? takenOffTeamAt(this.core.settings) : undefined
  }

  /** The laptop's people as the team's server holds them: anyone taken off can no longer sign in here (Session.followServer). */
  followLaptopPeople(people: readonly Person[]): void {
    if (!this.#closed) this.session.followServer(people, this.membership.get()?.person?.id)
  }

  /** "Start again": the notice that this laptop was taken off the team goes (see dismissTakenOffTeam). */
  dismissTakenOffTeam(): void {
    dismissTakenOffTeam(this.core.settings)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#stopRevocationWatch()
    clearInterval(this.#auditTimer)
    // The idle check reads the store: left running, it throws every 15 s in any process that goes
    // on after the close (the test processes that many test files share).
    this.session.stop()
    await this.sync.stop()
    // A restricted case being deleted finishes (and its index rebuild) before the store closes.
    await this.#deleting
    await this.audit.settled()
    await shutdownRepo(this.repo)
    await this.indexer.indexPending()
    await this.indexer.stop()
    this.index.close()
    this.store.close()
  }

  /** The time now: the real clock, or a test's. */
  now(): Date {
    return this.core.now()
  }

  /** Who is working in this session, in what role, and when: what every change records. */
  currentContext(): ChangeContext {
    return this.core.context()
  }
}

export const openWorkspace = (options: OpenWorkspaceOptions) => Workspace.open(options)

/** How often a laptop online sends its audit entries (and a manager's fetches the team's). */
const AUDIT_EXCHANGE_MS = 5 * 60 * 1000

/** A window onto a core (the app's renderer), by its peer id. */
export function isWindowPeer(peerId: string): boolean {
  return peerId.startsWith(WINDOW_PEER_PREFIX)
}

/** The parts every domain module shares (see WorkspaceCore). */
function workspaceCore(parts: {
  repo: Repo
  dataDir: string
  key: Uint8Array
  storage: SqliteStorageAdapter
  settings: LocalSettings
  attestations: ChangeAttestations
  index: CaseIndex
  indexer: CaseIndexer
  teamRef: TeamRef
  session: Session
  options: OpenWorkspaceOptions
}): WorkspaceCore {
  const { teamRef, options, settings, session } = parts
  const now = () => options.now?.() ?? new Date()
  /**
   * Who is changing things: the person signed in (by PIN, or the command line's --as), with their
   * name and role as the team says; else on a team's laptop, its person as the team says; else
   * the session's user, else the person set up on this laptop, else the fallback.
   */
  const context = (): ChangeContext => {
    const person =
      session.person() ?? teamPerson(savedMembership(settings), teamRef.handle) ?? options.user ?? savedProfile(settings) ?? options.fallbackUser
    if (!person) throw new NoProfileError()
    const at = now()
    return { author: { id: person.id, name: person.name }, role: person.role, now: at, today: isoDateOf(at) }
  }
  return {
    repo: parts.repo,
    dataDir: parts.dataDir,
    key: parts.key,
    storage: parts.storage,
    settings,
    attestations: parts.attestations,
    index: parts.index,
    indexer: parts.indexer,
    teamDoc: () => teamRef.handle,
    context,
    now,
    changeTeam(edit: (team: TeamDoc) => void, signer?: { author: PersonRef; now: Date }) {
      const { author, now: at } = signer ?? context()
      teamRef.handle.change(edit, authoredBy(author, at))
    },
  }
}

/**
 * The people of a team's laptop: the team's person it joined as, then anyone added to it (the
 * server sends it, and it holds, only the cases all of them may hold). None alone, or on a laptop
 * from before people were the server's.
 */
function laptopPersonIds(settings: LocalSettings, teamRef: TeamRef): string[] {
  if (!teamPerson(savedMembership(settings), teamRef.handle)) return []
  return laptopPeople(settings, teamRef.handle).map((person) => person.id)
}

/** The id of the person working on this laptop, if one is set up: whose the changes made here are. */
function personHere(core: WorkspaceCore | undefined): string | undefined {
  return personWorking(core)?.id
}

/** The person working on this laptop (the change context's), if one is set up. */
function personWorking(core: WorkspaceCore | undefined): Person | undefined {
  if (!core) return undefined
  try {
    const { author, role } = core.context()
    return { ...author, role }
  } catch (error) {
    if (error instanceof NoProfileError) return undefined
    throw error
  }
}

/**
 * Disconnects every peer and writes every loaded document to disk. Repo.shutdown() does the same
 * but throws on a document that is not ready (one a peer asked for that nobody has), which would
 * stop the app closing; only ready documents have anything to write.
 */
async function shutdownRepo(repo: Repo): Promise<void> {
  for (const adapter of repo.networkSubsystem.adapters) adapter.disconnect()
  const ready = Object.values(repo.handles).filter((handle) => handle.isReady())
  await repo.flush(ready.map((handle) => handle.documentId))
}

async function openTeamDocument(repo: Repo, settings: LocalSettings): Promise<DocHandle<TeamDoc>> {
  const known = settings.get<string>(SETTING_TEAM_DOC)
  if (known && isValidDocumentId(known)) {
    const handle = await repo.find<TeamDoc>(known as DocumentId, { allowableStates: ['ready', 'unavailable'] })
    if (!handle.isReady()) throw new Error('The team document is missing from this workspace')
    if (Number(handle.doc().schemaVersion) < TEAM_SCHEMA_VERSION) handle.change(upgradeTeamDoc)
    return handle
  }
  const handle = repo.create<TeamDoc>(newTeamDoc())
  await repo.flush([handle.documentId])
  settings.set(SETTING_TEAM_DOC, handle.documentId)
  return handle
}

/** The key the workspace's files are encrypted with: given, or derived from its passphrase. */
function workspaceKey(options: OpenWorkspaceOptions): Uint8Array {
  if (options.key) return options.key
  const passphrase = options.passphrase ?? process.env.HOMEWARD_PASSPHRASE
  requireKeyFileIfEncrypted(options.dataDir)
  if (!passphrase) throw workspaceKeyExists(options.dataDir) ? new PassphraseNeededError() : new PassphraseNeededError(options.dataDir)
  return unlockWorkspaceKey(options.dataDir, passphrase)
}

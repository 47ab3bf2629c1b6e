import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { Repo, type DocHandle, type DocumentId, type PeerId, isValidDocumentId } from '@automerge/automerge-repo'
import * as Automerge from '@automerge/automerge'
import type { SearchHit } from '../../shared/api'
import { authoredBy } from '../../shared/authorship'
import { isCaseDoc, newCaseDoc, readCase, type CaseDoc, type CaseRecord } from '../../shared/case/case-doc'
import { addNote, noteInputSchema } from '../../shared/case/notes'
import { referralSchema } from '../../shared/case/referral'
import { caseSearchText, summariseCase, type CaseSummary } from '../../shared/case/summary'
import { isoDateOf } from '../../shared/dates'
import { profileInputSchema, type Person, type PersonRef } from '../../shared/people'
import { addCaseToTeam, addMember, newTeamDoc, teamCaseIds, type TeamDoc } from '../../shared/team/team-doc'
import { validate, ValidationError } from '../../shared/validation'
import { CaseNotFoundError, NoProfileError } from './errors'
import { CaseIndex, type IndexEntry } from './index/case-index'
import { ChangeJournal, SqliteStorageAdapter } from './storage/sqlite-adapter'
import { LocalSettings, openWorkspaceStore, workspaceFiles } from './storage/workspace-files'
import { loadStoredDocument } from './storage/stored-documents'
import type { SqliteDatabase } from './storage/sqlite'

export interface OpenWorkspaceOptions {
  /** The workspace folder; created if missing. */
  dataDir: string
  /** Who makes this session's changes. Defaults to the person set up on this laptop. */
  user?: Person
  /** Who to name when nobody is set up on this laptop (the command line run by an IT volunteer). */
  fallbackUser?: Person
  /** A better-sqlite3 binary for another runtime (the Electron build). */
  nativeBinding?: string
  /** The clock, for tests that need a fixed "today". */
  now?: () => Date
}

const SETTING_PROFILE = 'profile'
const SETTING_TEAM_DOC = 'team-document'
/** How many recent "open a case" requests are remembered, to answer a repeat with the same case. */
const REMEMBERED_REQUESTS = 200

/**
 * The headless core: one workspace folder holding the team's case documents (automerge-repo on
 * SQLite) and the case index derived from them. The Electron app, the browser mode, the command
 * line and the tests all drive the app through this class.
 */
export class Workspace {
  readonly repo: Repo
  readonly dataDir: string
  readonly #store: SqliteDatabase
  readonly #storage: SqliteStorageAdapter
  readonly #settings: LocalSettings
  readonly #journal: ChangeJournal
  readonly #index: CaseIndex
  readonly #team: DocHandle<TeamDoc>
  readonly #user: Person | undefined
  readonly #fallbackUser: Person | undefined
  readonly #now: () => Date
  readonly #events = new EventEmitter<{ 'index-changed': [] }>()
  #indexing: Promise<void> = Promise.resolve()
  #indexingScheduled = false
  #closed = false
  readonly #createdByRequest = new Map<string, string>()

  private constructor(parts: {
    dataDir: string
    repo: Repo
    store: SqliteDatabase
    storage: SqliteStorageAdapter
    settings: LocalSettings
    journal: ChangeJournal
    index: CaseIndex
    team: DocHandle<TeamDoc>
    user: Person | undefined
    fallbackUser: Person | undefined
    now: () => Date
    saved: EventEmitter<{ saved: [] }>
  }) {
    this.dataDir = parts.dataDir
    this.repo = parts.repo
    this.#store = parts.store
    this.#storage = parts.storage
    this.#settings = parts.settings
    this.#journal = parts.journal
    this.#index = parts.index
    this.#team = parts.team
    this.#user = parts.user
    this.#fallbackUser = parts.fallbackUser
    this.#now = parts.now
    parts.saved.on('saved', () => this.#scheduleIndexing())
  }

  static async open(options: OpenWorkspaceOptions): Promise<Workspace> {
    const sqlite = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
    const store = openWorkspaceStore(options.dataDir, sqlite)
    let repo: Repo | undefined
    let index: CaseIndex | undefined
    try {
      const settings = new LocalSettings(store)
      const journal = new ChangeJournal(store)
      // Indexing follows the storage write itself, not the repo's events (which come before it).
      const saved = new EventEmitter<{ saved: [] }>()
      const storage = new SqliteStorageAdapter(store, { journal, afterSave: () => saved.emit('saved') })
      repo = new Repo({
        storage,
        network: [],
        peerId: `core-${randomUUID()}` as PeerId,
        // Windows onto this core (the app's renderer) ask for the documents they show; the core
        // never pushes the whole caseload at them.
        shareConfig: { announce: async () => false, access: async () => true },
      })
      const team = await openTeamDocument(repo, settings)
      index = CaseIndex.open(workspaceFiles(options.dataDir).index, sqlite)
      const workspace = new Workspace({
        dataDir: options.dataDir,
        repo,
        store,
        storage,
        settings,
        journal,
        index,
        team,
        user: options.user,
        fallbackUser: options.fallbackUser,
        now: options.now ?? (() => new Date()),
        saved,
      })
      if (index.needsRebuild) await workspace.rebuildIndex()
      else await workspace.#indexPendingDocuments()
      return workspace
    } catch (error) {
      await repo?.shutdown()
      index?.close()
      store.close()
      throw error
    }
  }

  /** The person set up on this laptop, or null before the first run's question is answered. */
  get profile(): Person | null {
    return this.#settings.get<Person>(SETTING_PROFILE) ?? null
  }

  /** Answers the first run's question: who is using this laptop. Also names them in the team. */
  setProfile(input: unknown): Person {
    const checked = validate(profileInputSchema, input)
    if (!checked.ok) throw new ValidationError(checked.issues)
    const person: Person = { id: this.profile?.id ?? randomUUID(), ...checked.value }
    this.#settings.set(SETTING_PROFILE, person)
    this.#team.change((team) => addMember(team, person), authoredBy(person, this.#now()))
    return person
  }

  /**
   * Opens a case from a referral; resolves once the case is on disk and in the index. The same
   * `requestId` again (a window saving once more after losing its connection) gives the same case.
   */
  async createCase(input: unknown, requestId?: string): Promise<string> {
    const earlier = requestId === undefined ? undefined : this.#createdByRequest.get(requestId)
    if (earlier) return earlier
    const now = this.#now()
    const today = isoDateOf(now)
    const checked = validate(referralSchema(today), input)
    if (!checked.ok) throw new ValidationError(checked.issues)
    const author = this.#author()
    const handle = this.repo.create<CaseDoc>()
    handle.change((doc) => Object.assign(doc, newCaseDoc(checked.value, author, now, today)), authoredBy(author, now))
    this.#team.change((team) => addCaseToTeam(team, handle.documentId, now), authoredBy(author, now))
    if (requestId !== undefined) this.#rememberRequest(requestId, handle.documentId)
    await this.repo.flush([handle.documentId, this.#team.documentId])
    await this.#indexPendingDocuments()
    return handle.documentId
  }

  #rememberRequest(requestId: string, caseId: string): void {
    this.#createdByRequest.set(requestId, caseId)
    if (this.#createdByRequest.size > REMEMBERED_REQUESTS) {
      this.#createdByRequest.delete(this.#createdByRequest.keys().next().value!)
    }
  }

  listCases(): CaseSummary[] {
    return this.#index.list()
  }

  searchCases(text: string): SearchHit[] {
    return this.#index.search(text)
  }

  async readCase(id: string): Promise<CaseRecord> {
    const handle = await this.#findCase(id)
    return readCase(handle.doc())
  }

  /** Adds a note from the command line or a test; the window adds notes in its own document copy. */
  async addNote(caseId: string, input: unknown): Promise<string> {
    const now = this.#now()
    const checked = validate(noteInputSchema(isoDateOf(now)), input)
    if (!checked.ok) throw new ValidationError(checked.issues)
    const handle = await this.#findCase(caseId)
    const author = this.#author()
    const id = randomUUID()
    handle.change((doc) => addNote(doc, checked.value, { id, author, now }), authoredBy(author, now))
    await this.repo.flush([handle.documentId])
    await this.#indexPendingDocuments()
    return id
  }

  /** The case's document, for code that edits it directly (the window's peer does the same). */
  async openCase(id: string): Promise<DocHandle<CaseDoc>> {
    return this.#findCase(id)
  }

  onIndexChanged(listener: () => void): () => void {
    this.#events.on('index-changed', listener)
    return () => this.#events.off('index-changed', listener)
  }

  /**
   * Builds the index again from every case document the team lists, read from disk a document at
   * a time, and swaps it in whole: a rebuild cut off part way leaves the index marked incomplete,
   * so the next opening starts it again.
   */
  rebuildIndex(): Promise<number> {
    const run = this.#indexing.then(async () => {
      const entries: IndexEntry[] = []
      for (const id of teamCaseIds(this.#team.doc())) {
        const doc = await this.#currentDocument(id)
        const entry = doc && indexEntry(id, doc)
        if (entry) entries.push(entry)
      }
      this.#index.replaceAll(entries)
      this.#events.emit('index-changed')
      return entries.length
    })
    this.#indexing = run.then(() => undefined)
    return run
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#indexing
    await this.repo.shutdown()
    await this.#indexPendingDocuments()
    this.#index.close()
    this.#store.close()
  }

  #author(): PersonRef {
    const person = this.#user ?? this.profile ?? this.#fallbackUser
    if (!person) throw new NoProfileError()
    return { id: person.id, name: person.name }
  }

  async #findCase(id: string): Promise<DocHandle<CaseDoc>> {
    if (!isValidDocumentId(id) || !(id in this.#team.doc().cases)) throw new CaseNotFoundError(id)
    const handle = await this.repo.find<CaseDoc>(id, { allowableStates: ['ready', 'unavailable'] })
    if (!handle.isReady() || !isCaseDoc(handle.doc())) throw new CaseNotFoundError(id)
    return handle
  }

  #scheduleIndexing(): void {
    if (this.#indexingScheduled || this.#closed) return
    this.#indexingScheduled = true
    setImmediate(() => {
      this.#indexingScheduled = false
      if (!this.#closed) void this.#indexPendingDocuments()
    })
  }

  /** Indexes every document the journal says changed on disk, one run at a time. */
  #indexPendingDocuments(): Promise<void> {
    this.#indexing = this.#indexing.then(async () => {
      let changed = false
      for (const id of this.#journal.pending()) {
        const doc = await this.#currentDocument(id)
        if (doc) changed = this.#indexDocument(id, doc) || changed
        this.#journal.clear(id)
      }
      if (changed) this.#events.emit('index-changed')
    })
    return this.#indexing
  }

  /** A document as it is now: from memory when the repo has it, else read from disk and let go. */
  async #currentDocument(id: string): Promise<Automerge.Doc<unknown> | undefined> {
    const handle = this.repo.handles[id as DocumentId]
    if (handle?.isReady()) return handle.doc()
    return loadStoredDocument(this.#storage, id)
  }

  /** Puts a case document in the index; false when it is not a case or already indexed as is. */
  #indexDocument(id: string, doc: Automerge.Doc<unknown>): boolean {
    const known = this.#index.headsOf(id)
    if (known && sameHeads(known, Automerge.getHeads(doc))) return false
    const entry = indexEntry(id, doc)
    if (!entry) return false
    this.#index.put(entry.summary, entry.text, entry.heads)
    return true
  }
}

/** What the index holds for a case document; undefined for other documents and unreadable cases. */
function indexEntry(id: string, doc: Automerge.Doc<unknown>): IndexEntry | undefined {
  if (!isCaseDoc(doc)) return undefined
  let record: CaseRecord
  try {
    record = readCase(doc)
  } catch {
    // A case from a newer version, or damaged: not indexed. No case data is logged.
    return undefined
  }
  return { summary: summariseCase(id, record), text: caseSearchText(record), heads: Automerge.getHeads(doc) }
}

export const openWorkspace = (options: OpenWorkspaceOptions) => Workspace.open(options)

async function openTeamDocument(repo: Repo, settings: LocalSettings): Promise<DocHandle<TeamDoc>> {
  const known = settings.get<string>(SETTING_TEAM_DOC)
  if (known && isValidDocumentId(known)) {
    const handle = await repo.find<TeamDoc>(known, { allowableStates: ['ready', 'unavailable'] })
    if (!handle.isReady()) throw new Error('The team document is missing from this workspace')
    return handle
  }
  const handle = repo.create<TeamDoc>(newTeamDoc())
  await repo.flush([handle.documentId])
  settings.set(SETTING_TEAM_DOC, handle.documentId)
  return handle
}

function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const sortedB = [...b].sort()
  return [...a].sort().every((head, i) => head === sortedB[i])
}

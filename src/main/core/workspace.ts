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
import { CaseIndex } from './index/case-index'
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
    this.repo.on('doc-metrics', (metric) => {
      // An ordinary save reports 'doc-saved'; a save that compacts reports 'doc-compacted'.
      if (metric.type === 'doc-saved' || metric.type === 'doc-compacted') this.#scheduleIndexing()
    })
  }

  static async open(options: OpenWorkspaceOptions): Promise<Workspace> {
    const sqlite = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
    const store = openWorkspaceStore(options.dataDir, sqlite)
    let index: CaseIndex | undefined
    try {
      const settings = new LocalSettings(store)
      const journal = new ChangeJournal(store)
      const storage = new SqliteStorageAdapter(store, { journal })
      const repo = new Repo({
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
      })
      if (index.needsRebuild) await workspace.rebuildIndex()
      else await workspace.#indexPendingDocuments()
      return workspace
    } catch (error) {
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

  /** Opens a case from a referral; resolves once the case is on disk and in the index. */
  async createCase(input: unknown): Promise<string> {
    const now = this.#now()
    const today = isoDateOf(now)
    const checked = validate(referralSchema(today), input)
    if (!checked.ok) throw new ValidationError(checked.issues)
    const author = this.#author()
    const handle = this.repo.create<CaseDoc>()
    handle.change((doc) => Object.assign(doc, newCaseDoc(checked.value, author, now, today)), authoredBy(author, now))
    this.#team.change((team) => addCaseToTeam(team, handle.documentId, now), authoredBy(author, now))
    await this.repo.flush([handle.documentId, this.#team.documentId])
    await this.#indexPendingDocuments()
    return handle.documentId
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

  /** Empties the index and fills it again from every case document the team lists. */
  async rebuildIndex(): Promise<number> {
    await this.#indexing
    this.#index.clear()
    let indexed = 0
    for (const id of teamCaseIds(this.#team.doc())) {
      const doc = await this.#currentDocument(id)
      if (doc && this.#indexDocument(id, doc)) indexed++
    }
    this.#events.emit('index-changed')
    return indexed
  }

  /** Resolves when every document saved so far is in the index. */
  async settle(): Promise<void> {
    await this.#indexing
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
    if (!isCaseDoc(doc)) return false
    const heads = Automerge.getHeads(doc)
    const known = this.#index.headsOf(id)
    if (known && sameHeads(known, heads)) return false
    let record: CaseRecord
    try {
      record = readCase(doc)
    } catch {
      // A case from a newer version, or damaged: leave its row as it was. No case data is logged.
      return false
    }
    this.#index.put(summariseCase(id, record), caseSearchText(record), heads)
    return true
  }
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

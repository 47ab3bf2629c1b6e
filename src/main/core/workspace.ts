import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import * as Automerge from '@automerge/automerge'
import {
  generateAutomergeUrl,
  isValidDocumentId,
  parseAutomergeUrl,
  Repo,
  type DocHandle,
  type DocumentId,
  type PeerId,
} from '@automerge/automerge-repo'
import { z } from 'zod'
import { WINDOW_PEER_PREFIX, type SearchHit } from '../../shared/api'
import { authoredBy } from '../../shared/authorship'
import { toPlain, toStored } from '../../shared/automerge/registers'
import { isMeetingDoc, type MeetingDoc } from '../../shared/meeting/meeting-doc'
import { isCaseDoc, newCaseDoc, readCase, upgradeRecord, type CaseDoc, type CaseRecord } from '../../shared/case/case-doc'
import * as change from '../../shared/case/changes'
import type { ChangeContext } from '../../shared/case/changes'
import { duplicateReason, nameKey } from '../../shared/case/duplicates'
import { noteInputSchema } from '../../shared/case/notes'
import { caseRecordSchema } from '../../shared/case/record'
import { REFERRAL_DETAIL_FIELDS, REFERRAL_IDENTITY_FIELDS, type ReferralDetails, type ReferralIdentity } from '../../shared/case/referral'
import type { CaseSummary, ListedCase } from '../../shared/case/summary'
import type { Phase } from '../../shared/case/phases'
import { boardRow, caseloads, caseloadWeights, type Board } from '../../shared/board/board'
import { isoDateOf, type IsoDate } from '../../shared/dates'
import type { AttachmentDoc, EvidenceFor } from '../../shared/case/attachments'
import { MAX_TEAM_IMAGE_BYTES, type TeamImage, type TeamSettings } from '../../shared/team/settings'
import { formSchema } from '../../shared/forms/fields'
import { profileInputSchema, type Person } from '../../shared/people'
import {
  addCaseToTeam,
  addLearningPoint,
  addMember,
  newTeamDoc,
  putDirectoryEntry,
  removeDirectoryEntry,
  setLetterhead,
  setTeamImage,
  teamSettings,
  type Directory,
  teamCaseIds,
  teamMembers,
  upgradeTeamDoc,
  setCaseloadWeights,
  addMeetingToTeam,
  markLearningPointsReviewed,
  type TeamRecord,
  TEAM_SCHEMA_VERSION,
  type LearningPoint,
  type TeamDoc,
} from '../../shared/team/team-doc'
import { validate, ValidationError } from '../../shared/validation'
import { checkFile } from '../paperwork/file-check'
import { AttachmentStore } from './attachment-store'
import { readCurrentDocument } from './storage/stored-documents'
import { SyncOutbox } from './sync/outbox'
import { SETTING_TEAM_DOC, TeamMembership, type TeamRef } from './sync/membership'
import { SyncClient, type SyncClientOptions } from './sync/sync-client'
import type { SampleSettings } from './seed/sample-settings'
import { AttachmentNotFoundError, CaseNotFoundError, MeetingNotFoundError, DuplicateCaseError, FileRefusedError, NoProfileError, NotAllowedError } from './errors'
import { CaseIndex } from './index/case-index'
import { CaseIndexer } from './index/indexer'
import { ChangeJournal, SqliteStorageAdapter } from './storage/sqlite-adapter'
import { sha256Hex } from '../../node/crypto'
import type { SqliteDatabase } from '../../node/sqlite'
import { LocalSettings, openWorkspaceStore, workspaceFiles } from './storage/workspace-files'

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
  /** How the team sync waits before reconnecting (tests make it quick). */
  sync?: SyncClientOptions
}

const SETTING_PROFILE = 'profile'
const SETTING_ATTACHMENT_IN_PROGRESS = 'attachment-in-progress'
/** How many recent "open a case" requests are remembered, to answer a repeat with the same case. */
const REMEMBERED_REQUESTS = 200
const MAX_LEARNING_POINT = 2000

/** A referral's fields, checked strictly: an unknown field is a mistake to report, not ignore. */
const REFERRAL_FIELDS = [...REFERRAL_IDENTITY_FIELDS, ...REFERRAL_DETAIL_FIELDS]

/**
 * The headless core: one workspace folder holding the team's case documents (automerge-repo on
 * SQLite) and the case index derived from them. The Electron app, the browser mode, the command
 * line and the tests all drive the app through this class.
 */
export class Workspace {
  readonly #createdByRequest = new Map<string, string>()
  readonly #attachments: AttachmentStore
  readonly #events = new EventEmitter<{ 'team-changed': [] }>()
  /** The team's scanned documents as last seen, to notice one removed on another laptop. */
  #knownAttachments: Set<string>
  #closed = false
  /** This laptop's place in a team, and the sync's view of the workspace. */
  readonly membership: TeamMembership
  /** The team sync: the app starts it; the command line syncs once. */
  readonly sync: SyncClient

  private constructor(
    readonly repo: Repo,
    readonly dataDir: string,
    private readonly store: SqliteDatabase,
    private readonly settings: LocalSettings,
    private readonly index: CaseIndex,
    private readonly indexer: CaseIndexer,
    private readonly storage: SqliteStorageAdapter,
    private readonly teamRef: TeamRef,
    outbox: SyncOutbox,
    private readonly options: OpenWorkspaceOptions,
  ) {
    this.#attachments = new AttachmentStore(repo, storage, teamRef)
    this.membership = new TeamMembership(repo, storage, outbox, settings, teamRef)
    this.sync = new SyncClient(this, options.sync)
    this.#knownAttachments = new Set(Object.keys(teamRef.handle.doc().attachments))
    this.#watchTeam(teamRef.handle)
  }

  /** The team document in use (the team's, once this laptop has joined one). */
  private get team(): DocHandle<TeamDoc> {
    return this.teamRef.handle
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
      const outbox = new SyncOutbox(store)
      const storage = new SqliteStorageAdapter(store, { journal, outbox, afterSave: () => saved.emit('saved') })
      repo = new Repo({
        storage,
        network: [],
        peerId: `core-${randomUUID()}` as PeerId,
        // A window onto this core asks for the documents it shows: the core never pushes the
        // caseload at it. Other cores and the team server share with this one both ways (a repo
        // only asks peers it would announce to, so announcing is also what lets it fetch).
        shareConfig: { announce: async (peerId) => !isWindowPeer(peerId), access: async () => true },
      })
      const teamRef: TeamRef = { handle: await openTeamDocument(repo, settings) }
      index = CaseIndex.open(workspaceFiles(options.dataDir).index, sqlite)
      const indexer = new CaseIndexer(
        repo,
        storage,
        journal,
        index,
        () => teamCaseIds(teamRef.handle.doc()),
        (id) => id in teamRef.handle.doc().attachments,
      )
      saved.on('saved', () => indexer.schedule())
      const workspace = new Workspace(repo, options.dataDir, store, settings, index, indexer, storage, teamRef, outbox, options)
      if (index.needsRebuild) await indexer.rebuild()
      else await indexer.indexPending()
      await workspace.#finishInterruptedAttachment()
      return workspace
    } catch (error) {
      if (repo) await shutdownRepo(repo)
      index?.close()
      store.close()
      throw error
    }
  }

  // The person using this laptop, and the team.

  /** The person set up on this laptop, or null before the first run's question is answered. */
  get profile(): Person | null {
    return this.settings.get<Person>(SETTING_PROFILE) ?? null
  }

  /** Answers the first run's question: who is using this laptop. Also names them in the team. */
  setProfile(input: unknown): Person {
    const checked = validate(profileInputSchema, input)
    if (!checked.ok) throw new ValidationError(checked.issues)
    const person: Person = { id: this.profile?.id ?? randomUUID(), ...checked.value }
    this.settings.set(SETTING_PROFILE, person)
    this.team.change((team) => addMember(team, person), authoredBy(person, this.#now()))
    return person
  }

  members(): Person[] {
    return teamMembers(this.team.doc())
  }

  // Cases.

  /**
   * Opens a case from a referral (the first details, and any of Tool 3); resolves once the case is
   * on disk and in the index. A referral that looks like a client with a case already is refused
   * unless `allowDuplicate`. The same `requestId` again (a window saving once more after losing its
   * connection) gives the same case.
   */
  async createCase(input: unknown, options: { requestId?: string; allowDuplicate?: boolean } = {}): Promise<string> {
    const earlier = options.requestId === undefined ? undefined : this.#createdByRequest.get(options.requestId)
    if (earlier) return earlier
    const context = this.#context()
    const checked = validate(formSchema(REFERRAL_FIELDS, context.today), input)
    if (!checked.ok) throw new ValidationError(checked.issues)
    const unknown = Object.keys(input as object).filter((key) => !REFERRAL_FIELDS.some((field) => field.name === key))
    if (unknown.length > 0) throw new ValidationError(unknown.map((field) => ({ field, message: 'Not a field of the referral' })))
    const referral = checked.value as ReferralIdentity & ReferralDetails
    if (!options.allowDuplicate) {
      const matches = this.possibleDuplicates(referral)
      if (matches.length > 0) throw new DuplicateCaseError(matches)
    }
    const id = await this.#createDocument(newCaseDoc(referral, { id: randomUUID(), author: context.author, now: context.now, today: context.today }))
    if (options.requestId !== undefined) this.#rememberRequest(options.requestId, id)
    return id
  }

  /**
   * Adds a whole case, as `case show --json` prints it (this version's or an earlier one's), under a
   * new id: how a case moves to another workspace. Everything written in it (notes, history,
   * authors) comes too; scanned documents and generated paperwork, whose files are not in the
   * JSON, do not.
   */
  async importCase(input: unknown): Promise<string> {
    const parsed = caseRecordSchema.safeParse(typeof input === 'object' && input !== null ? upgradeRecord(input as Record<string, unknown>) : input)
    if (!parsed.success) {
      throw new ValidationError(parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || 'case', message: issue.message })))
    }
    const { previousCaseId: _previous, reReferredAs: _next, ...record } = parsed.data as CaseRecord
    return this.#createDocument(toStored({ ...record, attachments: {}, generatedDocuments: {} }))
  }

  /** Cases that may be the same person as this referral. */
  possibleDuplicates(identity: { clientName: string; dateOfBirth: string; chainNumber?: string | null }): CaseSummary[] {
    return this.index.possibleDuplicates({ chainNumber: identity.chainNumber, nameKey: nameKey(identity.clientName), dateOfBirth: identity.dateOfBirth })
  }

  /**
   * Open cases that look like the same person as this open case (same CHAIN number, or same name
   * and date of birth): what two laptops made while apart, flagged once they have synced.
   */
  async duplicatesOf(id: string): Promise<CaseSummary[]> {
    const record = await this.readCase(id)
    if (record.status !== 'open') return []
    return this.possibleDuplicates(record.referral).filter((other) => other.id !== id && other.status === 'open')
  }

  /**
   * Merges an open duplicate into an open case: notes, actions, documents, list items and history
   * of both are kept in `keepId`; the duplicate is closed, marked as merged into it.
   */
  async mergeCases(keepId: string, duplicateId: string): Promise<void> {
    const [keep, duplicate] = [await this.#findCase(keepId), await this.#findCase(duplicateId)]
    const [kept, merged] = [readCase(keep.doc()), readCase(duplicate.doc())]
    if (keepId === duplicateId || kept.status !== 'open' || merged.status !== 'open' || !duplicateReason(kept.referral, merged.referral)) {
      throw new change.CaseRuleError(['Only two open cases of the same person (the same CHAIN number, or name and date of birth) can be merged'])
    }
    const context = this.#context()
    const authored = authoredBy(context.author, context.now)
    keep.change((doc) => change.mergeDuplicateInto(doc, merged, duplicateId, { ...context, id: randomUUID() }), authored)
    // The duplicate's scanned documents are the kept case's now.
    this.team.change((team) => {
      for (const id of Object.keys(merged.attachments)) if (team.attachments[id]) team.attachments[id].caseId = toStored(keepId) as never
    }, authored)
    duplicate.change((doc) => change.markMergedInto(doc, keepId, { ...context, id: randomUUID() }), authored)
    await this.repo.flush([keep.documentId, duplicate.documentId, this.team.documentId])
    await this.indexer.indexPending()
  }

  listCases(): ListedCase[] {
    const duplicates = this.index.openDuplicates()
    return this.index.list().map((summary) => (duplicates.has(summary.id) ? { ...summary, possibleDuplicate: true } : summary))
  }

  searchCases(text: string): SearchHit[] {
    return this.index.search(text)
  }

  /** The caseload board: every open case with its flags, and each member's caseload, from the index. */
  board(): Board {
    const today = isoDateOf(this.#now())
    // Only the weights: the whole settings would copy the logo and every signature each time.
    const saved = this.team.doc().settings.caseloadWeights
    const weights = caseloadWeights(saved && toPlain<Partial<Record<Phase, number>>>(saved))
    const rows = this.index.openCasesForBoard().map(({ summary, board }) => boardRow(summary, board, today))
    return { today, rows, caseloads: caseloads(rows, this.members(), weights), weights }
  }

  async readCase(id: string): Promise<CaseRecord> {
    return readCase((await this.#findCase(id)).doc())
  }

  /**
   * Every readable case of the team, from the documents themselves (the monitoring report counts
   * from them, not from the index). Documents not open are read from disk and let go.
   */
  async readAllCases(): Promise<{ id: string; record: CaseRecord }[]> {
    const cases: { id: string; record: CaseRecord }[] = []
    for (const id of teamCaseIds(this.team.doc())) {
      const record = await readCurrentDocument<CaseDoc, CaseRecord | undefined>(this.repo, this.storage, id, (doc) => {
        if (!isCaseDoc(doc)) return undefined
        try {
          return readCase(doc)
        } catch {
          // A case from a newer version, or damaged: left out, as the index leaves it out.
          return undefined
        }
      })
      if (record) cases.push({ id, record })
    }
    return cases
  }

  /** The case's document, for code that edits it directly (the window's peer does the same). */
  async openCase(id: string): Promise<DocHandle<CaseDoc>> {
    return this.#findCase(id)
  }

  /**
   * Makes a domain change to a case, signed by the person making it; resolves once it is on disk
   * and in the index. The change function throws (and nothing is saved) if the rules refuse it.
   */
  async changeCase(id: string, edit: (doc: CaseDoc, context: ChangeContext) => void): Promise<void> {
    const handle = await this.#findCase(id)
    const context = this.#context()
    handle.change((doc) => edit(doc, context), authoredBy(context.author, context.now))
    await this.repo.flush([handle.documentId])
    await this.indexer.indexPending()
  }

  /** Adds a note from the command line or a test; the window adds notes in its own document copy. */
  async addNote(caseId: string, input: unknown): Promise<string> {
    const checked = validate(noteInputSchema(this.#context().today), input)
    if (!checked.ok) throw new ValidationError(checked.issues)
    const id = randomUUID()
    await this.changeCase(caseId, (doc, context) => change.addNote(doc, checked.value, { ...context, id }))
    return id
  }

  /** Tool 4, Step 11: a learning point into the team's log, ready for the next team meeting. */
  async addLearningPoint(caseId: string, text: unknown): Promise<string> {
    const checked = validate(z.string().trim().min(1, 'Write the learning point').max(MAX_LEARNING_POINT), text)
    if (!checked.ok) throw new ValidationError(checked.issues.map((issue) => ({ ...issue, field: 'text' })))
    await this.#findCase(caseId)
    const id = randomUUID()
    const context = this.#context()
    this.team.change(
      (team) => addLearningPoint(team, id, { caseId, text: checked.value, by: context.author, at: context.now.toISOString() }),
      authoredBy(context.author, context.now),
    )
    await this.changeCase(caseId, (doc, ctx) => change.markLearningPointsLogged(doc, ctx.today, ctx))
    return id
  }

  /** Opens a new case for a closed case's client, who has been referred again; the two are linked. */
  async reRefer(caseId: string): Promise<string> {
    const previous = await this.readCase(caseId)
    if (previous.status !== 'closed') throw new change.CaseRuleError(['Only a closed case can be referred again'])
    if (previous.reReferredAs) throw new change.CaseRuleError(['This case has already been referred again'])
    const context = this.#context()
    const { receivedOn: _received, status: _status, decidedOn: _on, decidedBy: _by, rejectionReason: _reason, signposting: _where, ...referral } =
      previous.referral
    const doc = newCaseDoc(referral, { id: randomUUID(), author: context.author, now: context.now, today: context.today })
    doc.previousCaseId = toStored(caseId)
    const newId = await this.#createDocument(doc)
    await this.changeCase(caseId, (old, ctx) => change.markReReferred(old, newId, ctx))
    return newId
  }

  /**
   * Adds many finished case documents at once (a sample workspace): written in one transaction,
   * listed in the team document in one change, indexed from memory. Returns their ids.
   */
  async addCaseDocuments(docs: Automerge.Doc<CaseDoc>[]): Promise<string[]> {
    const documents = docs.map((doc) => ({ id: parseAutomergeUrl(generateAutomergeUrl()).documentId as string, doc, binary: Automerge.save(doc) }))
    this.storage.saveMany(
      documents.map(({ id, binary }) => ({ key: [id, 'incremental', sha256Hex(binary)], data: binary })),
      { local: true },
    )
    const context = this.#context()
    this.team.change((team) => {
      for (const { id } of documents) addCaseToTeam(team, id, context.now)
    }, authoredBy(context.author, context.now))
    await this.repo.flush([this.team.documentId])
    await this.indexer.indexLoaded(documents)
    return documents.map(({ id }) => id)
  }

  /** Adds people to the team (sample workspaces; joining a team comes with the team server). */
  addMembers(people: Person[], learningPoints: (LearningPoint & { id: string })[] = []): void {
    const context = this.#context()
    this.team.change((team) => {
      for (const person of people) addMember(team, person)
      for (const { id, ...point } of learningPoints) addLearningPoint(team, id, point)
    }, authoredBy(context.author, context.now))
  }

  // Scanned documents.

  /**
   * Checks a file and attaches it to a case with what the caseworker says it is; resolves once both
   * are on disk. A refused file (FileRefusedError) or refused details leave the case unchanged.
   */
  async addAttachment(
    caseId: string,
    input: { fileName: string; bytes: Uint8Array; details: Record<string, unknown>; evidenceFor?: EvidenceFor },
  ): Promise<string> {
    await this.#findCase(caseId)
    const context = this.#context()
    change.checkAttachmentDetails(input.details, context.today)
    // Noted before the file is written, cleared once the case lists it: an add cut off in between
    // (a crash) is undone when the workspace next opens.
    const id = this.#attachments.newId()
    this.settings.set(SETTING_ATTACHMENT_IN_PROGRESS, { id, caseId })
    try {
      const file = await this.#attachments.store(id, caseId, input.fileName, input.bytes, authoredBy(context.author, context.now), (edit) =>
        this.team.change(edit, authoredBy(context.author, context.now)),
      )
      await this.changeCase(caseId, (doc, ctx) => {
        change.addAttachment(doc, id, file, input.details, ctx)
        if (input.evidenceFor) change.linkEvidence(doc, id, input.evidenceFor, ctx)
      })
    } catch (error) {
      // The reason it failed is what the person needs; a failure to tidy up is retried on opening.
      await this.#deleteAttachmentFile(id).catch(() => undefined)
      throw error
    }
    this.settings.delete(SETTING_ATTACHMENT_IN_PROGRESS)
    return id
  }

  /** Undoes an add of a document that was cut off before the case listed it. */
  async #finishInterruptedAttachment(): Promise<void> {
    const pending = this.settings.get<{ id: string; caseId: string }>(SETTING_ATTACHMENT_IN_PROGRESS)
    if (!pending) return
    const listed = await this.readCase(pending.caseId).then(
      (record) => pending.id in record.attachments,
      () => false,
    )
    if (!listed) await this.#deleteAttachmentFile(pending.id)
    this.settings.delete(SETTING_ATTACHMENT_IN_PROGRESS)
  }

  /** A scanned document's file. */
  readAttachment(caseId: string, id: string): Promise<AttachmentDoc> {
    return this.#attachments.read(caseId, id)
  }

  /** Takes a document off a case and deletes its file from this laptop. */
  async removeAttachment(caseId: string, id: string): Promise<void> {
    const record = await this.readCase(caseId)
    if (!record.attachments[id]) throw new AttachmentNotFoundError(id)
    await this.changeCase(caseId, (doc, ctx) => change.removeAttachment(doc, id, ctx))
    await this.#deleteAttachmentFile(id)
  }

  #deleteAttachmentFile(id: string): Promise<void> {
    const context = this.#context()
    return this.#attachments.delete(id, (edit) => this.team.change(edit, authoredBy(context.author, context.now)))
  }

  // Case review meetings: each its own document, listed in the team's.

  /** Stores a new meeting document and lists it in the team; resolves once it is on disk. */
  async createMeeting(content: MeetingDoc): Promise<string> {
    const context = this.#context()
    const handle = this.repo.create<MeetingDoc>()
    handle.change((doc) => Object.assign(doc, content), authoredBy(context.author, context.now))
    this.team.change((team) => addMeetingToTeam(team, handle.documentId, context.now), authoredBy(context.author, context.now))
    await this.repo.flush([handle.documentId, this.team.documentId])
    return handle.documentId
  }

  /** The team's meetings, latest first. */
  meetings(): { id: string; startedAt: string }[] {
    return Object.entries(toPlain<TeamRecord['meetings']>(this.team.doc().meetings ?? {}))
      .map(([id, entry]) => ({ id, startedAt: entry.startedAt }))
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
  }

  async openMeeting(id: string): Promise<DocHandle<MeetingDoc>> {
    if (!isValidDocumentId(id) || !(id in (this.team.doc().meetings ?? {}))) throw new MeetingNotFoundError()
    const handle = await this.repo.find<MeetingDoc>(id, { allowableStates: ['ready', 'unavailable'] })
    if (!handle.isReady() || !isMeetingDoc(handle.doc())) throw new MeetingNotFoundError()
    return handle
  }

  async changeMeeting(id: string, edit: (doc: MeetingDoc) => void): Promise<void> {
    const handle = await this.openMeeting(id)
    const context = this.#context()
    handle.change(edit, authoredBy(context.author, context.now))
    await this.repo.flush([handle.documentId])
  }

  learningLog(): Record<string, LearningPoint> {
    return toPlain<TeamRecord['learningLog']>(this.team.doc().learningLog)
  }

  /** A meeting reviewed these learning points. */
  async markLearningPointsReviewed(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    const context = this.#context()
    this.team.change((team) => markLearningPointsReviewed(team, ids, context.now), authoredBy(context.author, context.now))
    await this.repo.flush([this.team.documentId])
  }

  // Team settings: the letterhead and directories the paperwork draws on, and signatures.

  teamSettings(): TeamSettings {
    return teamSettings(this.team.doc())
  }

  updateLetterhead(values: Record<string, unknown>): void {
    this.#changeSettings((team, today) => setLetterhead(team, values, today))
  }

  /** Adds an entry to a directory (no id) or edits one; returns its id. */
  saveDirectoryEntry(directory: Directory, id: string | undefined, values: Record<string, unknown>): string {
    const entryId = id ?? randomUUID()
    if (id !== undefined && !(id in this.team.doc().settings[directory])) throw new ValidationError([{ field: 'id', message: 'That entry is no longer in the directory' }])
    this.#changeSettings((team, today) => putDirectoryEntry(team, directory, entryId, values, today))
    return entryId
  }

  removeDirectoryEntry(directory: Directory, id: string): void {
    this.#changeSettings((team) => removeDirectoryEntry(team, directory, id))
  }

  setCaseloadWeights(weights: Record<Phase, number>): void {
    this.#changeSettings((team) => setCaseloadWeights(team, weights))
  }

  /** Sets (or with null, clears) the team's logo, which is the manager's, or your own signature. */
  async setTeamImage(which: 'logo' | 'signature', file: { fileName: string; bytes: Uint8Array } | null): Promise<void> {
    const context = this.#context()
    if (which === 'logo' && context.role !== 'manager') throw new NotAllowedError('Only a team manager can change the team settings')
    let image: TeamImage | null = null
    if (file) {
      if (file.bytes.length > MAX_TEAM_IMAGE_BYTES) throw new FileRefusedError(file.fileName, 'the image is over 1 MB. Save it smaller and try again.')
      const checked = await checkFile(file.fileName, file.bytes)
      if (checked.mediaType === 'application/pdf') throw new FileRefusedError(file.fileName, 'it is a PDF. Choose a PNG or JPEG image.')
      image = { mediaType: checked.mediaType, bytes: file.bytes }
    }
    this.team.change((team) => setTeamImage(team, which === 'logo' ? { logo: true } : { signatureOf: context.author.id }, image), authoredBy(context.author, context.now))
    await this.repo.flush([this.team.documentId])
  }

  /**
   * Sets a sample team's letterhead, directories, logo and everyone's signature at once (sample
   * workspaces, made by whoever runs `homeward seed`).
   */
  addSampleSettings(settings: SampleSettings, signers: Person[]): void {
    const context = this.#context()
    this.team.change((team) => {
      setLetterhead(team, settings.letterhead, context.today)
      for (const entry of settings.housingOptions) putDirectoryEntry(team, 'housingOptions', randomUUID(), entry, context.today)
      for (const agency of settings.agencies) putDirectoryEntry(team, 'agencies', randomUUID(), agency, context.today)
      setTeamImage(team, { logo: true }, settings.logo)
      for (const person of signers) setTeamImage(team, { signatureOf: person.id }, settings.signature)
    }, authoredBy(context.author, context.now))
  }

  #changeSettings(edit: (team: TeamDoc, today: IsoDate) => void): void {
    const context = this.#context()
    if (context.role !== 'manager') throw new NotAllowedError('Only a team manager can change the team settings')
    this.team.change((team) => edit(team, context.today), authoredBy(context.author, context.now))
  }

  // The index.

  onIndexChanged(listener: () => void): () => void {
    return this.indexer.onChanged(listener)
  }

  /** Told when the team document changes: members, settings, the learning log. */
  onTeamChanged(listener: () => void): () => void {
    this.#events.on('team-changed', listener)
    return () => void this.#events.off('team-changed', listener)
  }

  /**
   * Takes up the team's document once it has arrived from the server (joining a team): what this
   * laptop had becomes the team's. Resolves true when it is done (or nothing was waiting).
   */
  async adoptTeamDocument(): Promise<boolean> {
    if (!this.membership.adoptionPending) return true
    const context = this.#context()
    const old = this.team
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
    const now = new Set(Object.keys(this.team.doc().attachments))
    // A scanned document another laptop removed is removed from this one too.
    for (const id of this.#knownAttachments) if (!now.has(id)) void this.#attachments.delete(id, () => undefined)
    this.#knownAttachments = now
    this.#events.emit('team-changed')
  }

  /** The id of the team document in use (shared with the team once this laptop is in one). */
  get teamDocumentId(): string {
    return this.team.documentId
  }

  /** Writes every change made so far to disk. */
  async flush(): Promise<void> {
    // Only documents in hand: the repo's own flush of everything fails on one still awaited.
    await this.repo.flush(Object.values(this.repo.handles).filter((handle) => handle.isReady()).map((handle) => handle.documentId))
  }

  /** Builds the index again from the documents. */
  rebuildIndex(): Promise<number> {
    return this.indexer.rebuild()
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.sync.stop()
    await shutdownRepo(this.repo)
    await this.indexer.indexPending()
    await this.indexer.stop()
    this.index.close()
    this.store.close()
  }

  /** The time now: the real clock, or a test's. */
  now(): Date {
    return this.#now()
  }

  #now(): Date {
    return this.options.now?.() ?? new Date()
  }

  /** Who is working in this session, in what role, and when: what every change records. */
  currentContext(): ChangeContext {
    return this.#context()
  }

  /** Who is changing things, in what role, and when. */
  #context(): ChangeContext {
    const person = this.options.user ?? this.profile ?? this.options.fallbackUser
    if (!person) throw new NoProfileError()
    const now = this.#now()
    return { author: { id: person.id, name: person.name }, role: person.role, now, today: isoDateOf(now) }
  }

  /** Stores a new case document, lists it in the team, and waits until it is on disk and indexed. */
  async #createDocument(content: CaseDoc): Promise<string> {
    const context = this.#context()
    const handle = this.repo.create<CaseDoc>()
    handle.change((doc) => Object.assign(doc, content), authoredBy(context.author, context.now))
    this.team.change((team) => addCaseToTeam(team, handle.documentId, context.now), authoredBy(context.author, context.now))
    await this.repo.flush([handle.documentId, this.team.documentId])
    await this.indexer.indexPending()
    return handle.documentId
  }

  #rememberRequest(requestId: string, caseId: string): void {
    this.#createdByRequest.set(requestId, caseId)
    if (this.#createdByRequest.size > REMEMBERED_REQUESTS) {
      this.#createdByRequest.delete(this.#createdByRequest.keys().next().value!)
    }
  }

  async #findCase(id: string): Promise<DocHandle<CaseDoc>> {
    if (!isValidDocumentId(id) || !(id in this.team.doc().cases)) throw new CaseNotFoundError(id)
    const handle = await this.repo.find<CaseDoc>(id, { allowableStates: ['ready', 'unavailable'] })
    if (!handle.isReady() || !isCaseDoc(handle.doc())) throw new CaseNotFoundError(id)
    return handle
  }
}

export const openWorkspace = (options: OpenWorkspaceOptions) => Workspace.open(options)

/** A window onto a core (the app's renderer), by its peer id. */
export function isWindowPeer(peerId: string): boolean {
  return peerId.startsWith(WINDOW_PEER_PREFIX)
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

import { randomUUID } from 'node:crypto'
import * as Automerge from '@automerge/automerge'
import { generateAutomergeUrl, isValidDocumentId, parseAutomergeUrl, type DocHandle } from '@automerge/automerge-repo'
import { z } from 'zod'
import type { CaseChange, CaseChanges, CaseListQuery, CasePage, SearchHit, UnreadableCase } from '../../../shared/api'
import { authoredBy, authorOf, SERVER_AUTHOR } from '../../../shared/authorship'
import { toPlain, toStored } from '../../../shared/automerge/registers'
import { boardRow, caseloads, onTheBoard, type Board, type BoardRow } from '../../../shared/board/board'
import { boardStart, type BoardStart, type BoardView } from '../../../shared/board/board-start'
import { needsAddedParts, withAddedParts } from '../../../shared/case/added-parts'
import { isCaseDoc, newCaseDoc, readCase } from '../../../shared/case/case-doc'
import { caseDateProblems } from '../../../shared/case/dates/case-dates'
import { choicesMade } from '../../../shared/case/chosen-values'
import { upgradeRecord } from '../../../shared/case/migrations'
import * as change from '../../../shared/case/changes'
import type { ChangeContext } from '../../../shared/case/changes'
import { duplicateReason, nameKeys, type ClientIdentity } from '../../../shared/case/duplicates'
import { aliasesOf } from '../../../shared/case/contact'
import { noteInputSchema } from '../../../shared/case/notes'
import { addLearningPoint, moveLearningPoints, type CaseLearningPoint } from '../../../shared/case/learning-points'
import { caseRecordSchema, type CaseDoc, type CaseRecord } from '../../../shared/case/record'
import { REFERRAL_DETAIL_FIELDS, REFERRAL_IDENTITY_FIELDS, type ReferralDetails, type ReferralIdentity } from '../../../shared/case/referral'
import type { CaseSummary, ListedCase } from '../../../shared/case/summary'
import { valuesFormsRefuse } from '../../../shared/case/values-as-forms-take'
import { keyedZodMessages, namedIssue, whereInTheCase } from '../../../shared/case/where-in-the-case'
import { isoDateOf, type IsoDate } from '../../../shared/dates'
import type { BoardCase } from '../index/case-index'
import { formSchema } from '../../../shared/forms/fields'
import { addCaseToTeam, forgetLearningPoints, mapIn, teamCaseIds, type TeamRecord } from '../../../shared/team/team-doc'
import { currentCaseId } from '../../../shared/team/corrections'
import type { Person, PersonRef } from '../../../shared/people'
import { defaultDueBefore, myTasks, type MyTasks } from '../../../shared/tasks/my-tasks'
import { requirePermission } from '../../../shared/team/permissions'
import { oncePerPerson } from '../../../shared/team/same-person-name'
import { validate, ValidationError, type FieldIssue } from '../../../shared/validation'
import { sha256Hex } from '../../../node/crypto'
import type { ApiHandlers } from '../api/handlers'
import { CaseNotFoundError, DamagedDocumentError, DuplicateCaseError, NoProfileError, PersonNotFoundError } from '../errors'
import { loadStoredDocument, readCurrentDocument } from '../storage/stored-documents'
import type { Team } from '../team/team'
import type { WorkspaceCore } from '../workspace-core'

/** How many recent "open a case" requests are remembered, to answer a repeat with the same case. */
const REMEMBERED_REQUESTS = 200
const MAX_LEARNING_POINT = 2000
/** How many of a case's latest changes its history lists: enough to read, few enough to send at once. */
const CHANGES_LISTED = 500

/** A referral's fields, checked strictly: an unknown field is a mistake to report, not ignore. */
const REFERRAL_FIELDS = [...REFERRAL_IDENTITY_FIELDS, ...REFERRAL_DETAIL_FIELDS]
/** How many of the board's starts are kept for one state of the index. */
const KEPT_BOARD_STARTS = 20

/**
 * The team's cases: opening one from a referral, reading and changing it with the case's rules,
 * duplicates and merging, and the cross-case views (the list, search, the caseload board) that
 * come from the index.
 */
export class Cases {
  readonly #createdByRequest = new Map<string, string>()
  /** The board's rows for the index as it was read and the day: the board's start and the whole board follow each other. */
  #boardRows: { read: readonly BoardCase[]; today: IsoDate; rows: BoardRow[] } | undefined
  /**
   * The board's starts asked for those rows, by view and the team's people and weights: opening the
   * board again (back from a case, a window opened afresh) is not filtered and sorted again
   * (45 ms at 30,000 cases, most of it ordering names: npm run bench -- board-first-row).
   */
  #boardStarts: { of: BoardRow[]; byView: Map<string, BoardStart> } | undefined

  constructor(
    private readonly core: WorkspaceCore,
    private readonly team: Team,
  ) {}

  /**
   * Opens a case from a referral (the first details, and any of Tool 3); resolves once the case is
   * on disk and in the index. A referral that looks like a client with a case already is refused
   * unless `allowDuplicate`. The same `requestId` again (a window saving once more after losing its
   * connection) gives the same case.
   */
  async create(input: unknown, options: { requestId?: string; allowDuplicate?: boolean } = {}): Promise<string> {
    const earlier = options.requestId === undefined ? undefined : this.#createdByRequest.get(options.requestId)
    if (earlier) return earlier
    const context = this.core.context()
    const referral = this.#checkedReferral(input, formSchema(REFERRAL_FIELDS, context.today))
    if (!options.allowDuplicate) {
      const matches = this.possibleDuplicates(referral)
      if (matches.length > 0) throw new DuplicateCaseError(matches)
    }
    const id = await this.#createDocument(newCaseDoc(referral, { id: randomUUID(), author: context.author, now: context.now, today: context.today }))
    if (options.requestId !== undefined) this.#rememberRequest(options.requestId, id)
    return id
  }

  /**
   * Opens a case from each of many referrals (a spreadsheet's rows) by the rules `create` applies,
   * in one pass: every case written in one transaction (with its audit entry and, in a team, its
   * place in the outbox), listed in the team in one change, and indexed in one. A referral that
   * looks like a case already held, or like an earlier one of these, is not opened (its matches
   * are given), and one the form refuses gives its problems; the rest are opened all the same.
   */
  async createMany(inputs: readonly unknown[]): Promise<CreatedOrNot[]> {
    const context = this.core.context()
    // Made once: making the form's schema costs more than checking a referral with it.
    const schema = formSchema(REFERRAL_FIELDS, context.today)
    const results: CreatedOrNot[] = []
    const opening: { at: number; identity: ClientIdentity; doc: Automerge.Doc<CaseDoc> }[] = []
    for (const input of inputs) {
      let referral: ReferralIdentity & ReferralDetails
      try {
        referral = this.#checkedReferral(input, schema)
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error
        results.push({ refused: error.issues })
        continue
      }
      // The index holds the cases of earlier calls; these are not in it until all are written.
      const earlier = opening.find((other) => duplicateReason(other.identity, referral))
      const matches = earlier
        ? [{ id: '', clientName: earlier.identity.clientName, sameAs: earlier.at }]
        : this.possibleDuplicates(referral).map(({ id, clientName }) => ({ id, clientName }))
      if (matches.length > 0) {
        results.push({ duplicates: matches })
        continue
      }
      // The case's first change is the case itself, by the person who made it, as `create` makes it.
      const content = newCaseDoc(referral, { id: randomUUID(), author: context.author, now: context.now, today: context.today })
      opening.push({ at: results.length, identity: referral, doc: Automerge.change(Automerge.init<CaseDoc>(), authoredBy(context.author, context.now), (doc) => Object.assign(doc, content)) })
      results.push({ id: '' })
    }
    const ids = opening.length === 0 ? [] : await this.addMany(opening.map(({ doc }) => doc))
    opening.forEach(({ at }, i) => (results[at] = { id: ids[i]! }))
    // A referral like an earlier one of these is named with the case that one became.
    return results.map((result) =>
      'duplicates' in result && result.duplicates[0]?.sameAs !== undefined
        ? { duplicates: result.duplicates.map((match) => ({ ...match, id: (results[match.sameAs!] as { id: string }).id })) }
        : result,
    )
  }

  /**
   * A referral checked as the form checks it, strictly (an unknown field is a mistake to report,
   * not ignore), its referring organisation one entry of the team's list (and one line of the
   * monitoring report).
   */
  #checkedReferral(input: unknown, schema: ReturnType<typeof formSchema>): ReferralIdentity & ReferralDetails {
    const checked = validate(schema, input)
    if (!checked.ok) throw new ValidationError(checked.issues)
    const unknown = Object.keys(input as object).filter((key) => !REFERRAL_FIELDS.some((field) => field.name === key))
    if (unknown.length > 0) throw new ValidationError(unknown.map((field) => ({ field, message: `"${field}" is not a field of the referral` })))
    const referral = checked.value as ReferralIdentity & ReferralDetails
    referral.outreachTeam = this.team.knowOutreachTeam(referral.outreachTeam)
    return referral
  }

  /**
   * Adds a whole case, as `case show --json` prints it (this version's or an earlier one's), under a
   * new id: how a case moves to another workspace. Everything written in it (notes, history,
   * authors) comes too; scanned documents and generated paperwork, whose files are not in the
   * JSON, do not. `warned` is told the date rules' warnings, of the case as the file gives it: a
   * pack it says was made is not carried, but the date it was emailed is, and may be a slip.
   */
  async importCase(input: unknown, warned?: (warnings: string[]) => void): Promise<string> {
    const upgraded = typeof input === 'object' && input !== null ? upgradeRecord(input as Record<string, unknown>) : input
    const parsed = caseRecordSchema.safeParse(upgraded, { error: keyedZodMessages(upgraded) })
    if (!parsed.success) {
      throw new ValidationError(parsed.error.issues.map((issue) => ({ field: whereInTheCase(issue.path, upgraded), message: issue.message })))
    }
    const refused = valuesFormsRefuse(parsed.data as CaseRecord, this.core.context().today)
    if (refused.length > 0) throw new ValidationError(refused.map((issue) => namedIssue(issue, upgraded)))
    const dates = caseDateProblems(parsed.data as CaseRecord, this.core.context().today)
    if (dates.errors.length > 0) throw new ValidationError(dates.errors.map((issue) => namedIssue(issue, upgraded)))
    const { previousCaseId: _previous, reReferredAs: _next, ...record } = parsed.data as CaseRecord
    const id = await this.#createDocument(toStored({ ...record, attachments: {}, generatedDocuments: {} }))
    warned?.(dates.warnings)
    return id
  }

  /**
   * Adds many finished case documents at once (a sample workspace, a spreadsheet's referrals):
   * written in one transaction (each with its audit entry and its place in the outbox),
   * listed in the team document in one change, indexed from memory. Returns their ids.
   */
  async addMany(docs: Automerge.Doc<CaseDoc>[]): Promise<string[]> {
    const documents = docs.map((doc) => ({ id: parseAutomergeUrl(generateAutomergeUrl()).documentId as string, doc, binary: Automerge.save(doc) }))
    const context = this.core.context()
    // Listed, and the listing on disk, before the cases are written: stopped in between, the team
    // lists cases not on disk (as a laptop does until a case it was told of arrives, and nothing
    // is lost), never cases on disk that it does not list, which no other laptop would be sent.
    // Listed also so that the audit knows each case saved as a case.
    this.core.changeTeam((team) => {
      for (const { id } of documents) addCaseToTeam(team, id, context.now)
    }, context)
    await this.core.repo.flush([this.core.teamDoc().documentId])
    this.core.storage.saveMany(
      documents.map(({ id, binary }) => ({ key: [id, 'incremental', sha256Hex(binary)], data: binary })),
      { local: true },
    )
    await this.core.indexer.indexLoaded(documents)
    return documents.map(({ id }) => id)
  }

  /** Cases that may be the same person as this referral. */
  possibleDuplicates(identity: ClientIdentity): CaseSummary[] {
    return this.core.index.possibleDuplicates({ chainNumber: identity.chainNumber, nameKeys: nameKeys(identity), dateOfBirth: identity.dateOfBirth })
  }

  /**
   * Open cases that look like the same person as this open case (same CHAIN number, or same name
   * and date of birth): what two laptops made while apart, flagged once they have synced.
   */
  async duplicatesOf(id: string): Promise<CaseSummary[]> {
    const record = await this.read(id)
    if (record.status !== 'open') return []
    return this.possibleDuplicates(identityOf(record)).filter((other) => other.id !== id && other.status === 'open')
  }

  /**
   * Merges an open duplicate into an open case: notes, actions, documents, list items and history
   * of both are kept in `keepId`; the duplicate is closed, marked as merged into it.
   */
  async merge(keepId: string, duplicateId: string): Promise<void> {
    const [keep, duplicate] = [await this.open(keepId), await this.open(duplicateId)]
    const [kept, merged] = [readCase(keep.doc()), readCase(duplicate.doc())]
    if (keepId === duplicateId || kept.status !== 'open' || merged.status !== 'open' || !duplicateReason(identityOf(kept), identityOf(merged))) {
      throw new change.CaseRuleError(['Only two open cases of the same person (the same CHAIN number, or name and date of birth) can be merged'])
    }
    const context = this.core.context()
    const authored = authoredBy(context.author, context.now)
    prepareForChange(keep)
    prepareForChange(duplicate)
    keep.change((doc) => change.mergeDuplicateInto(doc, merged, duplicateId, { ...context, id: randomUUID() }), authored)
    // The duplicate's scanned documents are the kept case's now.
    this.core.changeTeam((team) => {
      for (const id of Object.keys(merged.attachments)) if (team.attachments[id]) team.attachments[id].caseId = toStored(keepId) as never
    }, context)
    duplicate.change((doc) => change.markMergedInto(doc, keepId, { ...context, id: randomUUID() }), authored)
    await this.core.repo.flush([keep.documentId, duplicate.documentId, this.core.teamDoc().documentId])
    await this.core.indexer.indexPending()
  }

  list(): ListedCase[] {
    const duplicates = this.core.index.openDuplicates()
    return this.core.index.list().map((summary) => (duplicates.has(summary.id) ? { ...summary, possibleDuplicate: true } : summary))
  }

  /**
   * A page of the case list with its filters, done in the index so that thousands of cases stay
   * fast. "Mine" is the lead caseworker being the person using the laptop.
   */
  listPage(query: CaseListQuery): CasePage {
    const lead = query.mine ? this.core.context().author.id : (query.caseworkerId ?? null)
    const page = this.core.index.listPage(query, lead)
    const duplicates = this.core.index.openDuplicates()
    return { ...page, cases: page.cases.map((summary) => (duplicates.has(summary.id) ? { ...summary, possibleDuplicate: true } : summary)) }
  }

  search(text: string): SearchHit[] {
    return this.core.index.search(text)
  }

  /** The caseload board: every open case with its flags, and each member's caseload, from the index. */
  board(): Board {
    const board = this.#board()
    // A copy: whoever is given the board may sort or filter it.
    return { ...board, rows: [...board.rows] }
  }

  /** The board with the rows kept for this state of the index and day, not to be changed. */
  #board(): Board {
    const today = isoDateOf(this.core.now())
    const weights = this.team.caseloadWeights()
    const read = this.core.index.openCasesForBoard()
    if (this.#boardRows?.read !== read || this.#boardRows.today !== today) {
      this.#boardRows = { read, today, rows: read.map(({ summary, board }) => boardRow(summary, board, today)).filter(onTheBoard) }
    }
    const rows = this.#boardRows.rows
    return { today, rows, caseloads: caseloads(rows, this.team.members(), weights), weights }
  }

  /** The board's first rows for a view, and its counts: what the page draws before the whole board comes. */
  boardStart(view: BoardView): BoardStart {
    const board = this.#board()
    const of = board.rows
    if (this.#boardStarts?.of !== of) this.#boardStarts = { of, byView: new Map() }
    const key = JSON.stringify([view, board.weights, board.caseloads])
    let start = this.#boardStarts.byView.get(key)
    if (!start) {
      start = boardStart(board, view)
      // The views typed into the board's search box are each kept too: the latest few only.
      if (this.#boardStarts.byView.size >= KEPT_BOARD_STARTS) this.#boardStarts.byView.delete(this.#boardStarts.byView.keys().next().value!)
      this.#boardStarts.byView.set(key, start)
    }
    // A copy of its rows: whoever is given the start may change them.
    return { ...start, rows: [...start.rows] }
  }

  /**
   * A person's tasks across cases, due before `dueBefore` (two weeks ahead unless given), from the
   * index as the board is (no case opened): the signed-in person's own, or a manager's choice of
   * anyone in the team.
   */
  tasks(options: { personId?: string | undefined; dueBefore?: IsoDate | undefined } = {}): MyTasks {
    const context = this.core.context()
    const today = isoDateOf(this.core.now())
    const me: Person = { ...context.author, role: context.role }
    const members = oncePerPerson(this.team.members())
    let person = me
    if (options.personId && options.personId !== me.id) {
      requirePermission(context.role, 'see-others-tasks')
      const chosen = members.find((member) => member.id === options.personId)
      if (!chosen) throw new PersonNotFoundError()
      person = chosen
    }
    const dueBefore = options.dueBefore ?? defaultDueBefore(today)
    return {
      today,
      dueBefore,
      person: { id: person.id, name: person.name },
      tasks: myTasks(this.core.index.openCasesForBoard(), person, today, dueBefore, members),
      people: members.map(({ id, name }) => ({ id, name })),
    }
  }

  /**
   * A case's changes, newest first (the latest CHANGES_LISTED): who each says made it, and whose
   * laptop sent it (see ChangeAttestations), and what a change kept where two values were saved at
   * once (choicesMade decodes the changes for that: a few milliseconds, when the History tab opens).
   */
  async changes(id: string): Promise<CaseChanges> {
    const doc = (await this.open(id)).doc()
    // A change with no operations and no message holds nothing anyone typed: the empty first change
    // automerge-repo gave cases made before their first change named its author. Not listed, so it
    // is not shown as a change with no author.
    const metas = Automerge.getChangesMetaSince(doc, []).filter((meta) => meta.maxOp >= meta.startOp || meta.message !== null)
    const chosen = choicesMade(doc)
    const attested = this.core.attestations.of(id, metas)
    const members = toPlain<TeamRecord['members']>(mapIn(this.core.teamDoc().doc().members))
    // Names as the team knows its people now; otherwise as the change itself names them.
    const named = (personId: string, declared: PersonRef | undefined): PersonRef => {
      if (personId === SERVER_AUTHOR.id) return SERVER_AUTHOR
      const name = members[personId]?.name ?? (declared?.id === personId ? declared.name : 'someone no longer in the team')
      return { id: personId, name }
    }
    const newestFirst = metas.map((meta, order) => ({ meta, order })).sort((a, b) => b.meta.time - a.meta.time || b.order - a.order)
    const changes = newestFirst.slice(0, CHANGES_LISTED).map(({ meta }): CaseChange => {
      const declared = authorOf(meta.message)
      const attestation = attested.get(meta.hash)
      const declaredAuthor = declared ? named(declared.id, declared) : null
      const attestedBy = attestation ? named(attestation.personId, declared) : null
      return {
        hash: meta.hash,
        at: meta.time > 0 ? new Date(meta.time * 1000).toISOString() : null,
        declaredAuthor,
        attestedBy,
        mismatch: declaredAuthor !== null && attestedBy !== null && declaredAuthor.id !== attestedBy.id,
        attestation: !attestation ? 'none' : attestation.source === 'local' ? 'this laptop' : 'server',
        choices: chosen.get(meta.hash) ?? [],
      }
    })
    return { changes, more: Math.max(0, metas.length - CHANGES_LISTED) }
  }

  async read(id: string): Promise<CaseRecord> {
    return readCase((await this.open(id)).doc())
  }

  /**
   * Every readable case of the team, from the documents themselves (the monitoring report counts
   * from them, not from the index). Documents not open are read from disk and let go. `more`
   * reads what else is wanted of a case while its document is at hand (its history, say).
   */
  async readAll<More extends object = object>(more?: (doc: CaseDoc, record: CaseRecord) => More): Promise<({ id: string; record: CaseRecord } & Partial<More>)[]> {
    const cases: ({ id: string; record: CaseRecord } & Partial<More>)[] = []
    for (const id of teamCaseIds(this.core.teamDoc().doc())) {
      const read = await readCurrentDocument<CaseDoc, ({ record: CaseRecord } & Partial<More>) | undefined>(this.core.repo, this.core.storage, id, (doc) => {
        if (!isCaseDoc(doc)) return undefined
        try {
          const record = readCase(doc)
          return { ...more?.(doc, record), record } as { record: CaseRecord } & Partial<More>
        } catch {
          // A case from a newer version, or damaged: left out, as the index leaves it out.
          return undefined
        }
      }).catch((error: unknown) => {
        // Damaged on disk: left out too (the case list names it), not the whole report lost.
        if (error instanceof DamagedDocumentError) return undefined
        throw error
      })
      if (read) cases.push({ id, ...read })
    }
    return cases
  }

  /** The case's document, for code that edits it directly (the window's peer does the same). */
  async open(id: string): Promise<DocHandle<CaseDoc>> {
    if (!isValidDocumentId(id) || !(id in this.core.teamDoc().doc().cases)) throw new CaseNotFoundError(id)
    let handle: DocHandle<CaseDoc>
    try {
      handle = await this.core.repo.find<CaseDoc>(id, { allowableStates: ['ready', 'unavailable'] })
    } catch (error) {
      // The repo could not load its stored bytes. Damaged (a checksum that does not match, as
      // reading them from disk confirms): named as unreadable, out of the lists, left on disk.
      const damaged = await loadStoredDocument(this.core.storage, id).then(
        (doc) => {
          if (doc) Automerge.free(doc)
          return false
        },
        (reading: unknown) => reading instanceof DamagedDocumentError,
      )
      if (!damaged) throw error
      this.core.index.markUnreadable([{ id, reason: DamagedDocumentError.REASON }])
      throw new DamagedDocumentError(id)
    }
    if (!handle.isReady() || !isCaseDoc(handle.doc())) throw new CaseNotFoundError(id)
    return handle
  }

  /** The team's case documents that could not be read, and why: named to the person, never hidden. */
  unreadable(): UnreadableCase[] {
    const team = this.core.teamDoc().doc().cases
    return this.core.index.unreadable().filter(({ id }) => id in team)
  }

  /**
   * Makes a domain change to a case, signed by the person making it; resolves once it is on disk
   * and in the index. The change function throws (and nothing is saved) if the rules refuse it.
   */
  async change(id: string, edit: (doc: CaseDoc, context: ChangeContext) => void): Promise<void> {
    const handle = await this.open(id)
    const context = this.core.context()
    prepareForChange(handle)
    handle.change((doc) => edit(doc, context), authoredBy(context.author, context.now))
    await this.core.repo.flush([handle.documentId])
    await this.core.indexer.indexPending()
  }

  /** Opens a closed case again, with the reason (the command line; the window changes its own copy). */
  async reopen(caseId: string, reason: string): Promise<void> {
    await this.change(caseId, (doc, context) => change.reopenCase(doc, { reason, id: randomUUID() }, context))
  }

  /** Adds a note from the command line or a test; the window adds notes in its own document copy. */
  async addNote(caseId: string, input: unknown): Promise<string> {
    const checked = validate(noteInputSchema(this.core.context().today), input)
    if (!checked.ok) throw new ValidationError(checked.issues)
    const id = randomUUID()
    await this.change(caseId, (doc, context) => change.addNote(doc, checked.value, { ...context, id }))
    return id
  }

  /**
   * Tool 4, Step 11: a learning point into the team's log, ready for the next team meeting. It is
   * kept in the case (learning-points.ts), never in the team document, so erasing the case takes it.
   */
  async addLearningPoint(caseId: string, text: unknown): Promise<string> {
    const checked = validate(z.string().trim().min(1, 'Write the learning point').max(MAX_LEARNING_POINT), text)
    if (!checked.ok) throw new ValidationError(checked.issues.map((issue) => ({ ...issue, field: 'text' })))
    const id = randomUUID()
    await this.change(caseId, (doc, context) => {
      addLearningPoint(doc, id, { text: checked.value, by: context.author, at: context.now.toISOString() }, context)
      change.markLearningPointsLogged(doc, context.today, context)
    })
    return id
  }

  /**
   * Moves the learning points a version before case schema 5 wrote into the team document into
   * their cases, those this laptop holds (in its index), and deletes them from the team document.
   * A case restricted to others, or not arrived yet, keeps its points there for a laptop that holds
   * it; an erased case's are deleted by `Meetings.forgetErasedLearningPoints`.
   */
  async moveTeamLearningPoints(): Promise<void> {
    const team = this.core.teamDoc().doc()
    const byCase = new Map<string, Record<string, CaseLearningPoint>>()
    for (const [id, point] of Object.entries(toPlain<TeamRecord['learningLog']>(mapIn(team.learningLog)))) {
      // One laptop's bad write is left for the server's authority, not carried into a case.
      if (typeof point?.caseId !== 'string' || typeof point.text !== 'string') continue
      const caseId = currentCaseId(team, point.caseId)
      if (this.core.index.headsOf(caseId) === undefined) continue
      byCase.set(caseId, { ...byCase.get(caseId), [id]: point })
    }
    if (byCase.size === 0 || !this.#someoneToSign()) return
    for (const [caseId, points] of byCase) {
      await this.change(caseId, (doc, context) => moveLearningPoints(doc, points, context))
      this.core.changeTeam((doc) => forgetLearningPoints(doc, Object.keys(points)))
    }
    await this.core.repo.flush([this.core.teamDoc().documentId])
  }

  /** Before the first run's question is answered no one can sign a change: the move waits for them. */
  #someoneToSign(): boolean {
    try {
      this.core.context()
      return true
    } catch (error) {
      if (error instanceof NoProfileError) return false
      throw error
    }
  }

  /** Opens a new case for a closed case's client, who has been referred again; the two are linked. */
  async reRefer(caseId: string): Promise<string> {
    const previous = await this.read(caseId)
    if (previous.status !== 'closed') throw new change.CaseRuleError(['Only a closed case can be referred again'])
    if (previous.reReferredAs) throw new change.CaseRuleError(['This case has already been referred again'])
    const context = this.core.context()
    const { receivedOn: _received, status: _status, decidedOn: _on, decidedBy: _by, rejectionReason: _reason, signposting: _where, ...referral } =
      previous.referral
    const doc = newCaseDoc(referral, { id: randomUUID(), author: context.author, now: context.now, today: context.today })
    doc.previousCaseId = toStored(caseId)
    const newId = await this.#createDocument(doc)
    await this.change(caseId, (old, ctx) => change.markReReferred(old, newId, ctx))
    return newId
  }

  /** Stores a new case document, lists it in the team, and waits until it is on disk and indexed. */
  async #createDocument(content: CaseDoc): Promise<string> {
    const context = this.core.context()
    const handle = this.core.repo.create<CaseDoc>()
    // repo.create starts the document with an empty change that cannot name its author. It is
    // replaced, before anything saves or sends it (both wait for a timer), by a history whose first
    // change is the case itself, by the person who made it.
    handle.update(() => Automerge.change(Automerge.init<CaseDoc>(), authoredBy(context.author, context.now), (doc) => Object.assign(doc, content)))
    this.core.changeTeam((team) => addCaseToTeam(team, handle.documentId, context.now), context)
    await this.core.repo.flush([handle.documentId, this.core.teamDoc().documentId])
    await this.core.indexer.indexPending()
    return handle.documentId
  }

  #rememberRequest(requestId: string, caseId: string): void {
    this.#createdByRequest.set(requestId, caseId)
    if (this.#createdByRequest.size > REMEMBERED_REQUESTS) {
      this.#createdByRequest.delete(this.#createdByRequest.keys().next().value!)
    }
  }

  handlers() {
    return {
      createCase: async ({ requestId, allowDuplicate, ...referral }) => ({
        id: await this.create(referral, { ...(requestId ? { requestId } : {}), allowDuplicate: allowDuplicate ?? false }),
      }),
      checkDuplicates: (identity) => this.possibleDuplicates(identity),
      addLearningPoint: async ({ caseId, text }) => ({ id: await this.addLearningPoint(caseId, text) }),
      reRefer: async ({ caseId }) => ({ id: await this.reRefer(caseId) }),
      listCases: (query) => this.listPage(query),
      unreadableCases: () => this.unreadable(),
      searchCases: ({ text }) => this.search(text),
      duplicatesOf: ({ caseId }) => this.duplicatesOf(caseId),
      caseChanges: ({ caseId }) => this.changes(caseId),
      mergeCases: async ({ keepId, duplicateId }) => {
        await this.merge(keepId, duplicateId)
        return {}
      },
      getBoard: () => this.board(),
      getBoardStart: (view) => this.boardStart(view),
      myTasks: (options) => this.tasks(options),
    } satisfies Partial<ApiHandlers>
  }
}

/**
 * What one referral of many came to: the case opened, the cases it may be the same person as (a case
 * held, or `sameAs` the place of an earlier referral of the same call, `id` the case that one became),
 * or the form's problems with it.
 */
export type CreatedOrNot = { id: string } | { duplicates: { id: string; clientName: string; sameAs?: number }[] } | { refused: FieldIssue[] }

/** An older case gets the parts of the newer schemas, by the change every laptop shares (added-parts.ts), before it is changed. */
function prepareForChange(handle: DocHandle<CaseDoc>): void {
  if (needsAddedParts(handle.doc())) handle.update(withAddedParts)
}

/** Who a case's client is, for the duplicate check: the referral's identity and their other names. */
function identityOf(record: CaseRecord): ClientIdentity {
  return { ...record.referral, otherNames: aliasesOf(record.contact) }
}

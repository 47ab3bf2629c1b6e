import * as Automerge from '@automerge/automerge'
import { isValidDocumentId, type DocumentId } from '@automerge/automerge-repo'
import type { CaseCorrection } from '../../../shared/api'
import { authoredBy } from '../../../shared/authorship'
import { toPlain, toStored } from '../../../shared/automerge/registers'
import { CORRECT_REFUSAL, fieldPathText, leadCaseworkerOf, mayCorrect, parseFieldPath, rebuiltCase } from '../../../shared/case/correct-value'
import type { CaseDoc } from '../../../shared/case/record'
import { replayFrom } from '../../../shared/case/changes-to-replay'
import { replayAfterCorrection } from '../../../shared/case/replay-after-correction'
import type { MeetingDoc } from '../../../shared/meeting/meeting-doc'
import { replayOntoRebuiltMeeting } from '../../../shared/meeting/rebuilt-meeting'
import { erasures } from '../../../shared/team/erasures'
import { correctionMaking, corrections, currentCaseId, type Correction } from '../../../shared/team/corrections'
import { isMap, mapIn } from '../../../shared/team/team-doc'
import type { ApiHandlers } from '../api/handlers'
import type { Audit } from '../audit/audit'
import { ServerRefusedError } from '../errors'
import { loadStoredDocument } from '../storage/stored-documents'
import { savedMembership } from '../sync/membership'
import type { SyncOutbox } from '../sync/outbox'
import { serverApi } from '../sync/server-api'
import { teamDocArrival } from '../team/team-doc-arrival'
import type { WorkspaceCore } from '../workspace-core'
import type { Cases } from './cases'
import type { RestrictedCases } from './restricted-cases'

/** How long a laptop waits for a correction's new document to arrive before trying again at the next team change. */
const NEW_DOCUMENT_WAIT_MS = 5000

/**
 * Correcting a value so that the old one is gone from the case's history (`correct-value.ts`): a
 * manager's or the lead caseworker's. In a team the server rebuilds the case as a new document and
 * retires the old id; a laptop on its own does both itself. Either way the correction reaches this
 * laptop in the team document and `follow` replays onto the new document what this laptop changed
 * in the old one since it was rebuilt, then deletes the old one (its history held the wrong value).
 * A team meeting the server rebuilt when a case on its agenda was erased is followed the same way
 * (`Correction.erasedCase`): the team's list of meetings already names the new one.
 */
export class CorrectedCases {
  /**
   * Old documents already let go this session, with the hashes of the changes this laptop's copy
   * held (on the new one now): a window still holding the old copy carries over what it has beyond
   * them. Hashes only, never the content.
   */
  readonly #followed = new Map<string, string[]>()
  #following: Promise<void> = Promise.resolve()

  constructor(
    private readonly core: WorkspaceCore,
    private readonly cases: Cases,
    private readonly restricted: RestrictedCases,
    private readonly audit: Audit,
    /**
     * Which of an old document's changes are this laptop's own and unstored by the server (what a
     * laptop behind the correction replays), and dropping what waits to be sent of it (the server
     * refuses it).
     */
    private readonly outbox: Pick<SyncOutbox, 'unstoredChanges' | 'forget'>,
  ) {}

  /** Corrects `field` (as `referral.clientName`) of a case to `value`; returns the id of the case's new document. */
  async correct(caseId: string, field: string, value: string, { waitMs = 0 } = {}): Promise<string> {
    const target = parseFieldPath(field)
    const context = this.core.context()
    const handle = await this.cases.open(caseId)
    if (!mayCorrect({ id: context.author.id, role: context.role }, leadCaseworkerOf(handle.doc()))) throw new ServerRefusedError(CORRECT_REFUSAL)
    const membership = savedMembership(this.core.settings)
    let newId: string
    if (membership) {
      newId = (await serverApi.correct(membership.server, membership.credential, { caseId, field, value }, context.author.id)).replacedBy
      await teamDocArrival(this.core, (team) => caseId in corrections(team), waitMs)
    } else {
      const fresh = rebuiltCase(handle.doc(), target, value, context)
      const created = this.core.repo.create<CaseDoc>()
      created.update(() => fresh)
      newId = created.documentId
      const correction: Correction = { replacedBy: newId, heads: Automerge.getHeads(handle.doc()), by: context.author.id, at: context.now.toISOString(), field: fieldPathText(target) }
      this.core.changeTeam((team) => {
        // A copy of the old entry: an Automerge object cannot be put in a second place.
        team.cases[newId] = toStored(team.cases[caseId] ? toPlain(team.cases[caseId] as never) : { addedAt: context.now.toISOString() })
        delete team.cases[caseId]
        for (const entry of Object.values(mapIn(team.attachments))) if (isMap(entry) && String(entry.caseId) === caseId) (entry as Record<string, unknown>).caseId = toStored(newId)
        const stored = team as unknown as { corrected?: Record<string, unknown> }
        if (!isMap(stored.corrected)) stored.corrected = {}
        stored.corrected[caseId] = toStored(correction)
      }, context)
      await this.core.repo.flush([newId as DocumentId, this.core.teamDoc().documentId])
    }
    this.audit.record(currentCaseId(this.core.teamDoc().doc(), caseId), 'changed', `corrected “${target.field.label}”: the old value removed`)
    await this.settle()
    return newId
  }

  /** Follows the corrections the team document records (below), and rebuilds the index without an old document's words. */
  async settle(): Promise<void> {
    if (await this.follow()) await this.core.indexer.rebuild()
  }

  /**
   * For each correction the team document records whose old document is still on this laptop:
   * replays onto the new document this laptop's changes to the old one that the new one lacks
   * (`replayFrom`: those after the heads it was rebuilt from, or, on a copy that never had them,
   * its own the server never stored; none that write the wrong value again), then deletes the old
   * one and what of it waits to be sent. Returns whether any was deleted (the index is then
   * rebuilt without its words). A new document not here yet is waited for, then left for the next
   * team change: the old one is never deleted before its later changes have somewhere to go.
   */
  follow(): Promise<boolean> {
    // One at a time: a second pass while the first is deleting would look at a copy half let go.
    const pass = this.#following.then(() => this.#follow())
    this.#following = pass.then(
      () => undefined,
      () => undefined,
    )
    return pass
  }

  async #follow(): Promise<boolean> {
    const waiting = Object.entries(corrections(this.core.teamDoc().doc())).filter(([oldId]) => !this.#followed.has(oldId) && isValidDocumentId(oldId))
    let removed = false
    for (const [oldId, correction] of waiting) {
      const open = this.core.repo.handles[oldId as DocumentId]
      // Saved first, so that the outbox knows every change made here to the old one as this laptop's own.
      if (open?.isReady()) await this.core.repo.flush([open.documentId])
      const old = open?.isReady() ? (open.doc() as Automerge.Doc<unknown>) : await loadStoredDocument<unknown>(this.core.storage, oldId)
      if (old && !(await this.#replay(oldId, old, correction))) continue
      const held = old ? Automerge.getChangesMetaSince(old, []).map((change) => change.hash) : []
      // Its later changes are on the new document: from here no save of the old one reaches the
      // disk or the outbox, however late the repo's timer fires.
      this.core.storage.retire([oldId])
      this.outbox.forget([oldId])
      const meeting = correction.erasedCase !== undefined
      // (A meeting has no paperwork, nor words in the index.)
      if ((await this.restricted.deleteCopies([oldId], meeting ? [] : [oldId])) && !meeting) removed = true
      this.#followed.set(oldId, held)
    }
    return removed
  }

  /** Replays the old copy's later changes onto the new document; false if that is not here yet. */
  async #replay(oldId: string, old: Automerge.Doc<unknown>, correction: Correction): Promise<boolean> {
    const heads = Automerge.getHeads(old)
    const from = replayFrom(old, correction.heads, this.outbox.unstoredChanges(oldId))
    // Nothing after the point it replays from (the usual case: the heads it was rebuilt from): nothing to replay.
    if (heads.length === from.length && heads.every((head) => from.includes(head))) return true
    if (!isValidDocumentId(correction.replacedBy)) return true
    const handle = await this.core.repo.find<CaseDoc | MeetingDoc>(correction.replacedBy as DocumentId, { allowableStates: ['ready', 'unavailable'], signal: AbortSignal.timeout(NEW_DOCUMENT_WAIT_MS) }).catch(() => undefined)
    if (!handle?.isReady()) return false
    const context = this.core.context()
    const by = authoredBy(context.author, context.now)
    if (correction.erasedCase !== undefined) {
      const erased = new Set([...Object.keys(erasures(this.core.teamDoc().doc())), correction.erasedCase])
      handle.update((fresh) => replayOntoRebuiltMeeting(old, from, fresh as Automerge.Doc<MeetingDoc>, erased, by).doc)
    } else handle.update((fresh) => replayAfterCorrection(old, from, fresh as Automerge.Doc<CaseDoc>, parseFieldPath(correction.field), by).doc)
    await this.core.repo.flush([handle.documentId])
    return true
  }

  /**
   * What the case's header says of a case's record rebuilt by a correction, where an old id leads,
   * and, once this laptop has let go of the old document, what a window holding it carries over.
   */
  correctionOf(caseId: string): CaseCorrection {
    const team = this.core.teamDoc().doc()
    const made = correctionMaking(team, caseId)
    const current = currentCaseId(team, caseId)
    const correction = corrections(team)[caseId]
    const held = this.#followed.get(caseId)
    return {
      ...(made ? { rebuiltAt: made.at, field: made.field } : {}),
      ...(current !== caseId ? { replacedBy: current } : {}),
      ...(correction && held
        ? { followed: { replacedBy: correction.replacedBy, held, field: correction.field, ...(correction.erasedCase !== undefined ? { erasedCase: correction.erasedCase } : {}) } }
        : {}),
    }
  }

  /** As `correctionOf`, once a correction of this id that is not followed yet has been (if its new document is here). */
  async followedCorrectionOf(caseId: string): Promise<CaseCorrection> {
    if (caseId in corrections(this.core.teamDoc().doc()) && !this.#followed.has(caseId)) await this.settle()
    return this.correctionOf(caseId)
  }

  handlers() {
    return {
      correctValue: async ({ caseId, field, value }) => {
        try {
          return { id: await this.correct(caseId, field, value, { waitMs: 5000 }) }
        } catch (error) {
          if (error instanceof ServerRefusedError) throw new ServerRefusedError(`The value was not corrected: ${error.message}`)
          throw error
        }
      },
      caseCorrection: ({ caseId }) => this.followedCorrectionOf(caseId),
    } satisfies Partial<ApiHandlers>
  }
}

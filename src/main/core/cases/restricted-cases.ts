import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { isValidDocumentId, type DocumentId } from '@automerge/automerge-repo'
import type { CaseRestriction } from '../../../shared/api'
import type { PersonRef } from '../../../shared/people'
import { heldCaseIds, restrictions, withheldScanIds } from '../../../shared/team/restrictions'
import { withheldCases } from '../../../shared/team/withheld-cases'
import { erasedDocumentIds } from '../../../shared/team/erasures'
import { samePersonName } from '../../../shared/team/same-person-name'
import { teamMembers } from '../../../shared/team/team-doc'
import type { ApiHandlers } from '../api/handlers'
import { ServerRefusedError } from '../errors'
import { savedMembership } from '../sync/membership'
import { serverApi } from '../sync/server-api'
import type { WorkspaceCore } from '../workspace-core'
import { teamDocArrival } from '../team/team-doc-arrival'

/**
 * A laptop whose person a case is not restricted to deletes its copy: the case document's chunks
 * and its scanned documents' from homeward.sqlite (secure delete is on, and the log is written
 * back so nothing is left in it), the paperwork made here (documents/CASE), and, through a rebuild,
 * every word of it from the index. Its open copy in this core is let go. Changes made here and not
 * yet sent stay in the outbox and still go to the server (nothing typed is lost; the server keeps
 * them for the people allowed).
 */
export class RestrictedCases {
  /** Documents already deleted this session: each team change need not look again. */
  readonly #deleted = new Set<string>()

  constructor(
    private readonly core: WorkspaceCore,
    /** The people of this laptop (the team's person it joined as, and anyone added to it). */
    readonly personIds: () => string[],
    /** Drops what waits to be sent of erased documents (the outbox's). */
    private readonly dropUnsent: (documentIds: readonly string[]) => void = () => {},
  ) {}

  /** The team's cases this laptop may hold (lists, search, the board and new agendas show only these). */
  heldCaseIds(): string[] {
    return heldCaseIds(this.core.teamDoc().doc(), this.personIds())
  }

  /**
   * Restricts a case to people of the team (by id), or clears its restriction (null), through the
   * team's server: it alone records restrictions, and checks that this laptop's person is the
   * case's lead caseworker or a manager. Its change reaches this laptop with the next sync.
   */
  async restrict(caseId: string, to: readonly string[] | null, { waitMs = 0 } = {}): Promise<{ to: string[] | null }> {
    const membership = savedMembership(this.core.settings)
    if (!membership) throw new ServerRefusedError('Only a team’s laptop can restrict a case: the team’s server keeps restrictions, and this laptop is not in a team.')
    const as = this.core.context().author.id
    const answer = await serverApi.restrict(membership.server, membership.credential, { caseId, to: to === null ? null : [...to] }, as)
    await teamDocArrival(this.core, (team) => JSON.stringify(restrictions(team)[caseId]?.to ?? null) === JSON.stringify(answer.to), waitMs)
    return { to: answer.to }
  }

  /** The team's people with these names (as people type them); a name not in the team is refused in words. */
  peopleNamed(names: readonly string[]): string[] {
    const members = teamMembers(this.core.teamDoc().doc())
    return names.map((name) => {
      const person = members.find((member) => samePersonName(member.name, name))
      if (!person) throw new ServerRefusedError(`${name} is not one of the team’s people.`)
      return person.id
    })
  }

  /** Whom a case is restricted to, by name (an id the team no longer names is shown as it is); null if it is not. */
  restrictionOf(caseId: string): CaseRestriction | null {
    const restriction = restrictions(this.core.teamDoc().doc())[caseId]
    if (!restriction) return null
    const members = new Map(teamMembers(this.core.teamDoc().doc()).map((member) => [member.id, member.name]))
    const ref = (id: string): PersonRef => ({ id, name: members.get(id) ?? id })
    return { to: restriction.to.map(ref).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')), by: ref(restriction.by), at: restriction.at }
  }

  handlers() {
    return {
      restrictCase: async ({ caseId, to }) => {
        await this.restrict(caseId, to, { waitMs: 5000 })
        return { restriction: this.restrictionOf(caseId) }
      },
      caseRestriction: ({ caseId }) => ({ restriction: this.restrictionOf(caseId) }),
      withheldCases: () => withheldCases(this.core.teamDoc().doc(), this.personIds()),
    } satisfies Partial<ApiHandlers>
  }

  /**
   * Deletes the cases (and scans) restricted to others, or erased, that are still on this laptop;
   * returns whether any were. One restricted to this laptop's person again (cleared or widened)
   * arrives again from the server, and is kept. An erased case is allowed to nobody, for ever: what
   * of it waits to be sent goes too (the server would refuse it).
   */
  async deleteWithheld(): Promise<boolean> {
    const team = this.core.teamDoc().doc()
    const erased = erasedDocumentIds(team).filter((id) => isValidDocumentId(id))
    // Before what waits to be sent is dropped: no save of them after this reaches the disk or the outbox.
    this.core.storage.retire(erased)
    if (erased.length > 0) this.dropUnsent(erased)
    const { restricted, erased: erasedCases } = withheldCases(team, this.personIds())
    const cases = [...restricted, ...erasedCases].filter((id) => isValidDocumentId(id))
    const withheld = new Set<string>([...cases, ...erased, ...withheldScanIds(team, this.personIds()).filter((id) => isValidDocumentId(id))])
    // What was typed here a moment ago in a case now restricted to others, still on the repo's
    // timer, is saved first: it goes to the server, which keeps it for the people allowed. Then
    // no save of a withheld document reaches the disk, until the team allows it here again.
    const open = [...withheld].filter((id) => this.core.repo.handles[id as DocumentId]?.isReady())
    if (open.length > 0) await this.core.repo.flush(open as DocumentId[])
    this.core.storage.withhold(withheld)
    for (const id of this.#deleted) if (!withheld.has(id)) this.#deleted.delete(id)
    const documents = [...withheld].filter((id) => !this.#deleted.has(id))
    return this.deleteCopies(documents, cases)
  }

  /**
   * Deletes these documents from this laptop (their open copies let go, their chunks gone from the
   * store and its free pages), and the paperwork made here of those of them that are `cases`;
   * returns whether any was on disk. Also the old document of a corrected case (`corrected-cases.ts`).
   * The storage must already refuse their saves (`retire`, `withhold`): letting go of an open copy
   * leaves saves on the repo's timer that would otherwise write it back after its deletion.
   */
  async deleteCopies(documents: readonly string[], cases: readonly string[]): Promise<boolean> {
    let removed = false
    for (const id of documents) {
      const open = this.core.repo.handles[id as DocumentId] !== undefined
      // (Most were never here: the server does not send them. Only a copy on disk costs a rebuild.)
      // Looked for before letting go of an open copy, whose deletion from disk may come first.
      const onDisk = (await this.core.storage.loadRange([id])).length > 0
      if (open) this.core.repo.delete(id as DocumentId)
      if (onDisk || open) {
        await this.core.storage.removeRange([id])
        removed = true
      }
      this.#deleted.add(id)
    }
    if (removed) this.core.storage.clearFreedPages()
    // Only document ids (checked above) name a folder here: never a path from elsewhere.
    for (const id of cases.filter((id) => documents.includes(id))) await rm(join(this.core.dataDir, 'documents', id), { recursive: true, force: true })
    return removed
  }
}

import type { ErasedCase } from '../../../shared/api'
import { toPlain, toStored } from '../../../shared/automerge/registers'
import { closedAs } from '../../../shared/case/closed-label'
import { requirePermission } from '../../../shared/team/permissions'
import { anonymisedCaseOf } from '../../../shared/reports/anonymised-case'
import { erasures, type Erasure } from '../../../shared/team/erasures'
import { dueForRetention, retentionOf, setRetention, type Retention, type RetentionDue } from '../../../shared/team/retention'
import { isMap, mapIn, teamMembers } from '../../../shared/team/team-doc'
import type { ApiHandlers } from '../api/handlers'
import type { Audit } from '../audit/audit'
import { ServerRefusedError } from '../errors'
import { savedMembership } from '../sync/membership'
import { serverApi } from '../sync/server-api'
import type { WorkspaceCore } from '../workspace-core'
import type { Meetings } from '../meetings/meetings'
import type { Cases } from './cases'
import type { RestrictedCases } from './restricted-cases'
import { teamDocArrival } from '../team/team-doc-arrival'

/**
 * Erasing a case (UK GDPR Article 17), a manager's, and the team's retention of closed cases. In a
 * team the server erases it (it alone writes the team document's `erased` map, and refuses the
 * case's id from then on); a laptop on its own writes the erasure itself. Either way the erasure
 * reaches this laptop in the team document and `RestrictedCases.deleteWithheld` deletes the case,
 * its history and scans, its paperwork and what waits to be sent; the index is rebuilt without it.
 * Its words in the team's meetings and learning log are taken out by `Meetings.forgetErased`.
 */
export class ErasedCases {
  constructor(
    private readonly core: WorkspaceCore,
    private readonly cases: Cases,
    private readonly restricted: RestrictedCases,
    private readonly meetings: Meetings,
    private readonly audit: Audit,
  ) {}

  /**
   * Erases a case, for a reason (no personal data: the reason is kept in the team's record). Waits
   * (up to `waitMs`) for the erasure to reach this laptop, then deletes its copy here.
   */
  async erase(caseId: string, reason: string, { kind = 'erased' as Erasure['kind'], waitMs = 0 } = {}): Promise<void> {
    const context = this.core.context()
    requirePermission(context.role, 'erase-cases')
    const membership = savedMembership(this.core.settings)
    if (membership) {
      await serverApi.erase(membership.server, membership.credential, { caseId, reason, kind }, context.author.id)
      await teamDocArrival(this.core, (team) => caseId in erasures(team), waitMs)
    } else {
      const record = anonymisedCaseOf((await this.cases.open(caseId)).doc())
      const meetings = await this.meetings.rebuildNaming(caseId)
      this.core.changeTeam((team) => {
        const scans = Object.entries(mapIn(team.attachments)).filter(([, entry]) => isMap(entry) && String(entry.caseId) === caseId).map(([id]) => id)
        const erasure: Erasure = { by: context.author.id, at: context.now.toISOString(), reason, kind, documents: [caseId, ...scans], record }
        const stored = team as unknown as { erased?: Record<string, unknown>; corrected?: Record<string, unknown> }
        if (!isMap(stored.erased)) stored.erased = {}
        stored.erased[caseId] = toStored(erasure)
        for (const id of erasure.documents) {
          delete team.cases[id]
          delete team.attachments[id]
        }
        // Its meetings, rebuilt without it: the new ones listed in the old ones' places, as the server does.
        if (Object.keys(meetings).length > 0 && !isMap(stored.corrected)) stored.corrected = {}
        for (const [oldId, correction] of Object.entries(meetings)) {
          team.meetings[correction.replacedBy] = toStored(toPlain(team.meetings[oldId] as never) ?? { startedAt: correction.at })
          delete team.meetings[oldId]
          stored.corrected![oldId] = toStored(correction)
        }
      })
    }
    this.audit.record(caseId, 'erased', kind === 'anonymised' ? 'anonymised by retention' : 'erased')
    // The meetings and learning points that name it are shared documents of their own: their
    // words about it go now (even if the server's erasure has not arrived here yet).
    await this.meetings.forgetErased([caseId])
    if (await this.restricted.deleteWithheld()) await this.core.indexer.rebuild()
  }


  /** The team's erased and anonymised cases, newest first: no name, only what the team keeps of them. */
  erased(): ErasedCase[] {
    const team = this.core.teamDoc().doc()
    const names = new Map(teamMembers(team).map((member) => [member.id, member.name]))
    return Object.entries(erasures(team))
      .map(([id, erasure]) => ({ id, at: erasure.at, by: names.get(erasure.by) ?? erasure.by, reason: erasure.reason, kind: erasure.kind, record: erasure.record }))
      .sort((a, b) => b.at.localeCompare(a.at))
  }

  retention(): Retention {
    return retentionOf(this.core.teamDoc().doc())
  }

  setRetention(value: unknown): void {
    requirePermission(this.core.context().role, 'change-team-settings')
    this.core.changeTeam((team) => setRetention(team, value))
  }

  /**
   * The closed cases on this laptop past the team's retention period, with the day each closed and
   * became due: from the index, as the board's notice asks on every opening.
   */
  due(): RetentionDue[] {
    const cases = this.core.index.closedCases().map((c) => ({ ...c, closedOn: c.closedOn ?? undefined }))
    return dueForRetention(cases, this.retention(), this.core.context().today)
  }

  /** The same, read from the documents themselves: what applying the retention acts on. */
  async #dueInDocuments(): Promise<RetentionDue[]> {
    const cases = (await this.cases.readAll()).map(({ id, record }) => ({ id, clientName: record.referral.clientName, status: record.status, closedOn: record.outcome?.closedOn, closedAs: closedAs(record) }))
    return dueForRetention(cases, this.retention(), this.core.context().today)
  }

  /**
   * Applies the retention: each case due is erased or anonymised, as the team's setting says. Returns
   * their ids. Given `only` (the cases the manager was shown and confirmed), a case that became due
   * since is left for the next time: nothing is erased that the manager did not see.
   */
  async applyRetention({ waitMs = 0, only }: { waitMs?: number; only?: readonly string[] } = {}): Promise<string[]> {
    requirePermission(this.core.context().role, 'erase-cases')
    const due = (await this.#dueInDocuments()).filter((c) => !only || only.includes(c.id))
    for (const c of due) {
      const kind = c.action === 'anonymise' ? 'anonymised' : 'erased'
      await this.erase(c.id, `Retention: closed on ${c.closedOn}, kept ${this.retention().years} years`, { kind, waitMs })
    }
    return due.map((c) => c.id)
  }

  handlers() {
    return {
      eraseCase: async ({ caseId, reason }) => {
        try {
          await this.erase(caseId, reason, { waitMs: 5000 })
        } catch (error) {
          if (error instanceof ServerRefusedError) throw new ServerRefusedError(`The case was not erased: ${error.message}`)
          throw error
        }
        return {}
      },
      erasedCases: () => this.erased(),
      retention: () => ({ retention: this.retention(), due: this.due() }),
      setRetention: ({ retention }) => {
        this.setRetention(retention)
        return {}
      },
      applyRetention: async ({ caseIds }) => ({ applied: await this.applyRetention({ waitMs: 5000, only: caseIds }) }),
    } satisfies Partial<ApiHandlers>
  }
}

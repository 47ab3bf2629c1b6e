import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { isValidDocumentId, type DocumentId } from '@automerge/automerge-repo'
import { heldCaseIds, withheldScanIds } from '../../../shared/team/restrictions'
import { teamCaseIds } from '../../../shared/team/team-doc'
import type { WorkspaceCore } from '../workspace-core'

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
    /** The person whose laptop this is (the team's person, as the server holds them). */
    private readonly personId: () => string | undefined,
  ) {}

  /** The team's cases this laptop may hold (lists, search, the board and new agendas show only these). */
  heldCaseIds(): string[] {
    return heldCaseIds(this.core.teamDoc().doc(), this.personId())
  }

  /**
   * Deletes the cases (and scans) restricted to others that are still on this laptop; returns
   * whether any were. One restricted to this laptop's person again (cleared or widened) arrives
   * again from the server, and is kept.
   */
  async deleteWithheld(): Promise<boolean> {
    const team = this.core.teamDoc().doc()
    const held = new Set(this.heldCaseIds())
    const cases = teamCaseIds(team).filter((id) => !held.has(id) && isValidDocumentId(id))
    const withheld = new Set([...cases, ...withheldScanIds(team, this.personId()).filter((id) => isValidDocumentId(id))])
    for (const id of this.#deleted) if (!withheld.has(id)) this.#deleted.delete(id)
    const documents = [...withheld].filter((id) => !this.#deleted.has(id))
    let removed = false
    for (const id of documents) {
      // Let go of the open copy first, so nothing saves it again.
      if (this.core.repo.handles[id as DocumentId]) this.core.repo.delete(id as DocumentId)
      // (Most were never here: the server does not send them. Only a copy on disk costs a rebuild.)
      if ((await this.core.storage.loadRange([id])).length > 0) {
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

import type { AttachmentDoc, EvidenceFor } from '../../../shared/case/attachments'
import * as Automerge from '@automerge/automerge'
import { authoredBy, authorOf, SERVER_AUTHOR } from '../../../shared/authorship'
import * as change from '../../../shared/case/changes'
import { fromBase64, type ApiHandlers } from '../api/handlers'
import type { Cases } from '../cases/cases'
import { AttachmentNotFoundError } from '../errors'
import type { WorkspaceCore } from '../workspace-core'
import { savedMembership } from '../sync/membership'
import { mapIn, teamCaseIds } from '../../../shared/team/team-doc'
import { AttachmentStore } from './attachment-store'

const SETTING_ATTACHMENT_IN_PROGRESS = 'attachment-in-progress'

/**
 * Scanned documents on a case (ID, benefit letters, evidence of a local connection): checked on
 * the way in, each kept in a document of its own that syncs like a case, and removed from every
 * laptop when the team removes it.
 */
export class Attachments {
  readonly #store: AttachmentStore
  /** The team's scanned documents as last seen, to notice one removed on another laptop. */
  #known: Set<string>
  /** The team document's heads when `#known` was taken. */
  #heads: Automerge.Heads

  constructor(
    private readonly core: WorkspaceCore,
    private readonly cases: Cases,
  ) {
    this.#store = new AttachmentStore(core.repo, core.storage, {
      get handle() {
        return core.teamDoc()
      },
    })
    this.#known = new Set(Object.keys(mapIn(core.teamDoc().doc().attachments)))
    this.#heads = Automerge.getHeads(core.teamDoc().doc())
  }

  /**
   * Checks a file and attaches it to a case with what the caseworker says it is; resolves once both
   * are on disk. A refused file (FileRefusedError) or refused details leave the case unchanged.
   */
  async add(caseId: string, input: { fileName: string; bytes: Uint8Array; details: Record<string, unknown>; evidenceFor?: EvidenceFor }): Promise<string> {
    await this.cases.open(caseId)
    const context = this.core.context()
    change.checkAttachmentDetails(input.details, context.today)
    // Noted before the file is written, cleared once the case lists it: an add cut off in between
    // (a crash) is undone when the workspace next opens.
    const id = this.#store.newId()
    this.core.settings.set(SETTING_ATTACHMENT_IN_PROGRESS, { id, caseId })
    try {
      const file = await this.#store.store(id, caseId, input.fileName, input.bytes, authoredBy(context.author, context.now), (edit) =>
        this.core.changeTeam(edit, context),
      )
      await this.cases.change(caseId, (doc, ctx) => {
        change.addAttachment(doc, id, file, input.details, ctx)
        if (input.evidenceFor) change.linkEvidence(doc, id, input.evidenceFor, ctx)
      })
    } catch (error) {
      // The reason it failed is what the person needs; a failure to tidy up is retried on opening.
      await this.#deleteFile(id).catch(() => undefined)
      throw error
    }
    this.core.settings.delete(SETTING_ATTACHMENT_IN_PROGRESS)
    return id
  }

  /** Undoes an add of a document that was cut off before the case listed it (run on opening). */
  async finishInterrupted(): Promise<void> {
    const pending = this.core.settings.get<{ id: string; caseId: string }>(SETTING_ATTACHMENT_IN_PROGRESS)
    if (!pending) return
    const listed = await this.cases.read(pending.caseId).then(
      (record) => pending.id in record.attachments,
      () => false,
    )
    if (!listed) await this.#deleteFile(pending.id)
    this.core.settings.delete(SETTING_ATTACHMENT_IN_PROGRESS)
  }

  /** A scanned document's file; with `sha256` (what the case records of it), a kept copy is used only if its bytes hash to it. */
  read(caseId: string, id: string, sha256?: string): Promise<AttachmentDoc> {
    return this.#store.read(caseId, id, sha256)
  }

  /**
   * Takes a document off a case. Alone on a laptop, its file is deleted too. On a team's laptop
   * the file stays the team's (nothing is lost by a slip) until a manager takes it out of the team
   * on the server (`homeward team remove-document`), which deletes it everywhere.
   */
  async remove(caseId: string, id: string): Promise<void> {
    const record = await this.cases.read(caseId)
    if (!record.attachments[id]) throw new AttachmentNotFoundError(id)
    await this.cases.change(caseId, (doc, ctx) => change.removeAttachment(doc, id, ctx))
    if (savedMembership(this.core.settings) === undefined) await this.#deleteFile(id)
  }

  /**
   * The team document changed: a scanned document taken out of the team is deleted from this laptop
   * too. On a team's laptop only the server takes one out (a manager's call); a change from anywhere
   * else that unlists one is put back by the server, and its file must still be here then.
   */
  teamChanged(): void {
    const doc = this.core.teamDoc().doc()
    const now = new Set(Object.keys(mapIn(doc.attachments)))
    // A case or meeting a laptop listed as a scan too, that the server took off the list again, is
    // not a scan removed: its document stays.
    const otherKinds = new Set([...teamCaseIds(doc), ...Object.keys(mapIn(doc.meetings))])
    const gone = [...this.#known].filter((id) => !now.has(id) && !otherKinds.has(id))
    const inTeam = savedMembership(this.core.settings) !== undefined
    if (gone.length > 0 && (!inTeam || this.#serverChangedSince(doc))) for (const id of gone) void this.#store.delete(id, () => undefined)
    this.#known = now
    this.#heads = Automerge.getHeads(doc)
  }

  /**
   * Whether a change the server made arrived since the team document was last looked at: signed as
   * the server's and sent by it, as the server attests (a laptop can sign a change as anyone).
   */
  #serverChangedSince(doc: Automerge.Doc<unknown>): boolean {
    try {
      const changes = Automerge.getChangesMetaSince(doc, this.#heads)
      const attested = this.core.attestations.of(this.core.teamDoc().documentId, changes)
      return changes.some((change) => authorOf(change.message)?.id === SERVER_AUTHOR.id && attested.get(change.hash)?.personId === SERVER_AUTHOR.id)
    } catch {
      // Heads of another document (the laptop's own, before it took up the team's): keep the files.
      return false
    }
  }

  #deleteFile(id: string): Promise<void> {
    return this.#store.delete(id, (edit) => this.core.changeTeam(edit))
  }

  handlers() {
    return {
      addAttachment: async ({ caseId, fileName, base64, details, evidenceFor }) => ({
        id: await this.add(caseId, { fileName, bytes: fromBase64(base64), details, ...(evidenceFor ? { evidenceFor } : {}) }),
      }),
    } satisfies Partial<ApiHandlers>
  }
}

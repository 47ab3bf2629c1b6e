import { sha256Hex } from '../../../node/crypto'
import * as Automerge from '@automerge/automerge'
import { generateAutomergeUrl, parseAutomergeUrl, type DocHandle, type Repo } from '@automerge/automerge-repo'
import type { ChangeOptions } from '../../../shared/authorship'
import { ATTACHMENT_KIND, type AttachmentDoc } from '../../../shared/case/attachments'
import type { StoredFile } from '../../../shared/case/changes'
import { toPlain, toStored } from '../../../shared/automerge/registers'
import type { TeamDoc } from '../../../shared/team/team-doc'
import { AttachmentNotFoundError } from '../errors'
import type { SqliteStorageAdapter } from '../storage/sqlite-adapter'
import type { TeamRef } from '../sync/membership'
import { readCurrentDocument } from '../storage/stored-documents'

/** How much of the recently used scans is kept in memory. */
const RECENT_FILES_BYTES = 64 * 1024 * 1024

/**
 * The scanned files of the team's cases, each in an Automerge document of its own that is written
 * once and never changed: it syncs like any document, and a case lists it by id. The team document
 * names every such document, with its case, so the sync server can tell they belong to the team.
 *
 * Files are written straight to storage and read from there, not through the repo, which would
 * keep every file it touched in memory for the rest of the session, and whose way of deleting a
 * document (automerge-repo 2.5.6) saves an empty one in its place. Each file's bytes are also kept
 * beside its document (`storage/file-copies.ts`): reading them back from the document costs about
 * 16 ms a megabyte, which every first pack after opening would pay.
 */
export class AttachmentStore {
  /**
   * Files read or written lately, by id, most recent last: a caseworker who has just attached the
   * scans makes the pack from them next, and then again. The documents never change, so a copy
   * cannot go stale.
   */
  readonly #recent = new Map<string, AttachmentDoc>()
  #recentBytes = 0

  constructor(
    private readonly repo: Repo,
    private readonly storage: SqliteStorageAdapter,
    private readonly teamRef: TeamRef,
  ) {}

  private get team(): DocHandle<TeamDoc> {
    return this.teamRef.handle
  }

  /** An id for a file's document, known before it is written (so an interrupted add can be undone). */
  newId(): string {
    return parseAutomergeUrl(generateAutomergeUrl()).documentId
  }

  /** Checks a file (throwing FileRefusedError) and stores it under `id`; resolves once it is on disk. */
  async store(
    id: string,
    caseId: string,
    fileName: string,
    bytes: Uint8Array,
    authored: ChangeOptions,
    commit: (change: (team: TeamDoc) => void) => void,
  ): Promise<StoredFile> {
    const name = safeFileName(fileName)
    // pdf-lib loads with the first file checked, not with every workspace (the command line's start).
    const { checkFile } = await import('../../pdf/file-check')
    const checked = await checkFile(name, bytes)
    const sha256 = sha256Hex(bytes)
    const content: AttachmentDoc = { kind: ATTACHMENT_KIND, caseId, fileName: name, mediaType: checked.mediaType, sha256, bytes }
    const binary = Automerge.save(Automerge.change(Automerge.init<AttachmentDoc>(), authored, (doc) => Object.assign(doc, toStored(content))))
    this.storage.saveMany([{ key: [id, 'incremental', sha256Hex(binary)], data: binary }], { local: true })
    this.storage.keepFileCopy(id, content)
    this.#remember(id, content)
    // Listed in the same tick as the save, before the case index looks at it (on the next turn),
    // so the index knows it for a file, not a case.
    commit((team) => (team.attachments[id] = toStored({ caseId, addedAt: new Date(authored.time * 1000).toISOString() })))
    await this.repo.flush([this.team.documentId])
    return { fileName: name, mediaType: checked.mediaType, size: bytes.length, sha256, pages: checked.pages }
  }

  /**
   * A stored file of the case: one used lately, else the copy of its bytes kept beside its
   * document if they hash to what was recorded of them (and to `sha256`, the hash the case records,
   * when given), else its document, read from the repo if it holds it already, else straight from
   * disk and let go (a pack reads many large files once). A copy that does not hash right (damaged,
   * or changed in the store) is dropped and the document read instead; what a document is read for
   * is kept as a copy for next time (only if it hashes to `sha256`, when given).
   */
  async read(caseId: string, id: string, sha256?: string): Promise<AttachmentDoc> {
    const listed = this.team.doc().attachments[id]
    if (!listed || listed.caseId.val !== caseId) throw new AttachmentNotFoundError(id)
    const recent = this.#recent.get(id)
    if (recent) {
      this.#remember(id, recent)
      return recent
    }
    const copy = this.storage.fileCopy(id)
    if (copy) {
      const hash = sha256Hex(copy.bytes)
      if (copy.caseId === caseId && hash === copy.sha256 && (sha256 === undefined || hash === sha256)) {
        const file: AttachmentDoc = { kind: ATTACHMENT_KIND, ...copy }
        this.#remember(id, file)
        return file
      }
      this.storage.dropFileCopy(id)
    }
    const plain = await readCurrentDocument<AttachmentDoc, AttachmentDoc>(this.repo, this.storage, id, (doc) => toPlain<AttachmentDoc>(doc as never))
    if (!plain || plain.kind !== ATTACHMENT_KIND || !(plain.bytes instanceof Uint8Array)) throw new AttachmentNotFoundError(id)
    const hash = sha256Hex(plain.bytes)
    if (plain.caseId === caseId && (sha256 === undefined || hash === sha256)) {
      this.storage.keepFileCopy(id, { caseId, fileName: plain.fileName, mediaType: plain.mediaType, sha256: hash, bytes: plain.bytes })
    }
    this.#remember(id, plain)
    return plain
  }

  #remember(id: string, file: AttachmentDoc): void {
    this.#forget(id)
    if (file.bytes.length > RECENT_FILES_BYTES) return
    this.#recent.set(id, file)
    this.#recentBytes += file.bytes.length
    for (const [oldest] of this.#recent) {
      if (this.#recentBytes <= RECENT_FILES_BYTES) break
      this.#forget(oldest)
    }
  }

  #forget(id: string): void {
    const file = this.#recent.get(id)
    if (!file) return
    this.#recent.delete(id)
    this.#recentBytes -= file.bytes.length
  }

  /**
   * Deletes a file's document from this laptop's storage, and from the team's list. (If a window
   * looked at it this session, the repo still holds it in memory until the app closes; it is never
   * changed, so never saved again.)
   */
  async delete(id: string, commit: (change: (team: TeamDoc) => void) => void): Promise<void> {
    this.#forget(id)
    if (id in this.team.doc().attachments) commit((team) => delete team.attachments[id])
    await this.storage.removeRange([id])
    this.storage.clearFreedPages()
    await this.repo.flush([this.team.documentId])
  }
}

/**
 * The name a file is kept under: only its last part (a browser may send a whole path), without
 * control characters, and not too long to show.
 */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim()
  if (!base) return 'document'
  if (base.length <= 120) return base
  const dot = base.lastIndexOf('.')
  const extension = dot > 0 && base.length - dot <= 8 ? base.slice(dot) : ''
  return `${base.slice(0, 120 - extension.length - 1)}…${extension}`
}

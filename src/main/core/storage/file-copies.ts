import type { MediaType } from '../../../shared/case/attachments'
import type { SqliteDatabase } from '../../../node/sqlite'

/** A scanned file's bytes as its document holds them, with what the document says of them. */
export interface FileCopy {
  caseId: string
  fileName: string
  mediaType: MediaType
  /** The SHA-256 of `bytes`, worked out when the copy was made. */
  sha256: string
  bytes: Uint8Array
}

/**
 * Copies of scanned files' bytes, beside their documents in the workspace's encrypted store.
 * Reading a file back from its Automerge document costs about 16 ms a megabyte (Automerge hashes
 * the change as it loads it, in WebAssembly), which a pack of 20 scanned pages paid at every first
 * pack after opening; a copy reads at the speed of the disk. The document stays the synced truth:
 * a copy is made from it (or from the file as it was added), and each is deleted with its
 * document's chunks (`SqliteStorageAdapter.removeRange`), so erasing, restricting or removing a
 * scan, and wiping the laptop, take the copy too. Used only by the storage adapter.
 */
export class FileCopies {
  readonly #statements

  constructor(db: SqliteDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS file_copies (
        document_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        file_name TEXT NOT NULL,
        media_type TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL
      )`)
    this.#statements = {
      get: db.prepare<[string], { case_id: string; file_name: string; media_type: MediaType; sha256: string; data: Buffer }>(
        'SELECT case_id, file_name, media_type, sha256, data FROM file_copies WHERE document_id = ?',
      ),
      put: db.prepare<[string, string, string, string, string, Uint8Array]>(
        'INSERT OR REPLACE INTO file_copies (document_id, case_id, file_name, media_type, sha256, data) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      remove: db.prepare<[string]>('DELETE FROM file_copies WHERE document_id = ?'),
      removeAll: db.prepare('DELETE FROM file_copies'),
    }
  }

  get(documentId: string): FileCopy | undefined {
    const row = this.#statements.get.get(documentId)
    if (!row) return undefined
    return { caseId: row.case_id, fileName: row.file_name, mediaType: row.media_type, sha256: row.sha256, bytes: new Uint8Array(row.data.buffer, row.data.byteOffset, row.data.byteLength) }
  }

  put(documentId: string, copy: FileCopy): void {
    this.#statements.put.run(documentId, copy.caseId, copy.fileName, copy.mediaType, copy.sha256, copy.bytes)
  }

  remove(documentId: string): void {
    this.#statements.remove.run(documentId)
  }

  removeAll(): void {
    this.#statements.removeAll.run()
  }
}

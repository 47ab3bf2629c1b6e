import type * as Automerge from '@automerge/automerge'
import type { SqliteDatabase } from '../../../node/sqlite'
import { changesInChunk } from '../../../node/chunk-changes'
import type { ChunkAuthors } from '../../../shared/sync/protocol'
import { attestedChanges } from '../../../shared/sync/attested-changes'

/**
 * Who sent each change, as this laptop knows it: for a change that came from the team's server,
 * the person whose device the server says sent it (`by` on each chunk); for one made here, this
 * laptop's person. A change's declared author (in its message) is the sender's to write; this is
 * what the history checks it against.
 *
 * Kept by change hash, not by Automerge actor: a hash names the change's content, so no laptop can
 * make its change pass for another's, whereas an actor id is whatever the sending laptop chooses
 * (another's, copied from the document, as readily as its own). It costs a row per change, read
 * from the chunk's framing (`changesInChunk`): no change is decoded and no document loaded while
 * receiving. A whole document (a case's first upload) is one row per head, standing for every
 * change before it. The first record of a change stands: one that arrives again (a laptop sending
 * everything once more, after the server was restored from a backup) does not overwrite it.
 */
export class ChangeAttestations {
  readonly #insert
  readonly #of
  readonly #madeHereAll

  constructor(
    db: SqliteDatabase,
    /** The person using this laptop, if one is set up: whose its own changes are. */
    private readonly localPerson: () => string | undefined,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS change_attestations (
      id INTEGER PRIMARY KEY, document_id TEXT NOT NULL, hash TEXT NOT NULL, and_before INTEGER NOT NULL,
      person_id TEXT NOT NULL, source TEXT NOT NULL,
      UNIQUE (document_id, hash, and_before))`)
    this.#insert = db.prepare<[string, string, number, string, AttestationSource]>(
      'INSERT OR IGNORE INTO change_attestations (document_id, hash, and_before, person_id, source) VALUES (?, ?, ?, ?, ?)',
    )
    this.#of = db.prepare<[string], { hash: string; and_before: number; person_id: string; source: AttestationSource }>(
      'SELECT hash, and_before, person_id, source FROM change_attestations WHERE document_id = ? ORDER BY id',
    )
    this.#madeHereAll = db.transaction((chunks: { documentId: string; data: Uint8Array }[]) => {
      for (const chunk of chunks) this.madeHere(chunk.documentId, chunk.data)
    })
  }

  /**
   * A chunk from the server, sent by `by`'s device (a device from before people attests nothing);
   * or one the server compacted, with who sent each of its changes (`authors`, in the order the
   * chunks it folded arrived): recorded as they are, as those chunks would have been.
   */
  fromServer(documentId: string, data: Uint8Array, by: string | undefined, authors?: ChunkAuthors): void {
    if (authors) {
      for (const group of authors) {
        for (let at = 0; at + 32 <= group.hashes.length; at += 32) {
          this.#insert.run(documentId, hex(group.hashes.subarray(at, at + 32)), group.andBefore ? 1 : 0, group.by, 'server')
        }
      }
      return
    }
    if (by !== undefined) this.#record(documentId, data, by, 'server')
  }

  /** Changes made on this laptop, as they go to the team's server. Called within the chunk's own transaction. */
  madeHere(documentId: string, data: Uint8Array): void {
    const person = this.localPerson()
    if (person !== undefined) this.#record(documentId, data, person, 'local')
  }

  /** Everything this laptop held when it joined or created the team: its own work. */
  madeHereAll(chunks: { documentId: string; data: Uint8Array }[]): void {
    this.#madeHereAll(chunks)
  }

  /** Who sent each of a document's changes, by hash; a change no record covers is absent. */
  of(documentId: string, changes: Pick<Automerge.ChangeMetadata, 'hash' | 'deps'>[]): Map<string, Attestation> {
    const deps = new Map(changes.map((change) => [change.hash, change.deps]))
    const records = this.#of.all(documentId).map((row) => ({ hash: row.hash, andBefore: row.and_before === 1, by: { personId: row.person_id, source: row.source } }))
    return attestedChanges<Attestation>(records, deps)
  }

  #record(documentId: string, data: Uint8Array, person: string, source: AttestationSource): void {
    for (const change of changesInChunk(data)) this.#insert.run(documentId, change.hash, change.andBefore ? 1 : 0, person, source)
  }
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}

/** Where an attestation comes from: the server's record of the sending device, or this laptop. */
export type AttestationSource = 'server' | 'local'

export interface Attestation {
  personId: string
  source: AttestationSource
}

import * as Automerge from '@automerge/automerge'
import type { ServerStore } from './store'

/**
 * Which documents are the team's: the team document, and the cases, scanned documents and case
 * review meetings it lists.
 * The server reads the team document (only that one) from its chunks, and keeps the list current
 * as chunks of it arrive. Only listed documents are ever sent to a laptop.
 */
export class TeamListing {
  #doc: Automerge.Doc<unknown>

  constructor(
    private readonly store: ServerStore,
    readonly teamDocumentId: string,
  ) {
    let doc = Automerge.init<unknown>()
    for (const chunk of store.chunksOf(teamDocumentId)) doc = loadSafely(doc, chunk.data)
    this.#doc = doc
    store.setListed(this.#listedInDocument(), store.lastSeq())
  }

  /** Whether a laptop may be sent this document. */
  serves(documentId: string): boolean {
    return documentId === this.teamDocumentId || this.store.isListed(documentId)
  }

  /**
   * Takes in a new chunk of the team document; returns the documents it newly lists. A scanned
   * document it removes (attached to the wrong case, say) is deleted from the server too: only
   * then, on the change that removes it, so that nothing else (a list read short) deletes anything.
   */
  update(data: Uint8Array, seq: number): string[] {
    const scansBefore = Object.keys(this.#team().attachments ?? {})
    this.#doc = loadSafely(this.#doc, data)
    const scansNow = this.#team().attachments ?? {}
    this.store.forget(scansBefore.filter((id) => !(id in scansNow)))
    return this.store.setListed(this.#listedInDocument(), seq)
  }

  #team(): { cases?: Record<string, unknown>; attachments?: Record<string, unknown>; meetings?: Record<string, unknown> } {
    return this.#doc as never
  }

  #listedInDocument(): Set<string> {
    const team = this.#team()
    return new Set([...Object.keys(team.cases ?? {}), ...Object.keys(team.attachments ?? {}), ...Object.keys(team.meetings ?? {})])
  }
}

/** Chunks are checked before they are stored, so this only guards against the impossible. */
function loadSafely(doc: Automerge.Doc<unknown>, data: Uint8Array): Automerge.Doc<unknown> {
  try {
    return Automerge.loadIncremental(doc, data)
  } catch {
    return doc
  }
}

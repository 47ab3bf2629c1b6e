import * as Automerge from '@automerge/automerge'
import { changesInChunk, isWholeChunk } from '../node/chunk-changes'
import type { ChunkAuthors } from '../shared/sync/protocol'
import { attestedChanges } from '../shared/sync/attested-changes'
import type { ServerStore, StoredChunk } from './store'

/**
 * The server folds a document's chunks into one. A team's laptops save each edit as it happens,
 * so after three years a case is hundreds of small chunks, and a laptop joining would be sent every
 * one. Compacting loads a document's chunks (one document at a time, freed at once, so the
 * server's memory stays flat), saves it as one chunk (Automerge's compressed document format) and
 * replaces them with it in one transaction.
 *
 * - The compacted chunk takes the number of the newest chunk it replaces and keeps its mark: a
 *   laptop that has that number is never sent it, and one behind is sent it once instead of many.
 * - Only chunks that are sent are folded: a chunk held back (a restricted case's change from a
 *   laptop not allowed it) stays as it is, apart, and so does any chunk Automerge cannot load (one
 *   log line naming the document's id only). A document whose changes need one not among those
 *   folded is left as it is.
 * - Who sent each change is kept: the compacted chunk carries `authors`, the attestations its
 *   chunks carried in the order they arrived, so a laptop records exactly what it would have
 *   recorded from them (see ChangeAttestations on the laptop). Told change by change, that is 32
 *   bytes a change, as much again as the compacted document; so where it says the same (checked,
 *   `attestedChanges`), each run of chunks from one person is told by its newest changes alone.
 * - Only chunks read are replaced: one arriving meanwhile is kept, and a document erased,
 *   corrected or taken out meanwhile is not written back (`replaceChunks` checks in its transaction).
 * - Only documents the team document lists are compacted. Not the team document itself (the server
 *   reads it itself), and not an upload it does not list: that keeps its sender and day, so it still
 *   counts against the laptop's allowance and goes a day after it came.
 * - A document whose chunks hold more than COMPACT_MAX_BYTES is left as it is (one log line with
 *   its id): one chunk that size would be more than a laptop takes in one message, and loading it
 *   would hold the server at every start.
 */
export interface CompactionPlan {
  documentId: string
  /** The chunks folded. */
  seqs: number[]
  data: Uint8Array
  authors: ChunkAuthors
  /** The bytes of the chunks folded. */
  bytesBefore: number
}

/** What compacting one document came to. */
export type Compacted = { compacted: true; chunks: number; bytesBefore: number; bytesAfter: number } | { compacted: false; why: string }

/**
 * Reads a document's chunks that are sent and folds them into one; undefined when there is
 * nothing to fold (fewer than two), or they do not load whole (`log` is told which document).
 */
export function planCompaction(
  store: ServerStore,
  documentId: string,
  log: (line: string) => void = () => undefined,
  maxBytes = COMPACT_MAX_BYTES,
): CompactionPlan | undefined {
  if (!store.isListed(documentId)) return undefined
  const bytes = store.sentChunkBytes(documentId)
  if (bytes > maxBytes) {
    log(`compaction: document ${documentId} holds ${(bytes / 1e6).toFixed(1)} MB, more than one chunk may; left as it is`)
    return undefined
  }
  const chunks = store.chunksOf(documentId).filter((chunk) => !chunk.heldBack)
  if (chunks.length < 2) return undefined
  const loaded = loadChunks(chunks)
  if (loaded.unreadable > 0) log(`compaction: ${loaded.unreadable} chunk(s) of document ${documentId} do not load; left as they are`)
  const { doc, folded } = loaded
  try {
    if (folded.length < 2) return undefined
    if (Automerge.getMissingDeps(doc, []).length > 0) {
      log(`compaction: document ${documentId} needs changes its chunks do not hold; left as it is`)
      return undefined
    }
    const exact = authorsOf(folded)
    const bytesBefore = folded.reduce((sum, chunk) => sum + chunk.data.length, 0)
    return { documentId, seqs: folded.map((chunk) => chunk.seq), data: Automerge.save(doc), authors: shorterAuthors(exact, doc) ?? exact, bytesBefore }
  } finally {
    Automerge.free(doc)
  }
}

/** Replaces the chunks a plan folded with its one chunk; false if any changed meanwhile (nothing is then replaced). */
export function applyCompaction(store: ServerStore, plan: CompactionPlan, now: Date): boolean {
  return store.replaceChunks(plan.documentId, plan.seqs, plan.data, plan.authors, now)
}

/** Compacts one document now. */
export function compactDocument(store: ServerStore, documentId: string, now: Date, log?: (line: string) => void, maxBytes?: number): Compacted {
  const plan = planCompaction(store, documentId, log, maxBytes)
  if (!plan) return { compacted: false, why: 'nothing to fold' }
  if (!applyCompaction(store, plan, now)) return { compacted: false, why: 'changed meanwhile' }
  return { compacted: true, chunks: plan.seqs.length, bytesBefore: plan.bytesBefore, bytesAfter: plan.data.length }
}

/**
 * When the server compacts: at start-up, every document with COMPACT_AT chunks or more; and a
 * document that passes COMPACT_AT with an upload. In the background, one document at a time, each
 * on its own turn of the event loop, so laptops' messages go through between them. A document is
 * folded again only once it has gathered COMPACT_AT more chunks, so a case being edited all day is
 * compacted a few times a day, not at every edit, and most of a three-year-old team's cases,
 * untouched for months, once.
 */
export const COMPACT_AT = 64

/**
 * The most a document's chunks may hold to be folded into one: a laptop takes messages of up to
 * 64 MB (`sync-client.ts`), and an upload is at most 32 MB, so only a document grown by many large
 * uploads is left as it is.
 */
export const COMPACT_MAX_BYTES = 32 * 1024 * 1024

export class Compactor {
  readonly #queue = new Set<string>()
  #scheduled: NodeJS.Immediate | undefined
  #stopped = false
  /** Documents left as they were, by how many chunks they had then. */
  readonly #leftAt = new Map<string, number>()
  /** The start-up pass, while it runs: what it has compacted. */
  #startup: { started: number; documents: number; chunks: number; before: number; after: number } | undefined

  constructor(
    private readonly store: ServerStore,
    private readonly options: { now: () => Date; atLeast?: number; maxBytes?: number; log?: (line: string) => void },
  ) {}

  get #atLeast(): number {
    return this.options.atLeast ?? COMPACT_AT
  }

  /** Queues every document with enough chunks (the server starting); says what it did once they are done. */
  start(): void {
    for (const documentId of this.store.documentsWithChunks(this.#atLeast)) this.#queue.add(documentId)
    if (this.#queue.size === 0) return
    this.#startup = { started: performance.now(), documents: 0, chunks: 0, before: 0, after: 0 }
    this.#schedule()
  }

  /**
   * A chunk of this document was stored: queued if it now has enough. One left as it was (a change
   * it needs never arrived) is tried again only after as many more: a laptop cannot make every
   * small upload cost the server a whole document's load.
   */
  stored(documentId: string): void {
    if (this.#queue.has(documentId) || !this.store.isListed(documentId) || this.store.sentChunkCount(documentId) < (this.#leftAt.get(documentId) ?? 0) + this.#atLeast) return
    this.#queue.add(documentId)
    this.#schedule()
  }

  stop(): void {
    this.#stopped = true
    if (this.#scheduled) clearImmediate(this.#scheduled)
    this.#queue.clear()
  }

  #schedule(): void {
    if (this.#scheduled || this.#stopped) return
    this.#scheduled = setImmediate(() => {
      this.#scheduled = undefined
      const [next] = this.#queue
      if (next === undefined) {
        this.#startupDone()
        return
      }
      this.#queue.delete(next)
      try {
        const done = compactDocument(this.store, next, this.options.now(), this.options.log, this.options.maxBytes)
        if (done.compacted) this.#leftAt.delete(next)
        else this.#leftAt.set(next, this.store.sentChunkCount(next))
        if (done.compacted && this.#startup) {
          this.#startup.documents += 1
          this.#startup.chunks += done.chunks
          this.#startup.before += done.bytesBefore
          this.#startup.after += done.bytesAfter
        }
      } catch (error) {
        // The store closed under it, or a fault of its own: the chunks stay as they were.
        this.options.log?.(`compaction: document ${next} could not be compacted (${error instanceof Error ? error.name : 'error'})`)
      }
      this.#schedule()
    })
  }

  #startupDone(): void {
    const pass = this.#startup
    if (!pass) return
    this.#startup = undefined
    const mb = (bytes: number) => (bytes / 1e6).toFixed(1)
    this.options.log?.(
      `compaction: ${pass.documents} documents compacted at start-up, ${pass.chunks} chunks into ${pass.documents}, ${mb(pass.before)} MB into ${mb(pass.after)} MB, in ${((performance.now() - pass.started) / 1000).toFixed(1)} s`,
    )
  }
}

/** Loads the chunks, all at once; if that fails, one by one, leaving out those that do not load. */
function loadChunks(stored: StoredChunk[]): { doc: Automerge.Doc<unknown>; folded: StoredChunk[]; unreadable: number } {
  // Automerge passes over bytes after a good chunk unread: what is not whole chunks is never folded (and so never dropped).
  const chunks = stored.filter((chunk) => isWholeChunk(chunk.data))
  const notWhole = stored.length - chunks.length
  try {
    const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.data.length, 0))
    let at = 0
    for (const chunk of chunks) {
      all.set(chunk.data, at)
      at += chunk.data.length
    }
    return { doc: Automerge.load(all, { allowMissingChanges: true }), folded: chunks, unreadable: notWhole }
  } catch {
    let doc = Automerge.init<unknown>()
    const folded: StoredChunk[] = []
    for (const chunk of chunks) {
      try {
        doc = Automerge.loadIncremental(doc, chunk.data)
        folded.push(chunk)
      } catch {
        // Left as it is: sent as it always was.
      }
    }
    return { doc, folded, unreadable: stored.length - folded.length }
  }
}

/**
 * Who sent each change of the chunks folded, as they would have told a laptop one by one, in the
 * order they arrived: a compacted chunk's own `authors`, or the changes read from a chunk's
 * framing with its sender (a chunk from a device of before people attests nothing, as before).
 */
function authorsOf(chunks: StoredChunk[]): ChunkAuthors {
  const groups: { by: string; andBefore: boolean; hashes: Uint8Array[] }[] = []
  const add = (by: string, andBefore: boolean, hash: Uint8Array) => {
    const last = groups[groups.length - 1]
    if (last && last.by === by && last.andBefore === andBefore) last.hashes.push(hash)
    else groups.push({ by, andBefore, hashes: [hash] })
  }
  for (const chunk of chunks) {
    if (chunk.authors) {
      for (const group of chunk.authors) for (let i = 0; i < group.hashes.length; i += 32) add(group.by, group.andBefore ?? false, group.hashes.subarray(i, i + 32))
      continue
    }
    if (chunk.by === undefined) continue
    for (const change of changesInChunk(chunk.data)) add(chunk.by, change.andBefore, Buffer.from(change.hash, 'hex'))
  }
  return groups.map((group) => ({ by: group.by, ...(group.andBefore ? { andBefore: true } : {}), hashes: new Uint8Array(Buffer.concat(group.hashes)) }))
}

/**
 * The same attestations, shorter: each run of one person's chunks as the heads of its changes,
 * each standing for the changes before it that no earlier record reached. Undefined unless a
 * laptop would read it exactly as `exact` (checked over the document's changes).
 */
function shorterAuthors(exact: ChunkAuthors, doc: Automerge.Doc<unknown>): ChunkAuthors | undefined {
  const deps = new Map(Automerge.getChangesMetaSince(doc, []).map((change) => [change.hash, change.deps]))
  const runs: { by: string; hashes: string[] }[] = []
  for (const group of exact) {
    const hashes = hashesOf(group.hashes)
    const last = runs[runs.length - 1]
    if (last && last.by === group.by) last.hashes.push(...hashes)
    else runs.push({ by: group.by, hashes })
  }
  const shorter: ChunkAuthors = runs.map((run) => {
    const inRun = new Set(run.hashes)
    const before = new Set(run.hashes.flatMap((hash) => deps.get(hash) ?? []).filter((hash) => inRun.has(hash)))
    const heads = [...inRun].filter((hash) => !before.has(hash))
    return { by: run.by, andBefore: true, hashes: new Uint8Array(Buffer.concat(heads.map((hash) => Buffer.from(hash, 'hex')))) }
  })
  const wanted = attestedChanges(records(exact), deps)
  const got = attestedChanges(records(shorter), deps)
  const same = wanted.size === got.size && [...wanted].every(([hash, by]) => got.get(hash) === by)
  return same ? shorter : undefined
}

function records(authors: ChunkAuthors): { hash: string; andBefore: boolean; by: string }[] {
  return authors.flatMap((group) => hashesOf(group.hashes).map((hash) => ({ hash, andBefore: group.andBefore ?? false, by: group.by })))
}

function hashesOf(bytes: Uint8Array): string[] {
  return Array.from({ length: Math.floor(bytes.length / 32) }, (_, i) => Buffer.from(bytes.subarray(i * 32, (i + 1) * 32)).toString('hex'))
}

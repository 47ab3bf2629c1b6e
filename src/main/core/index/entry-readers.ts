import { availableParallelism } from 'node:os'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { entryFromBytes, type IndexReading } from './index-entry'

/** What a reader thread is started with, so this module knows it is one. */
const ROLE = 'homeward-index-reader'
/** Fewer documents than this are read on the main thread: not worth a message each, nor starting the threads. */
const FEW = 8
/**
 * Reader threads: one a core beside the main thread's (which takes in what arrives and writes the
 * index), so one on a 2-core laptop; more threads than cores only add their start and their
 * garbage collection to the same work.
 */
const THREADS = Math.max(1, Math.min(3, availableParallelism() - 1))

interface Request {
  n: number
  id: string
  bytes: Uint8Array
  known: readonly string[] | undefined
}
type Reply = { n: number; reading: IndexReading } | { n: number; failed: true }

/** A document's stored bytes, and the heads the index holds it at (if it does). */
interface StoredDocument {
  id: string
  bytes: Uint8Array
  known: readonly string[] | undefined
}

interface Reader {
  worker: Worker
  pending: number
}

/**
 * Reads stored documents for the index in worker threads beside the main thread: a fresh laptop
 * receiving a team's cases spent nearly all its time loading each document (Automerge's `load`)
 * and checking it (`readCase`), on one of the laptop's cores while the main thread also took in
 * what arrived. The main thread reads the bytes from the store and writes the index; the documents
 * are shared out between the threads and the main thread, each taking the next as it is free, and
 * each is loaded, checked, summarised and freed the same way on either (index-entry.ts). A thread
 * that cannot start, or fails on a document, is never the end of it: that document is read on the
 * main thread instead, exactly as without threads (a damaged or hostile one comes out unreadable,
 * or throws, the same way), and no thread is used again.
 *
 * A thread runs this same module (so the built app needs no file of its own for it, wherever the
 * bundler puts this code); run from the TypeScript sources (the tests), it reads them through tsx.
 */
export class EntryReaders {
  #readers: Reader[] | undefined
  #broken = false
  #next = 0
  readonly #waiting = new Map<number, { reader: Reader; resolve: (reading: IndexReading) => void; reject: (error: Error) => void }>()

  /**
   * Reads each document for the index, shared out: each reader thread takes the next document as
   * it finishes one, and the main thread takes one too whenever it is free between its other work
   * (what arrives from the server, the index's writes). So both cores read, and the documents do
   * not wait for a thread still loading its code. Few documents are read on the main thread alone.
   */
  readAll(documents: readonly StoredDocument[]): Promise<IndexReading[]> {
    const readers = documents.length >= FEW ? this.#started() : undefined
    if (!readers) return Promise.resolve(documents.map(({ id, bytes, known }) => entryFromBytes(id, bytes, known)))
    return new Promise((resolve, reject) => {
      const readings: IndexReading[] = new Array<IndexReading>(documents.length)
      let taken = 0
      let done = 0
      let failed = false
      const finish = (i: number, read: () => IndexReading) => {
        if (failed) return
        try {
          readings[i] = read()
        } catch (error) {
          failed = true
          return reject(error as Error)
        }
        if (++done === documents.length) resolve(readings)
      }
      const feed = (reader: Reader) => {
        // One being read and one waiting: a thread never waits for the main thread to send more.
        while (!failed && taken < documents.length && reader.pending < 2 && this.#readers?.includes(reader)) {
          const i = taken++
          const document = documents[i]!
          this.#ask(reader, document).then(
            (reading) => {
              finish(i, () => reading)
              feed(reader)
            },
            // The thread failed on it, or stopped: read here, as without threads.
            () => finish(i, () => entryFromBytes(document.id, document.bytes, document.known)),
          )
        }
      }
      const onMainThread = () => {
        if (failed || taken >= documents.length) return
        const document = documents[taken]!
        finish(taken++, () => entryFromBytes(document.id, document.bytes, document.known))
        setImmediate(onMainThread)
      }
      for (const reader of readers) feed(reader)
      setImmediate(onMainThread)
    })
  }

  /** This many documents are coming to be read: enough, and the threads start now (a thread takes a moment to load its code). */
  expect(count: number): void {
    if (count >= FEW) this.#started()
  }

  /** How many reader threads are running (for the tests: none until enough documents came to be read). */
  get threads(): number {
    return this.#readers?.length ?? 0
  }

  /** Stops the threads; a read still waiting is done on the main thread. */
  async stop(): Promise<void> {
    const readers = this.#readers ?? []
    this.#readers = undefined
    this.#broken = true
    await Promise.all(readers.map(({ worker }) => worker.terminate()))
  }

  #ask(reader: Reader, { id, bytes, known }: StoredDocument): Promise<IndexReading> {
    const n = ++this.#next
    return new Promise((resolve, reject) => {
      this.#waiting.set(n, { reader, resolve, reject })
      // A thread waited on keeps the process alive (a command waiting for its sync to be indexed); an idle one does not.
      if (reader.pending++ === 0) reader.worker.ref()
      try {
        reader.worker.postMessage({ n, id, bytes, known } satisfies Request)
      } catch (error) {
        this.#settled(n)
        reject(error as Error)
      }
    })
  }

  #started(): Reader[] | undefined {
    if (this.#readers || this.#broken) return this.#readers
    try {
      this.#readers = Array.from({ length: THREADS }, () => {
        const worker = import.meta.url.endsWith('.ts')
          ? // Node 20 does not apply tsx's loader to a thread's first module: the thread registers it, then imports this one.
            new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}) })`, { eval: true, workerData: ROLE })
          : new Worker(new URL(import.meta.url), { workerData: ROLE })
        const reader: Reader = { worker, pending: 0 }
        worker.unref()
        worker.on('message', (reply: Reply) => {
          const waiting = this.#settled(reply.n)
          if (!waiting) return
          if ('failed' in reply) waiting.reject(new Error('A reader thread could not read a document'))
          else waiting.resolve(reply.reading)
        })
        worker.on('error', () => this.#lost(reader))
        worker.on('exit', () => this.#lost(reader))
        return reader
      })
    } catch {
      this.#broken = true
      this.#readers = undefined
    }
    return this.#readers
  }

  #settled(n: number) {
    const waiting = this.#waiting.get(n)
    if (!waiting) return undefined
    this.#waiting.delete(n)
    if (--waiting.reader.pending === 0) waiting.reader.worker.unref()
    return waiting
  }

  /** A thread failed or stopped: what it was reading is read on the main thread, and no thread is used again. */
  #lost(reader: Reader): void {
    this.#broken = true
    const others = this.#readers?.filter((one) => one !== reader) ?? []
    this.#readers = undefined
    for (const other of others) void other.worker.terminate()
    for (const [n, waiting] of [...this.#waiting]) {
      this.#waiting.delete(n)
      waiting.reject(new Error('A reader thread stopped'))
    }
  }
}

/** In a reader thread: reads each document it is sent, and answers with what the index needs of it. */
if (!isMainThread && workerData === ROLE && parentPort) {
  const port = parentPort
  port.on('message', ({ n, id, bytes, known }: Request) => {
    let reply: Reply
    try {
      reply = { n, reading: entryFromBytes(id, bytes, known) }
    } catch {
      reply = { n, failed: true }
    }
    port.postMessage(reply)
  })
}

/**
 * The server is one process with one event loop for every laptop. Reading chunks from the store
 * and encoding them is synchronous work, so a laptop catching up on thousands of chunks would hold
 * the loop for as long as its reads take, and another laptop's edit, waiting to be read from its
 * socket, would wait that long too. So a connection's sending reads at most SLICE_CHUNKS chunks,
 * or SLICE_BYTES, then lets everything else waiting run (an upload to store and pass on, other
 * connections' sends) before it reads on. A few milliseconds of reads, on a loaded laptop-class
 * machine: profiled by `npm run bench -- sync under-load`.
 */
export const SLICE_CHUNKS = 64
export const SLICE_BYTES = 1024 * 1024

/** One connection's reads since it last let other work run. */
export class SendSlices {
  #chunks = 0
  #bytes = 0

  /**
   * Counts a chunk read (of `bytes`); once the slice is full, resolves only after everything
   * already waiting in the event loop (I/O, timers, other connections' turns) has had its turn.
   */
  async read(bytes: number): Promise<void> {
    this.#chunks += 1
    this.#bytes += bytes
    if (this.#chunks < SLICE_CHUNKS && this.#bytes < SLICE_BYTES) return
    this.#chunks = 0
    this.#bytes = 0
    await nextTurn()
  }
}

/** Resolves after the event loop's I/O and timers waiting now have run (setImmediate: after the poll phase). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

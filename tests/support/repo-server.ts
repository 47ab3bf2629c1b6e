import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { createRequire } from 'node:module'
import { createInterface } from 'node:readline'
import type { DocHandle, DocumentId, PeerId, Repo, StorageId } from '@automerge/automerge-repo'
import { WebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket'

/**
 * The stock `@automerge/automerge-repo-sync-server`, as its README runs it (PORT and DATA_DIR), in
 * its own process: the peer Homeward's own server is compared with, and shown to interoperate with.
 */
export async function startStockSyncServer(dataDir: string): Promise<{ url: string; process: ChildProcess; stop(): Promise<void> }> {
  mkdirSync(dataDir, { recursive: true })
  const port = await freePort()
  const entry = createRequire(import.meta.url).resolve('@automerge/automerge-repo-sync-server')
  const child = spawn(process.execPath, [entry], { env: { ...process.env, PORT: String(port), DATA_DIR: dataDir }, cwd: dataDir, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the stock sync server exited (${code})`)))
    createInterface({ input: child.stdout! }).on('line', (line) => line.startsWith('Listening on port') && resolve())
  })
  return {
    url: `ws://127.0.0.1:${port}`,
    process: child,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** A repo's WebSocket link to a stock sync server: share documents to it, fetch documents from it. */
export class RepoServerLink {
  private constructor(
    private readonly repo: Repo,
    private readonly adapter: WebSocketClientAdapter,
    private readonly serverStorage: StorageId,
  ) {}

  static async connect(repo: Repo, url: string): Promise<RepoServerLink> {
    const adapter = new WebSocketClientAdapter(url, 1000)
    const peer = new Promise<{ peerId: PeerId; storageId: StorageId }>((resolve) => {
      const onPeer = ({ peerId }: { peerId: PeerId }) => {
        const storageId = repo.peerMetadataByPeerId[peerId]?.storageId
        if (!storageId) return
        repo.networkSubsystem.off('peer', onPeer)
        resolve({ peerId, storageId })
      }
      repo.networkSubsystem.on('peer', onPeer)
    })
    repo.networkSubsystem.addNetworkAdapter(adapter)
    const { storageId } = await peer
    return new RepoServerLink(repo, adapter, storageId)
  }

  /**
   * Sends documents this repo holds, 200 at a time; resolves once the server has every change of
   * each. Offered 4,000 at once, the exchange stalled for good after about 700, both sides idle.
   */
  async share(ids: string[]): Promise<void> {
    await inBatches(ids, async (id) => {
      const handle = await this.repo.find(id as DocumentId)
      await this.#serverHas(handle)
    })
  }

  /**
   * Fetches documents from the server (ids learned from a document already fetched), 200 at a
   * time, and says which it got. Under load the stock server answers that some documents it holds
   * are unavailable (asked for 1,000 at once, many), and automerge-repo does not ask again.
   */
  async receive(ids: string[]): Promise<{ handles: DocHandle<unknown>[]; unavailable: number }> {
    const found = await inBatches(ids, (id) => this.repo.find(id as DocumentId, { allowableStates: ['ready', 'unavailable'] }))
    const handles = found.filter((handle) => handle.isReady())
    return { handles, unavailable: found.length - handles.length }
  }

  /** Disconnects (removing the adapter disconnects it). */
  close(): void {
    // The adapter may be between connections (the stock server drops one under load): closing a
    // socket still connecting emits an error, which the adapter no longer listens for by then.
    this.adapter.socket?.addEventListener('error', () => undefined)
    this.repo.networkSubsystem.removeNetworkAdapter(this.adapter)
    // A reconnection the adapter scheduled when the server dropped it still fires after this, and
    // would then retry every second for ever (kept a bench's process from ending): it does nothing now.
    this.adapter.connect = () => undefined
  }

  #serverHas(handle: DocHandle<unknown>): Promise<void> {
    // Waits on the handle's events, not by polling: polling thousands of handles at once took the
    // bench's CPU from both repos and made the stock server look slower than it is.
    return new Promise((resolve) => {
      const check = () => {
        const theirs = handle.getSyncInfo(this.serverStorage)?.lastHeads
        if (theirs === undefined || [...theirs].sort().join() !== [...handle.heads()].sort().join()) return
        handle.off('remote-heads', check)
        handle.off('change', check)
        resolve()
      }
      handle.on('remote-heads', check)
      handle.on('change', check)
      check()
    })
  }
}

async function inBatches<T>(ids: string[], work: (id: string) => Promise<T>): Promise<T[]> {
  const results: T[] = []
  for (let start = 0; start < ids.length; start += 200) results.push(...(await Promise.all(ids.slice(start, start + 200).map(work))))
  return results
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

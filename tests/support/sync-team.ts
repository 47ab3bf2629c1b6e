import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { startSyncServer, type SyncServer, type SyncServerOptions } from '../../src/server/sync-server'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import type { SyncClient } from '../../src/main/core/sync/sync-client'
import { createTeam, joinTeam } from '../../src/main/core/sync/team-setup'
import { serverApi } from '../../src/main/core/sync/server-api'
import type { Person } from '../../src/shared/people'
import { openEncrypted, TEST_SERVER_KEY } from './passphrase'
import { DEREK } from './people'
import { tempDir } from './temp-dir'

/** A laptop of the team under test: its workspace and its sync. */
export interface Laptop {
  workspace: Workspace
  sync: SyncClient
  dataDir: string
}

/** The server's database, in its data folder. */
export const SERVER_FILE = 'homeward-server.sqlite'

/**
 * A real sync server on loopback and the laptops of a team, each its own workspace folder; all
 * closed and removed by `cleanup`.
 */
export class TestTeam {
  readonly laptops: Laptop[] = []
  /** The manager's laptop, once the team is created: it issues the join codes. */
  manager: Laptop | undefined
  readonly #dirs: (() => void)[] = []

  private constructor(
    public server: SyncServer,
    readonly serverDir: string,
  ) {}

  static async start(options: Partial<SyncServerOptions> = {}): Promise<TestTeam> {
    const dir = tempDir('server')
    const team = new TestTeam(await startSyncServer({ dataDir: dir.path, port: 0, key: TEST_SERVER_KEY, ...options }), dir.path)
    team.#dirs.push(dir.remove)
    return team
  }

  /** The manager's laptop, which creates the team. */
  async create(user: Person = DEREK): Promise<Laptop> {
    const laptop = await this.open(user)
    await createTeam(laptop.workspace, { server: this.server.url, setupCode: this.server.setupCode!, name: 'Safe Connections North' })
    this.manager = laptop
    return laptop
  }

  /** A join code from the manager's laptop, for a person by name in a role (or for anyone). */
  joinCode(forWhom: { for?: string; role?: Person['role'] } = {}): Promise<string> {
    return joinCodeFrom(this.manager!.workspace, forWhom)
  }

  /** A laptop that joins with a join code issued for its user, by name and role. */
  async join(user: Person): Promise<Laptop> {
    const laptop = await this.open(user)
    await joinTeam(laptop.workspace, { server: this.server.url, code: await this.joinCode({ for: user.name, role: user.role }) })
    return laptop
  }

  async open(user: Person | undefined, dataDir?: string): Promise<Laptop> {
    let dir = dataDir
    if (!dir) {
      const made = tempDir('laptop')
      this.#dirs.push(made.remove)
      dir = made.path
    }
    const workspace = await openWorkspace({ dataDir: dir, user, sync: { firstRetryMs: 50, maxRetryMs: 400 } })
    const laptop = { workspace, sync: workspace.sync, dataDir: dir }
    this.laptops.push(laptop)
    return laptop
  }

  async closeLaptop(laptop: Laptop): Promise<void> {
    await laptop.sync.stop()
    await laptop.workspace.close()
    this.laptops.splice(this.laptops.indexOf(laptop), 1)
  }

  /** Stops the server and starts it again on the same port and data (a restart, or a crash with `kill`). */
  async restartServer(): Promise<void> {
    const port = Number(new URL(this.server.url).port)
    await this.server.close()
    this.server = await startSyncServer({ dataDir: this.serverDir, port, key: TEST_SERVER_KEY })
  }

  /** The nightly backup, taken with the server stopped; the server then starts again. Returns the copy. */
  async backUpServer(): Promise<string> {
    await this.server.close()
    const backup = join(this.serverDir, 'backup.sqlite')
    copyFileSync(join(this.serverDir, SERVER_FILE), backup)
    await this.restartServer()
    return backup
  }

  /** The server's disk fails: its files are gone, and it is restored from `backup` and started. */
  async restoreServer(backup: string): Promise<void> {
    await this.server.close()
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(this.serverDir, `${SERVER_FILE}${suffix}`), { force: true })
    copyFileSync(backup, join(this.serverDir, SERVER_FILE))
    await this.restartServer()
  }

  async cleanup(): Promise<void> {
    for (const laptop of [...this.laptops]) await this.closeLaptop(laptop)
    await this.server.close()
    for (const remove of this.#dirs) remove()
  }
}

/** A join code issued from a manager's laptop, for a person by name in a role (or for anyone). */
export async function joinCodeFrom(manager: Workspace, forWhom: { for?: string; role?: Person['role'] } = {}): Promise<string> {
  const { server, credential } = manager.membership.get()!
  return (await serverApi.newJoinCode(server, credential, forWhom)).joinCode
}

/** Waits until `check` holds (or throws after `ms`): for changes that travel through the server. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 10_000, what = 'the condition'): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** The chunks a laptop's homeward.sqlite holds for a document: on disk, not only hidden. */
export function chunksOnDisk(laptop: Laptop, documentId: string): number {
  const db = openEncrypted(join(laptop.dataDir, 'homeward.sqlite'), { readonly: true, timeout: 5000 })
  try {
    return db.prepare('SELECT COUNT(*) FROM automerge_chunks WHERE key LIKE ?').pluck().get(`["${documentId}"%`) as number
  } finally {
    db.close()
  }
}

/** One catch-up of each laptop with the server, in the order given. */
export async function syncAll(...laptops: Laptop[]): Promise<void> {
  for (const laptop of laptops) await laptop.sync.syncOnce()
}

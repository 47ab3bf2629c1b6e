import { startSyncServer, type SyncServer } from '../../src/server/sync-server'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import type { SyncClient } from '../../src/main/core/sync/sync-client'
import { createTeam, joinTeam } from '../../src/main/core/sync/team-setup'
import type { Person } from '../../src/shared/people'
import { DEREK } from './people'
import { tempDir } from './temp-dir'

/** A laptop of the team under test: its workspace and its sync. */
export interface Laptop {
  workspace: Workspace
  sync: SyncClient
  dataDir: string
}

/**
 * A real sync server on loopback and the laptops of a team, each its own workspace folder; all
 * closed and removed by `cleanup`.
 */
export class TestTeam {
  readonly laptops: Laptop[] = []
  joinCode = ''
  readonly #dirs: (() => void)[] = []

  private constructor(
    public server: SyncServer,
    readonly serverDir: string,
  ) {}

  static async start(): Promise<TestTeam> {
    const dir = tempDir('server')
    const team = new TestTeam(await startSyncServer({ dataDir: dir.path, port: 0 }), dir.path)
    team.#dirs.push(dir.remove)
    return team
  }

  /** The manager's laptop, which creates the team. */
  async create(user: Person = DEREK): Promise<Laptop> {
    const laptop = await this.open(user)
    const created = await createTeam(laptop.workspace, { server: this.server.url, setupCode: this.server.setupCode!, name: 'Safe Connections North' })
    this.joinCode = created.joinCode
    return laptop
  }

  async join(user: Person): Promise<Laptop> {
    const laptop = await this.open(user)
    await joinTeam(laptop.workspace, { server: this.server.url, code: this.joinCode })
    return laptop
  }

  async open(user: Person, dataDir?: string): Promise<Laptop> {
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
    this.server = await startSyncServer({ dataDir: this.serverDir, port })
  }

  async cleanup(): Promise<void> {
    for (const laptop of [...this.laptops]) await this.closeLaptop(laptop)
    await this.server.close()
    for (const remove of this.#dirs) remove()
  }
}

/** Waits until `check` holds (or throws after `ms`): for changes that travel through the server. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 10_000, what = 'the condition'): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

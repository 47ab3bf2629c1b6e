import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { createTeam, joinTeam } from '../../src/main/core/sync/team-setup'
import type { Person } from '../../src/shared/people'
import { builtEntry } from '../support/built'
import { markedPng, textPdf } from '../support/fixtures'
import { AMINA, DEREK, JO, referral } from '../support/people'
import { eventually, joinCodeFrom } from '../support/sync-team'
import { tempDir } from '../support/temp-dir'
import { serverKeyArgs } from '../support/passphrase'


const FAST = { firstRetryMs: 50, maxRetryMs: 300 }

/** The built sync server in its own process, so it can be killed outright. */
async function serverProcess(dataDir: string, port = 0): Promise<{ child: ChildProcess; url: string; setupCode: string | null }> {
  const child = spawn(process.execPath, [builtEntry('server'), '--port', String(port), '--data', dataDir, '--json', ...serverKeyArgs()], { stdio: ['ignore', 'pipe', 'inherit'] })
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)))
    createInterface({ input: child.stdout! }).once('line', resolve)
  })
  return { child, ...(JSON.parse(line) as { url: string; setupCode: string | null }) }
}

describe('sync across a day offline and a server that dies', () => {
  const dir = tempDir('offline')
  const open: Workspace[] = []
  let server: Awaited<ReturnType<typeof serverProcess>> | undefined
  beforeAll(() => builtEntry('server'))
  afterEach(async () => {
    for (const workspace of open.splice(0)) await workspace.close()
    server?.child.kill('SIGKILL')
    dir.remove()
  })
  const laptop = async (name: string, user: Person) => {
    const workspace = await openWorkspace({ dataDir: join(dir.path, name), user, sync: FAST })
    open.push(workspace)
    return workspace
  }

  it('sends a day of offline work once back, though the server is killed part way, and loses nothing', async () => {
    server = await serverProcess(join(dir.path, 'server'))
    const manager = await laptop('manager', DEREK)
    const { joinCode: firstCode } = await createTeam(manager, { server: server.url, setupCode: server.setupCode!, name: 'North' })
    const shared = await manager.cases.create(referral())
    const away = await laptop('away', AMINA)
    await joinTeam(away, { server: server.url, code: firstCode.joinCode })
    manager.sync.start()
    away.sync.start()
    await eventually(() => away.cases.list().length === 1, 15_000, 'the case on the laptop going offline')

    // A day's work with no network: 40 notes on the shared case, 10 new cases.
    await away.sync.stop()
    const notes: string[] = []
    for (let i = 0; i < 40; i++) {
      notes.push(`Offline note ${i}`)
      await away.cases.addNote(shared, { date: '2026-11-23', type: 'face-to-face', text: notes[i]! })
    }
    const made: string[] = []
    for (let i = 0; i < 10; i++) made.push(await away.cases.create(referral({ clientName: `Offline Client ${i}`, chainNumber: `90000${i}`, dateOfBirth: '1980-01-01' })))
    // Meanwhile at the office.
    await manager.cases.addNote(shared, { date: '2026-11-23', type: 'phone', text: 'Office note while Amina was out' })
    const waiting = away.sync.status().pending
    expect(waiting).toBeGreaterThanOrEqual(50)

    // Back online; the server dies after the first changes are in, and comes back.
    const port = Number(new URL(server.url).port)
    const firstAck = new Promise<void>((resolve) => {
      const stop = away.sync.onStatus((status) => {
        if (status.pending < waiting) {
          stop()
          resolve()
        }
      })
    })
    away.sync.start()
    await firstAck
    server.child.kill('SIGKILL')
    await new Promise((resolve) => server!.child.once('exit', resolve))
    expect(away.sync.status().pending).toBeGreaterThan(0)
    server = await serverProcess(join(dir.path, 'server'), port)
    expect(server.setupCode).toBeNull()

    await eventually(() => away.sync.status().pending === 0 && manager.sync.status().pending === 0, 30_000, 'everything sent')
    await eventually(async () => (await manager.cases.read(shared)).notes.length === 41, 30_000, 'the offline notes at the office')
    await eventually(async () => (await away.cases.read(shared)).notes.length === 41, 30_000, 'the office note on the laptop')
    await eventually(() => made.every((id) => manager.cases.list().some((entry) => entry.id === id)), 30_000, 'the new cases at the office')

    // A laptop joining now gets all of it from the server alone.
    const fresh = await laptop('fresh', JO)
    await joinTeam(fresh, { server: server.url, code: await joinCodeFrom(manager) })
    await fresh.sync.syncOnce()
    expect(fresh.cases.list()).toHaveLength(11)
    expect((await fresh.cases.read(shared)).notes.map((note) => note.text).sort()).toEqual([...notes, 'Office note while Amina was out'].sort())
  }, 90_000)

  it('brings a new laptop 300 cases and their scanned documents, and it can be used meanwhile', async () => {
    server = await serverProcess(join(dir.path, 'server'))
    const manager = await laptop('manager', DEREK)
    await createTeam(manager, { server: server.url, setupCode: server.setupCode!, name: 'North' })
    const { newCase } = await import('../support/cases')
    const ids = await manager.cases.addMany(Array.from({ length: 300 }, (_, i) => newCase({ clientName: `Client ${i}`, chainNumber: String(100000 + i) })))
    const scans = [
      await manager.attachments.add(ids[0]!, { fileName: 'tenancy.pdf', bytes: await textPdf('Tenancy agreement', 3), details: { type: 'identity', date: '2026-11-01', shareInPack: 'yes' } }),
      await manager.attachments.add(ids[1]!, { fileName: 'id.png', bytes: markedPng('plain'), details: { type: 'identity', date: '2026-11-01', shareInPack: 'yes' } }),
    ]
    const sent = await manager.sync.syncOnce()
    expect(sent.sent).toBeGreaterThanOrEqual(303)

    const fresh = await laptop('fresh', AMINA)
    // Its own case, made before joining, becomes the team's.
    const own = await fresh.cases.create(referral({ clientName: 'Before Joining', chainNumber: '424242' }))
    await joinTeam(fresh, { server: server.url, code: await joinCodeFrom(manager) })
    const progress: { received: number; total: number }[] = []
    fresh.sync.onStatus((status) => status.catchUp && progress.push(status.catchUp))
    fresh.sync.start()
    // Usable while it runs: a case can be opened as soon as the list has it.
    await eventually(() => fresh.cases.list().length > 1, 30_000, 'the first cases')
    await fresh.cases.addNote(fresh.cases.list()[0]!.id, { date: '2026-11-23', type: 'other', text: 'Written while cases were still arriving' })
    await eventually(() => fresh.cases.list().length === 301, 60_000, 'all 300 cases')
    expect(progress.length).toBeGreaterThan(0)
    expect(progress.at(-1)!.total).toBeGreaterThanOrEqual(302)
    expect((await fresh.attachments.read(ids[0]!, scans[0]!)).fileName).toBe('tenancy.pdf')
    expect((await fresh.attachments.read(ids[1]!, scans[1]!)).mediaType).toBe('image/png')

    manager.sync.start()
    await eventually(() => manager.cases.list().some((entry) => entry.id === own), 30_000, 'the joining laptop’s own case at the office')
  }, 120_000)
})

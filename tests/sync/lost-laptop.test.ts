import { createServer } from 'node:http'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openEncrypted } from '../support/passphrase'
import { afterEach, describe, expect, it } from 'vitest'
import { createApiHandler } from '../../src/main/core/api/api-handler'
import { sha256Hex } from '../../src/node/crypto'
import { revocationProof } from '../../src/node/revocation-proof'
import { REVOCATION_HEADERS } from '../../src/shared/sync/protocol'
import { takenOffTeamNotice, UNPROVEN_REVOCATION } from '../../src/shared/sync/taken-off-team'
import { AMINA, referral } from '../support/people'
import { eventually, TestTeam, type Laptop } from '../support/sync-team'

/** A name no other test uses, to look for in the laptop's raw files. */
const CLIENT = 'Zofia Kowalczyk-Brennan'

const rowsOf = (dataDir: string, table: string) => {
  const db = openEncrypted(join(dataDir, 'homeward.sqlite'), { readonly: true })
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number
  } finally {
    db.close()
  }
}

/** Every byte of the workspace's SQLite files (and their WAL), as text to search. */
const rawBytes = (dataDir: string) =>
  ['homeward.sqlite', 'homeward.sqlite-wal', 'index.sqlite', 'index.sqlite-wal']
    .map((file) => join(dataDir, file))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('\n')

describe('a lost laptop, revoked, deletes the team’s data when it next reaches the server', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  /** A team of two, the caseworker's laptop holding a case and a paper made on it. */
  async function twoLaptops(): Promise<{ manager: Laptop; caseworker: Laptop; caseId: string }> {
    team = await TestTeam.start()
    const manager = await team.create()
    const caseId = await manager.workspace.cases.create(referral({ clientName: CLIENT, chainNumber: '902114' }))
    await manager.sync.syncOnce()
    const caseworker = await team.join(AMINA)
    await caseworker.sync.syncOnce()
    expect(caseworker.workspace.cases.list().map((entry) => entry.id)).toEqual([caseId])
    // Paperwork made on the laptop (documents/CASE/ID.pdf), as the paperwork module keeps it.
    mkdirSync(join(caseworker.dataDir, 'documents', caseId), { recursive: true })
    writeFileSync(join(caseworker.dataDir, 'documents', caseId, 'pack.pdf'), `%PDF-1.7 pack for ${CLIENT}`)
    // What she looked at is in the audit, whose table refuses DELETE: the wipe takes it too.
    caseworker.workspace.audit.record(caseId, 'viewed', 'shown at the command line')
    await caseworker.workspace.flush()
    return { manager, caseworker, caseId }
  }

  async function revoke(manager: Laptop, laptop: Laptop): Promise<void> {
    const { deviceId } = laptop.workspace.membership.get()!
    const answer = await fetch(`${team!.server.url}/api/devices/${deviceId}/revoke`, { method: 'POST', headers: { Authorization: `Bearer ${manager.workspace.membership.get()!.credential}` } })
    expect(answer.status).toBe(200)
  }

  function expectWiped(laptop: Laptop): void {
    expect(rowsOf(laptop.dataDir, 'automerge_chunks')).toBe(0)
    expect(rowsOf(laptop.dataDir, 'sync_outbox')).toBe(0)
    expect(rowsOf(laptop.dataDir, 'change_attestations')).toBe(0)
    expect(rowsOf(laptop.dataDir, 'audit_log')).toBe(0)
    expect(existsSync(join(laptop.dataDir, 'index.sqlite'))).toBe(false)
    expect(existsSync(join(laptop.dataDir, 'documents'))).toBe(false)
    expect(rawBytes(laptop.dataDir)).not.toContain(CLIENT)
    expect(rawBytes(laptop.dataDir)).not.toContain('902114')
  }

  it('deletes every document, the index, the paperwork and the membership, and says so, then opens as a fresh workspace', async () => {
    const { manager, caseworker } = await twoLaptops()
    await revoke(manager, caseworker)

    const refused = caseworker.sync.syncOnce()
    const before = Date.now()
    await expect(refused).rejects.toThrow(/^This laptop was taken off the team on \d\d\/\d\d\/\d{4} at \d\d:\d\d by the team's server\. The team's data on it was deleted\.$/)
    const status = caseworker.sync.status()
    expect(status.state).toBe('not-in-team')
    expect(Math.abs(Date.parse(status.takenOffTeam!) - before)).toBeLessThan(60_000)
    expect(status.reason).toBe(takenOffTeamNotice(status.takenOffTeam!))
    expectWiped(caseworker)

    // Opened again: an empty workspace, in no team, that says what happened.
    await team!.closeLaptop(caseworker)
    const reopened = await team!.open(AMINA, caseworker.dataDir)
    expect(reopened.workspace.cases.list()).toEqual([])
    expect(reopened.workspace.membership.get()).toBeUndefined()
    expect(reopened.sync.status()).toMatchObject({ state: 'not-in-team', takenOffTeam: status.takenOffTeam })
    await expect(reopened.sync.syncOnce()).rejects.toThrow(takenOffTeamNotice(status.takenOffTeam!))
    // The manager's laptop, not revoked, keeps everything.
    expect(manager.workspace.cases.list()).toHaveLength(1)

    // "Start again" (the window's API): the notice goes, for good, and the laptop is a first run.
    const answer = await createApiHandler(reopened.workspace)({ id: 1, method: 'dismissTakenOffTeam', params: {} })
    expect(answer).toEqual({ id: 1, ok: true, result: {} })
    expect(reopened.sync.status()).toEqual({ state: 'not-in-team', pending: 0 })
    await team!.closeLaptop(reopened)
    const afresh = await team!.open(undefined, caseworker.dataDir)
    expect(afresh.sync.status().takenOffTeam).toBeUndefined()
    expect(afresh.workspace.team.profile).toBeNull()
    expect(afresh.workspace.cases.list()).toEqual([])
  })

  it('revoked while connected, it asks again, is given the proof, and deletes the team’s data', async () => {
    const { manager, caseworker } = await twoLaptops()
    // The app opens the folder again when told the team's data is deleted (browser-mode/main.ts).
    let told = 0
    caseworker.workspace.onTakenOffTeam(() => (told += 1))
    caseworker.sync.start()
    await eventually(() => caseworker.sync.status().state === 'connected')
    await revoke(manager, caseworker)
    await eventually(() => caseworker.sync.status().takenOffTeam !== undefined, 10_000, 'the laptop to be taken off the team')
    expectWiped(caseworker)
    expect(told).toBe(1)
  })

  // A laptop that never syncs still calls the server over HTTP: its audit going up in the
  // background, or the window asking for the team's laptops.
  const httpCalls: [string, (laptop: Laptop) => Promise<unknown>][] = [
    ['sending its audit', (laptop) => laptop.workspace.audit.exchange()],
    ["listing the team's laptops", (laptop) => createApiHandler(laptop.workspace)({ id: 1, method: 'listDevices', params: {} })],
  ]

  it.each(httpCalls)('revoked, and only %s over HTTP, it is given the proof and deletes the team’s data', async (_what, httpCall) => {
    const { manager, caseworker, caseId } = await twoLaptops()
    let told = 0
    caseworker.workspace.onTakenOffTeam(() => (told += 1))
    await revoke(manager, caseworker)
    caseworker.workspace.audit.record(caseId, 'viewed', 'shown at the command line')
    const answer = await httpCall(caseworker)
    // The call is over once the data is deleted: a command line that exits then leaves nothing.
    expect(told).toBe(1)
    const status = caseworker.sync.status()
    expect(status.takenOffTeam).toBeDefined()
    if (answer) expect(answer).toEqual({ id: 1, ok: false, error: expect.objectContaining({ message: takenOffTeamNotice(status.takenOffTeam!) }) })
    expectWiped(caseworker)
  })

  it('keeps everything when a server that is not the team’s says “revoked” without the proof, and says the answer could not be trusted', async () => {
    const { caseworker, caseId } = await twoLaptops()
    const { credential, deviceId } = caseworker.workspace.membership.get()!
    const port = Number(new URL(team!.server.url).port)
    const revokedAt = new Date().toISOString()
    // What a fake server (or someone in the middle) might say: no proof, a made-up one, or a genuine
    // proof seen on an earlier connection (made here with the secret's hash, over another nonce).
    const lies: Record<string, string>[] = [
      { [REVOCATION_HEADERS.revokedAt]: revokedAt },
      { [REVOCATION_HEADERS.revokedAt]: revokedAt, [REVOCATION_HEADERS.proof]: 'ab'.repeat(32) },
      { [REVOCATION_HEADERS.revokedAt]: revokedAt, [REVOCATION_HEADERS.proof]: revocationProof(sha256Hex(credential.split('.')[1]!), deviceId, '0'.repeat(32), revokedAt) },
    ]
    await team!.server.close()
    for (const headers of lies) {
      const fake = createServer((_request, response) => response.writeHead(401, headers).end())
      fake.on('upgrade', (_request, socket) => socket.end(`HTTP/1.1 401 Unauthorized\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}Connection: close\r\n\r\nrevoked`))
      await new Promise<void>((resolve) => fake.listen(port, '127.0.0.1', resolve))
      try {
        await expect(caseworker.sync.syncOnce()).rejects.toThrow(UNPROVEN_REVOCATION)
        expect(caseworker.sync.status()).toMatchObject({ state: 'refused', reason: UNPROVEN_REVOCATION })
        // The same lies in answer to its HTTP calls: refused, nothing deleted.
        caseworker.workspace.audit.record(caseId, 'viewed', 'shown at the command line')
        await caseworker.workspace.audit.exchange()
        expect(await createApiHandler(caseworker.workspace)({ id: 1, method: 'listDevices', params: {} })).toEqual({
          id: 1,
          ok: false,
          error: expect.objectContaining({ message: UNPROVEN_REVOCATION }),
        })
        expect(caseworker.sync.status().takenOffTeam).toBeUndefined()
      } finally {
        fake.closeAllConnections()
        await new Promise<void>((resolve) => fake.close(() => resolve()))
      }
    }
    expect(caseworker.workspace.cases.list().map((entry) => entry.id)).toEqual([caseId])
    expect(caseworker.workspace.membership.get()).toBeDefined()
    await team!.closeLaptop(caseworker)
    expect(rowsOf(caseworker.dataDir, 'automerge_chunks')).toBeGreaterThan(0)
    expect(existsSync(join(caseworker.dataDir, 'documents', caseId, 'pack.pdf'))).toBe(true)
    await team!.restartServer()
  })

  it('answers a revoked credential’s HTTP calls with the proof too, and a wrong secret with a plain refusal', async () => {
    const { manager, caseworker } = await twoLaptops()
    const { credential, deviceId } = caseworker.workspace.membership.get()!
    await revoke(manager, caseworker)
    const nonce = 'c'.repeat(32)
    const ask = (bearer: string) => fetch(`${team!.server.url}/api/team`, { headers: { Authorization: `Bearer ${bearer}`, [REVOCATION_HEADERS.nonce]: nonce } })
    const genuine = await ask(credential)
    expect(genuine.status).toBe(401)
    const at = genuine.headers.get(REVOCATION_HEADERS.revokedAt)!
    expect(genuine.headers.get(REVOCATION_HEADERS.proof)).toBe(revocationProof(sha256Hex(credential.split('.')[1]!), deviceId, nonce, at))
    const guessed = await ask(`${deviceId}.${'0'.repeat(43)}`)
    expect(guessed.status).toBe(401)
    expect(guessed.headers.get(REVOCATION_HEADERS.proof)).toBeNull()
  })
})

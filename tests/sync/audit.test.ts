import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { openEncrypted } from '../support/passphrase'
import { afterEach, describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../src/shared/audit/audit-entry'
import { serverApi } from '../../src/main/core/sync/server-api'
import { allocate } from '../../src/shared/case/changes'
import { NotPermittedError } from '../../src/shared/team/permissions'
import { AMINA, DEREK } from '../support/people'
import { SERVER_FILE, type TestTeam } from '../support/sync-team'
import { teamWithACase } from '../support/team-with-a-case'

describe('the audit travels to the manager through the server, attested by the sending device', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  async function caseworkerViewsACase() {
    const started = await teamWithACase()
    team = started.team
    const { manager, caseworker, caseId } = started
    // The caseworker's window opens the case (what the core's repo is asked for by a window).
    caseworker.workspace.audit.windowAsked(caseId)
    // Each time a laptop has caught up with the server, it sends its new entries.
    await caseworker.sync.syncOnce()
    await caseworker.workspace.audit.settled()
    return { team, manager, caseworker, caseId }
  }

  /** A raw HTTP client with a laptop's credential, as anything on the network could be. */
  function raw(credential: string) {
    const headers = { Authorization: `Bearer ${credential}`, 'Content-Type': 'application/json' }
    return {
      send: (entries: AuditEntry[]) => fetch(`${team!.server.url}/api/audit`, { method: 'POST', headers, body: JSON.stringify({ entries }) }),
      read: () => fetch(`${team!.server.url}/api/audit?after=0`, { headers }),
    }
  }

  it("lists on the manager's laptop the view made on the caseworker's laptop, with that laptop's name", async () => {
    const { manager, caseworker, caseId } = await caseworkerViewsACase()
    await manager.sync.syncOnce()
    await manager.workspace.audit.settled()
    const views = manager.workspace.audit.ofCase(caseId).filter((entry) => entry.action === 'viewed')
    expect(views).toEqual([
      expect.objectContaining({ who: AMINA.name, personId: AMINA.id, caseId, device: caseworker.workspace.membership.get()!.deviceName, forged: false }),
    ])
    // Taking in the team's changes is not changing the case: her laptop recorded only her look.
    expect(manager.workspace.audit.ofCase(caseId).filter((entry) => entry.personId === AMINA.id).map((entry) => entry.action)).toEqual(['viewed'])
    const [amina] = manager.workspace.audit.byPerson({ from: '2020-01-01', to: '2099-12-31' }, AMINA.id)
    // She is not the case's lead caseworker: a view outside her caseload.
    expect(amina!.outsideCaseload.map((entry) => entry.caseId)).toEqual([caseId])
    // The caseworker's own laptop does not show the audit.
    expect(() => caseworker.workspace.audit.ofCase(caseId)).toThrow(NotPermittedError)
  })

  it('keeps an entry a raw client sends as someone else marked forged, refuses a changed entry under a used id, and lets no caseworker read the audit', async () => {
    const { manager, caseworker, caseId } = await caseworkerViewsACase()
    const client = raw(caseworker.workspace.membership.get()!.credential)
    const forged: AuditEntry = { id: randomUUID(), caseId, action: 'viewed', detail: '', personId: DEREK.id, personName: DEREK.name, at: new Date().toISOString() }
    expect((await client.send([forged])).status).toBe(200)
    // Sent again as it was: already kept. Changed under the same id: refused, with a reason.
    expect(await (await client.send([forged])).json()).toEqual({ stored: 0 })
    const rewritten = await client.send([{ ...forged, caseId: 'another-case' }])
    expect(rewritten.status).toBe(409)
    expect(((await rewritten.json()) as { error: string }).error).toMatch(/cannot be changed/)
    // A caseworker's credential cannot read the team's audit.
    expect((await client.read()).status).toBe(403)

    await manager.sync.syncOnce()
    await manager.workspace.audit.settled()
    const shown = manager.workspace.audit.ofCase(caseId).find((entry) => entry.id === forged.id)
    expect(shown).toMatchObject({ who: DEREK.name, forged: true, device: caseworker.workspace.membership.get()!.deviceName })
    expect(manager.workspace.audit.ofCase(caseId).filter((entry) => entry.forged)).toHaveLength(1)

    // On the server's disk too, the table refuses to change or lose an entry.
    const db = openEncrypted(join(team!.serverDir, SERVER_FILE))
    try {
      expect(() => db.prepare("UPDATE audit_entries SET person_id = 'someone'").run()).toThrow(/append-only/)
      expect(() => db.prepare('DELETE FROM audit_entries').run()).toThrow(/append-only/)
    } finally {
      db.close()
    }
  })

  it("shows an entry under the server's name for its sender, whatever name the laptop wrote, with the server's own time beside the laptop's", async () => {
    const { manager, caseworker, caseId } = await caseworkerViewsACase()
    const client = raw(caseworker.workspace.membership.get()!.credential)
    // Amina's own id, but Derek's name, and a time a year out: only the id is hers to claim.
    const posed: AuditEntry = { id: randomUUID(), caseId, action: 'viewed', detail: '', personId: AMINA.id, personName: DEREK.name, at: '2020-01-01T09:00:00.000Z' }
    const sentAt = Date.now()
    expect((await client.send([posed])).status).toBe(200)

    await manager.sync.syncOnce()
    await manager.workspace.audit.settled()
    const shown = manager.workspace.audit.ofCase(caseId).find((entry) => entry.id === posed.id)
    expect(shown).toMatchObject({ who: AMINA.name, personId: AMINA.id, forged: false, when: posed.at })
    expect(Date.parse(shown!.received!)).toBeGreaterThanOrEqual(sentAt - 1000)
    const [derek] = manager.workspace.audit.byPerson({ from: '2019-01-01', to: '2099-12-31' }, DEREK.id)
    expect(derek!.viewed.map((entry) => entry.id)).not.toContain(posed.id)
  })

  it('records restricting a case and clearing it, by the server, as the person who did it', async () => {
    const started = await teamWithACase()
    team = started.team
    const { manager, caseworker, caseId } = started
    // A caseworker makes herself the case's lead caseworker, then restricts it to herself alone.
    await caseworker.workspace.cases.change(caseId, (doc, context) => allocate(doc, { id: AMINA.id, name: AMINA.name }, context.today, context))
    await caseworker.sync.syncOnce()
    const aminas = caseworker.workspace.membership.get()!
    await serverApi.restrict(aminas.server, aminas.credential, { caseId, to: [] })
    // Her laptop records nothing of it (a raw client need not): the server does.
    const managers = manager.workspace.membership.get()!
    await serverApi.restrict(managers.server, managers.credential, { caseId, to: null })

    await manager.sync.syncOnce()
    await manager.workspace.audit.settled()
    const restricted = manager.workspace.audit.ofCase(caseId).filter((entry) => entry.action === 'restricted')
    expect(restricted.map(({ who, detail, forged }) => ({ who, detail, forged })).reverse()).toEqual([
      { who: AMINA.name, detail: `restricted to ${AMINA.name}`, forged: false },
      { who: DEREK.name, detail: 'restriction cleared', forged: false },
    ])
    expect(restricted[0]!.device).toBe(managers.deviceName)
  })
})

describe('the server refuses a bad audit upload in one line, keeps none of it, and goes on serving', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  const entry = (caseId: string): AuditEntry => ({ id: randomUUID(), caseId, action: 'viewed', detail: '', personId: AMINA.id, personName: AMINA.name, at: new Date().toISOString() })

  it('answers an oversized batch, a body that is not JSON, the wrong shape, too many entries and a huge string each with a 4xx and a reason', async () => {
    const started = await teamWithACase()
    team = started.team
    const { manager, caseworker, caseId } = started
    const post = (body: string) =>
      fetch(`${team!.server.url}/api/audit`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${caseworker.workspace.membership.get()!.credential}`, 'Content-Type': 'application/json' },
        body,
      })
    const storedOnServer = () => {
      const db = openEncrypted(join(team!.serverDir, SERVER_FILE))
      try {
        return db.prepare('SELECT count(*) AS n FROM audit_entries').get()
      } finally {
        db.close()
      }
    }
    const before = storedOnServer()
    const huge = 'x'.repeat(200_000)
    const bad: [string, string, number, RegExp][] = [
      ['oversized', JSON.stringify({ entries: [{ ...entry(caseId), detail: 'y'.repeat(5 * 1024 * 1024) }] }), 413, /too large/],
      ['not JSON', '{"entries": [', 400, /not JSON/],
      ['wrong shape', JSON.stringify({ entry: entry(caseId) }), 400, /entries/],
      ['too many entries', JSON.stringify({ entries: Array.from({ length: 101 }, () => entry(caseId)) }), 400, /entries.*100/],
      ['a huge string', JSON.stringify({ entries: [{ ...entry(caseId), personName: huge }] }), 413, /too large/],
      ['a long string', JSON.stringify({ entries: [entry(caseId), { ...entry(caseId), detail: 'z'.repeat(101) }] }), 400, /detail.*100/],
    ]
    for (const [what, body, status, reason] of bad) {
      const answer = await post(body)
      expect({ what, status: answer.status }).toEqual({ what, status })
      const { error } = (await answer.json()) as { error: string }
      expect(error, what).toMatch(reason)
      expect(error, what).not.toContain('\n')
      // The reason never echoes back what was sent.
      expect(error.length, what).toBeLessThan(200)
    }

    // Nothing of any of them was kept: the manager's laptop reads only what laptops really sent.
    await manager.sync.syncOnce()
    await manager.workspace.audit.settled()
    expect(manager.workspace.audit.ofCase(caseId).filter((row) => row.personId === AMINA.id)).toEqual([])
    expect(storedOnServer()).toEqual(before)

    // The server goes on serving: the same laptop's good batch, and the manager's laptop.
    const good = entry(caseId)
    const kept = await post(JSON.stringify({ entries: [good] }))
    expect(await kept.json()).toEqual({ stored: 1 })
    expect(await serverApi.team(manager.workspace.membership.get()!.server, manager.workspace.membership.get()!.credential)).toMatchObject({ team: 'Safe Connections North' })
    await manager.sync.syncOnce()
    await manager.workspace.audit.settled()
    expect(manager.workspace.audit.ofCase(caseId).map((row) => row.id)).toContain(good.id)
  })

  it('takes a full batch of the longest entries a laptop can make', async () => {
    const started = await teamWithACase()
    team = started.team
    const { caseworker } = started
    const longest = (): AuditEntry => ({ id: randomUUID(), caseId: 'c'.repeat(100), action: 'restricted', detail: 'd'.repeat(100), personId: AMINA.id, personName: 'ŵ'.repeat(100), at: new Date().toISOString() })
    const { server, credential } = caseworker.workspace.membership.get()!
    expect(await serverApi.sendAudit(server, credential, { entries: Array.from({ length: 100 }, longest) })).toEqual({ stored: 100 })
  })
})

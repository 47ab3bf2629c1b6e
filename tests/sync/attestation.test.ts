import { randomUUID } from 'node:crypto'
import * as Automerge from '@automerge/automerge'
import type { DocumentId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { authoredBy, authorOf, SERVER_AUTHOR } from '../../src/shared/authorship'
import * as change from '../../src/shared/case/changes'
import type { CaseDoc } from '../../src/shared/case/record'
import type { TeamDoc } from '../../src/shared/team/team-doc'
import { AMINA, DEREK, JO } from '../support/people'
import { compress, rawClient } from '../support/raw-sync'
import { TestTeam, type Laptop } from '../support/sync-team'
import { teamWithACase } from '../support/team-with-a-case'

const ref = (person: { id: string; name: string }) => ({ id: person.id, name: person.name })

function caseDoc(laptop: Laptop, caseId: string): Automerge.Doc<CaseDoc> {
  return laptop.workspace.repo.handles[caseId as DocumentId]!.doc() as Automerge.Doc<CaseDoc>
}

describe('each change is attested by the person whose laptop sent it, as the server recorded it', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  async function caseworkerAddsANote() {
    const started = await teamWithACase()
    team = started.team
    const { manager, caseworker, caseId } = started
    await caseworker.workspace.cases.change(caseId, (doc, context) =>
      change.addNote(doc, { date: '2026-11-20', type: 'face-to-face', text: 'Met at the day centre.' }, { ...context, id: randomUUID() }),
    )
    await caseworker.sync.syncOnce()
    await manager.sync.syncOnce()
    return { team, manager, caseworker, caseId }
  }

  it('shows a caseworker’s note on the manager’s laptop as sent from the caseworker’s laptop, and the manager’s own changes as made on this laptop', async () => {
    const { manager, caseId } = await caseworkerAddsANote()
    const { changes, more } = await manager.workspace.cases.changes(caseId)
    expect(more).toBe(0)
    expect(changes).toHaveLength(Automerge.getChangesMetaSince(caseDoc(manager, caseId), []).length)
    const [newest] = changes
    expect(newest).toMatchObject({ declaredAuthor: ref(AMINA), attestedBy: ref(AMINA), mismatch: false, attestation: 'server' })
    const own = changes.filter((entry) => entry.declaredAuthor?.id === DEREK.id)
    expect(own.length).toBeGreaterThan(0)
    for (const entry of own) expect(entry).toMatchObject({ attestedBy: ref(DEREK), mismatch: false, attestation: 'this laptop' })
  })

  it('shows a change declared as the manager’s but sent with the caseworker’s credential for what it is, on every laptop, and keeps it', async () => {
    const { team, manager, caseworker, caseId } = await caseworkerAddsANote()
    // Written by hand on the caseworker's copy of the case, signed as the manager.
    const forged = Automerge.change(Automerge.clone(caseDoc(caseworker, caseId)), authoredBy(ref(DEREK)), (doc) =>
      change.updateSection(doc, 'referral', { referrerName: 'Written as Derek' }, { author: ref(DEREK), role: 'manager', now: new Date(), today: '2026-11-29' }),
    )
    const hash = Automerge.getHeads(forged)[0]!
    const client = rawClient(team.server.url, caseworker.workspace.membership.get()!.credential)
    expect(await client.opened).toBe(true)
    client.hello()
    const ack = await client.upload(caseId, Automerge.getLastLocalChange(forged)!)
    expect(ack.seq).toBeDefined()
    client.ws.close()

    await manager.sync.syncOnce()
    const seen = (await manager.workspace.cases.changes(caseId)).changes.find((entry) => entry.hash === hash)
    expect(seen).toMatchObject({ declaredAuthor: ref(DEREK), attestedBy: ref(AMINA), mismatch: true, attestation: 'server' })
    expect((await manager.workspace.cases.read(caseId)).referral.referrerName).toBe('Written as Derek')

    // A laptop joining later learns the same from the server: the case's first upload (a whole
    // document) attested as the manager's, the note as the caseworker's, the forgery as sent by her.
    const fresh = await team.join(JO)
    await fresh.sync.syncOnce()
    const { changes } = await fresh.workspace.cases.changes(caseId)
    expect(changes.find((entry) => entry.hash === hash)).toMatchObject({ declaredAuthor: ref(DEREK), attestedBy: ref(AMINA), mismatch: true })
    expect(changes.filter((entry) => entry.mismatch)).toHaveLength(1)
    for (const entry of changes.filter((entry) => entry.hash !== hash)) {
      expect(entry).toMatchObject({ attestation: 'server', attestedBy: entry.declaredAuthor ?? expect.anything() })
    }
  })

  it('refuses a change sent compressed, as no laptop saves one: a forgery cannot slip by unattested that way', async () => {
    const { team, manager, caseworker, caseId } = await caseworkerAddsANote()
    const forged = Automerge.change(Automerge.clone(caseDoc(caseworker, caseId)), authoredBy(ref(DEREK)), (doc) =>
      change.updateSection(doc, 'referral', { referrerName: 'Written as Derek, compressed' }, { author: ref(DEREK), role: 'manager', now: new Date(), today: '2026-11-29' }),
    )
    const client = rawClient(team.server.url, caseworker.workspace.membership.get()!.credential)
    expect(await client.opened).toBe(true)
    client.hello()
    const ack = await client.upload(caseId, compress(Automerge.getLastLocalChange(forged)!))
    expect(ack).toMatchObject({ refused: 'not an Automerge document' })
    expect(ack.seq).toBeUndefined()
    client.ws.close()
    await manager.sync.syncOnce()
    expect((await manager.workspace.cases.read(caseId)).referral.referrerName).not.toBe('Written as Derek, compressed')
  })

  it('attests the server’s own changes to the team document as the server’s', async () => {
    const { manager } = await caseworkerAddsANote()
    const team = manager.workspace.teamDoc() as Automerge.Doc<TeamDoc>
    const metas = Automerge.getChangesMetaSince(team, [])
    const attested = manager.workspace.membership.attestations.of(manager.workspace.teamDocumentId, metas)
    // The server adds Amina to the members when she joins.
    const servers = metas.filter((meta) => authorOf(meta.message)?.id === SERVER_AUTHOR.id)
    expect(servers.length).toBeGreaterThan(0)
    for (const meta of servers) expect(attested.get(meta.hash)).toEqual({ personId: SERVER_AUTHOR.id, source: 'server' })
  })

  it('takes in bytes that are not a change without harm, attesting nothing; a change no device is known for is listed as not attested', async () => {
    const { manager, caseId } = await caseworkerAddsANote()
    const before = await manager.workspace.cases.changes(caseId)
    const context = { author: ref(AMINA), role: 'caseworker' as const, now: new Date(), today: '2026-11-29' }
    const real = Automerge.getLastLocalChange(
      Automerge.change(Automerge.clone(caseDoc(manager, caseId)), authoredBy(ref(AMINA)), (doc) => change.updateSection(doc, 'referral', { referrerName: 'Damaged on the way' }, context)),
    )!
    const damaged = real.slice()
    damaged[damaged.length - 3] = damaged[damaged.length - 3]! ^ 0xff
    expect(() =>
      manager.workspace.membership.takeIn([
        { seq: 1_000_001, documentId: caseId, data: new TextEncoder().encode('not a change'), by: AMINA.id },
        { seq: 1_000_002, documentId: caseId, data: damaged, by: AMINA.id },
      ]),
    ).not.toThrow()
    expect(await manager.workspace.cases.changes(caseId)).toEqual(before)

    // As from a laptop of before people were the server's: the server names no one.
    manager.workspace.membership.takeIn([{ seq: 1_000_003, documentId: caseId, data: real }])
    const { changes } = await manager.workspace.cases.changes(caseId)
    expect(changes).toHaveLength(before.changes.length + 1)
    expect(changes.find((entry) => entry.hash === Automerge.decodeChange(real).hash)).toMatchObject({ declaredAuthor: ref(AMINA), attestedBy: null, mismatch: false, attestation: 'none' })
  })
})

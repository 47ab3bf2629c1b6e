import { afterEach, describe, expect, it } from 'vitest'
import * as change from '../../src/shared/case/changes'
import { markedPng } from '../support/fixtures'
import { AMINA, referral } from '../support/people'
import { eventually, TestTeam } from '../support/sync-team'

describe('the same person referred on two laptops while apart', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('is flagged once they sync, and merging keeps the notes, actions, documents and history of both', async () => {
    team = await TestTeam.start()
    const office = await team.create()
    await office.sync.syncOnce()
    const laptop = await team.join(AMINA)
    await laptop.sync.syncOnce()

    // Apart: each opens a case for Łukasz (the same CHAIN number), and works on it.
    const here = await office.workspace.cases.create(referral())
    await office.workspace.cases.addNote(here, { date: '2026-11-20', type: 'face-to-face', text: 'Seen at the day centre (office).' })
    const there = await laptop.workspace.cases.create(referral({ clientName: 'Lukasz Wisniewski' }))
    await laptop.workspace.cases.addNote(there, { date: '2026-11-21', type: 'phone', text: 'Rang his sister in Bradford (laptop).' })
    await laptop.workspace.cases.change(there, (doc, context) => change.addAction(doc, 'action-1', { description: 'Book the coach', due: '2036-12-01' }, context.author, context))
    const scan = await laptop.workspace.attachments.add(there, { fileName: 'passport.png', bytes: markedPng('plain'), details: { type: 'identity', date: '2026-11-01', shareInPack: 'yes' } })
    expect(await office.workspace.cases.duplicatesOf(here)).toEqual([])

    for (const side of [office, laptop]) side.sync.start()
    await eventually(() => office.workspace.cases.list().length === 2 && laptop.workspace.cases.list().length === 2, 15_000, 'both cases on both laptops')
    expect((await office.workspace.cases.duplicatesOf(here)).map((other) => other.id)).toEqual([there])
    expect((await laptop.workspace.cases.duplicatesOf(there)).map((other) => other.id)).toEqual([here])
    // The case list marks both, on both laptops.
    const marked = (side: typeof office) => side.workspace.cases.list().filter((entry) => entry.possibleDuplicate).map((entry) => entry.id).sort()
    expect(marked(office)).toEqual([here, there].sort())
    expect(marked(laptop)).toEqual([here, there].sort())

    await office.workspace.cases.merge(here, there)
    const kept = await office.workspace.cases.read(here)
    expect(kept.notes.map((note) => note.text).sort()).toEqual(['Rang his sister in Bradford (laptop).', 'Seen at the day centre (office).'])
    expect(kept.actions['action-1']).toMatchObject({ description: 'Book the coach' })
    expect(kept.attachments[scan]).toMatchObject({ fileName: 'passport.png' })
    expect((await office.workspace.attachments.read(here, scan)).mediaType).toBe('image/png')
    expect(kept.phaseHistory.filter((entry) => entry.kind === 'opened')).toHaveLength(2)
    expect(kept.phaseHistory.at(-1)).toMatchObject({ kind: 'merged' })
    const merged = await office.workspace.cases.read(there)
    expect(merged).toMatchObject({ status: 'closed', mergedInto: here })
    expect(await office.workspace.cases.duplicatesOf(here)).toEqual([])

    // The other laptop sees the merge, and no longer flags anything.
    await eventually(async () => (await laptop.workspace.cases.read(there)).mergedInto === here, 15_000, 'the merge on the laptop')
    await eventually(async () => (await laptop.workspace.cases.read(here)).notes.length === 2, 15_000, 'the merged notes on the laptop')
    expect(await laptop.workspace.cases.duplicatesOf(here)).toEqual([])
    expect(marked(laptop)).toEqual([])
    expect((await laptop.workspace.attachments.read(here, scan)).fileName).toBe('passport.png')

    // Two different people are not merged.
    const other = await office.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '999000', dateOfBirth: '1990-01-01' }))
    expect(marked(office)).toEqual([])
    await expect(office.workspace.cases.merge(here, other)).rejects.toThrow(/Only two open cases of the same person/)
  })
})

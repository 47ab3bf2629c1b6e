import { MessageChannel } from 'node:worker_threads'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import * as Automerge from '@automerge/automerge'
import type { DocumentId } from '@automerge/automerge-repo'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { DuplicateCaseError } from '../../src/main/core/errors'
import { authoredBy } from '../../src/shared/authorship'
import * as change from '../../src/shared/case/changes'
import { CASE_SCHEMA_VERSION, readCase, type CaseDoc } from '../../src/shared/case/case-doc'
import { PARTS_ADDED } from '../../src/shared/case/added-parts'
import { agreedActions, FIRST_ACTION_ID } from '../../src/shared/case/partner-actions'
import { ValidationError } from '../../src/shared/validation'
import { AMINA, DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const NOW = new Date('2026-11-23T10:00:00Z')

describe('casework in the core', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  async function workspace(user = AMINA): Promise<Workspace> {
    const dir = tempDir('casework')
    const opened = await openWorkspace({ dataDir: dir.path, user, now: () => NOW })
    cleanups.push(dir.remove, () => opened.close())
    return opened
  }

  it('warns of a duplicate client before opening a second case, and opens it when told to', async () => {
    const ws = await workspace()
    const first = await ws.cases.create(referral())
    const sameName = referral({ clientName: 'LUKASZ WISNIEWSKI', chainNumber: '' })
    const error = await ws.cases.create(sameName).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(DuplicateCaseError)
    expect((error as DuplicateCaseError).matches.map((match) => match.id)).toEqual([first])
    expect(await ws.cases.create(referral({ clientName: 'Someone Else', chainNumber: '123456' })).catch((e: Error) => e.name)).toBe('DuplicateCaseError')
    const second = await ws.cases.create(sameName, { allowDuplicate: true })
    expect(ws.cases.list().map((row) => row.id).sort()).toEqual([first, second].sort())
  })

  it("finds a referral under one of a case's other names as a possible duplicate, flagged on both and mergeable", async () => {
    const ws = await workspace()
    const first = await ws.cases.create(referral({ chainNumber: '' }))
    await ws.cases.change(first, (doc, context) => change.updateSection(doc, 'contact', { aliases: 'Luke W, Lukas Wisniewsky' }, context))
    const underAlias = referral({ clientName: 'LUKE W', chainNumber: '' })
    const error = await ws.cases.create(underAlias).catch((caught: unknown) => caught)
    expect((error as DuplicateCaseError).matches.map((match) => match.id)).toEqual([first])
    expect(await ws.cases.create(referral({ clientName: 'Luke W', dateOfBirth: '1984-05-18', chainNumber: '' }), { allowDuplicate: false })).toBeTruthy()

    const second = await ws.cases.create(underAlias, { allowDuplicate: true })
    expect((await ws.cases.duplicatesOf(second)).map((match) => match.id)).toEqual([first])
    expect(ws.cases.list().filter((row) => row.possibleDuplicate).map((row) => row.id).sort()).toEqual([first, second].sort())
    await ws.cases.merge(first, second)
    expect((await ws.cases.read(second)).status).toBe('closed')
  })

  it('takes a full Tool 3 referral, and refuses an unknown field by name', async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral({ criterionMultipleNeeds: 'yes', siteUsuallySeen: 'Whitechapel Road, mornings', referralDate: '2026-11-20' }))
    expect((await ws.cases.read(id)).referral).toMatchObject({ criterionMultipleNeeds: 'yes', siteUsuallySeen: 'Whitechapel Road, mornings', status: 'received' })
    const error = await ws.cases.create(referral({ chainNumber: '999', dob: '1980-01-01' })).catch((caught: unknown) => caught)
    expect((error as ValidationError).issues).toEqual([{ field: 'dob', message: '"dob" is not a field of the referral' }])
  })

  it('moves a whole case to another workspace under a new id, with its notes and history', async () => {
    const source = await workspace()
    const id = await source.cases.create(referral())
    await source.cases.addNote(id, { date: '2026-11-20', type: 'phone', text: 'Sister in Bradford called back.' })
    await source.cases.change(id, (doc, context) => change.updateSection(doc, 'plan', { destination: 'E08000032' }, context))
    const shown = JSON.parse(JSON.stringify(await source.cases.read(id)))

    const target = await workspace(DEREK)
    const copy = await target.cases.importCase(shown)
    expect(copy).not.toBe(id)
    expect(await target.cases.read(copy)).toEqual(shown)
    expect(target.cases.search('bradford').map((hit) => hit.id)).toEqual([copy])
    const broken = await target.cases.importCase({ ...shown, phase: 'somewhere' }).catch((caught: unknown) => caught)
    expect((broken as ValidationError).issues[0]?.field).toBe('phase')
    // A value its form would refuse is refused from a file too, in the form's words.
    const badPhone = await target.cases.importCase({ ...shown, contact: { phone: '12' } }).catch((caught: unknown) => caught)
    expect((badPhone as ValidationError).issues).toEqual([{ field: 'contact.phone', message: expect.stringMatching(/^Phone number/) }])
    // A file printed by the previous version (schema 2, before scanned documents) is read too.
    const { attachments: _a, generatedDocuments: _g, ...older } = shown
    const fromOlder = await target.cases.importCase({ ...older, schemaVersion: 2 })
    expect(await target.cases.read(fromOlder)).toEqual(shown)
    // And one printed before the casework record around the toolkit (schema 3): its parts come empty.
    const fromSchema3 = Object.fromEntries(Object.entries(shown).filter(([key]) => !PARTS_ADDED[4]!.includes(key)))
    expect(await target.cases.read(await target.cases.importCase({ ...fromSchema3, schemaVersion: 3 }))).toEqual(shown)
    const newer = await target.cases.importCase({ ...shown, schemaVersion: CASE_SCHEMA_VERSION + 1 }).catch((caught: unknown) => caught)
    expect((newer as Error).message).toMatch(/newer version/)
  })

  it("moves a case's onward referrals with every action agreed on them, reads a schema 5 file's one action as the first, and refuses an action on a referral it does not hold", async () => {
    const source = await workspace()
    const id = await source.cases.create(referral())
    await source.cases.change(id, (doc, context) => {
      change.addItem(doc, 'onwardReferrals', 'r', { agency: 'Bradford Floating Support', madeOn: '2026-11-10', reason: 'Settling in', outcome: 'accepted' }, context)
      change.addPartnerAction(doc, 'r', 'p1', { partnerAction: 'First visit at the flat', partnerActionDue: '2026-11-20' }, context)
      change.addPartnerAction(doc, 'r', 'p2', { partnerAction: 'Key worker named', partnerActionDue: '2026-11-25', partnerActionDoneOn: '2026-11-21' }, context)
    })
    const shown = JSON.parse(JSON.stringify(await source.cases.read(id)))
    const target = await workspace(DEREK)
    const copy = await target.cases.read(await target.cases.importCase(shown))
    expect(agreedActions(copy, 'r').map((action) => action.values.partnerAction)).toEqual(['First visit at the flat', 'Key worker named'])

    // A file from schema 5: its referral holds its one action itself, read as the first of its list.
    const { partnerActions: _list, ...schema5 } = shown
    const withOne = { ...schema5, schemaVersion: 5, onwardReferrals: { r: { ...shown.onwardReferrals.r, partnerAction: 'Tenancy sign-up', partnerActionDue: '2026-11-18' } } }
    const fromSchema5 = await target.cases.read(await target.cases.importCase(withOne))
    expect(agreedActions(fromSchema5, 'r')).toEqual([{ id: FIRST_ACTION_ID, referral: 'r', values: { partnerAction: 'Tenancy sign-up', partnerActionDue: '2026-11-18' } }])

    const stray = await target.cases.importCase({ ...shown, partnerActions: { ...shown.partnerActions, p3: { referral: 'elsewhere', partnerAction: 'Call back' } } }).catch((caught: unknown) => caught)
    expect((stray as ValidationError).issues).toEqual([{ field: 'Action agreed with a partner 3', message: 'the onward referral it was agreed on is not in this case' }])
    const early = await target.cases.importCase({ ...shown, partnerActions: { ...shown.partnerActions, p1: { ...shown.partnerActions.p1, partnerActionDue: '2026-11-01' } } }).catch((caught: unknown) => caught)
    expect((early as ValidationError).issues).toEqual([{ field: 'Action agreed with a partner 1', message: 'due by (01/11/2026) cannot be before the referral was made (10/11/2026)' }])
  })

  it('finds a client by another name they are known by, and refuses a bad phone number by name', async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral())
    await ws.cases.change(id, (doc, context) => change.updateSection(doc, 'contact', { aliases: 'Luke, Big Lukasz', preferredContact: 'text' }, context))
    expect(ws.cases.search('big lukasz').map((hit) => hit.id)).toEqual([id])
    const error = await ws.cases.change(id, (doc, context) => change.updateSection(doc, 'contact', { phone: '12345' }, context)).catch((caught: unknown) => caught)
    expect((error as ValidationError).issues[0]?.message).toMatch(/^Phone number /)
  })

  it('saves nothing of a change the rules refuse', async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral())
    const before = Automerge.getHeads((await ws.cases.open(id)).doc())
    await expect(ws.cases.change(id, (doc, context) => change.advancePhase(doc, 'x', context))).rejects.toThrow('The referral has not been accepted yet')
    await expect(ws.cases.change(id, (doc, context) => change.updateSection(doc, 'plan', { destination: 'Atlantis' }, context))).rejects.toThrow(
      ValidationError,
    )
    expect(Automerge.getHeads((await ws.cases.open(id)).doc())).toEqual(before)
  })

  it("writes learning points to the team's log and ticks Step 11", async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral())
    await expect(ws.cases.addLearningPoint(id, '   ')).rejects.toThrow(ValidationError)
    await ws.cases.addLearningPoint(id, 'Early contact with Bradford made the presentation quick.')
    expect((await ws.cases.read(id)).closure.learningPointsLoggedOn).toBe('2026-11-23')
  })

  it('refers a closed case again as a new, linked case', async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral())
    await expect(ws.cases.reRefer(id)).rejects.toThrow('Only a closed case can be referred again')
    await ws.cases.change(id, (doc, context) => change.closeCase(doc, { type: 'no-progress', details: 'No contact since August', on: '2026-11-23', id: 'c' }, context))
    const again = await ws.cases.reRefer(id)
    expect((await ws.cases.read(again)).previousCaseId).toBe(id)
    expect((await ws.cases.read(id)).reReferredAs).toBe(again)
    expect((await ws.cases.read(again)).referral).toMatchObject({ clientName: 'Łukasz Wiśniewski', status: 'received' })
  })
})

describe('two cores editing the same case at once', () => {
  it('keep both sets of notes and actions, and one phase with both moves in its history', async () => {
    const dirs = [tempDir('core-a'), tempDir('core-b')]
    const a = await openWorkspace({ dataDir: dirs[0]!.path, user: AMINA, now: () => NOW })
    const b = await openWorkspace({ dataDir: dirs[1]!.path, user: DEREK, now: () => NOW })
    const connect = async () => {
      const { port1, port2 } = new MessageChannel()
      const adapters = [
        new MessageChannelNetworkAdapter(port1 as unknown as ConstructorParameters<typeof MessageChannelNetworkAdapter>[0]),
        new MessageChannelNetworkAdapter(port2 as unknown as ConstructorParameters<typeof MessageChannelNetworkAdapter>[0]),
      ] as const
      a.repo.networkSubsystem.addNetworkAdapter(adapters[0])
      b.repo.networkSubsystem.addNetworkAdapter(adapters[1])
      await expect.poll(() => [a.repo.peers.length, b.repo.peers.length]).toEqual([1, 1])
      return () => {
        adapters.forEach((adapter) => adapter.disconnect())
        a.repo.networkSubsystem.removeNetworkAdapter(adapters[0])
        b.repo.networkSubsystem.removeNetworkAdapter(adapters[1])
        port1.close()
      }
    }
    try {
      const id = await a.cases.create(referral())
      await a.cases.change(id, (doc, context) => {
        change.updateSection(doc, 'referral', { criterionLocalConnection: 'yes', criterionRoughSleeping: 'bedded-down', criterionMultipleNeeds: 'yes' }, context)
        change.acceptReferral(doc, '2026-11-20', context)
        change.advancePhase(doc, 'to-allocate', context)
        change.allocate(doc, AMINA, '2026-11-20', context)
        change.advancePhase(doc, 'to-engage', context)
      })
      let disconnect = await connect()
      const onB = await b.repo.find<CaseDoc>(id as DocumentId)
      expect(readCase(onB.doc()).phase).toBe('engage')
      disconnect()

      // Apart: Amina records consent and moves the case on; Derek moves it back.
      await a.cases.addNote(id, { date: '2026-11-22', type: 'face-to-face', text: 'Amina met the client at the day centre.' })
      await a.cases.change(id, (doc, context) => {
        change.addAction(doc, 'action-a', { description: 'Find birth certificate', due: '2026-11-30' }, AMINA, context)
        change.updateSection(doc, 'engagement', { consentToRecord: 'yes' }, context)
        change.advancePhase(doc, 'forward-by-amina', context)
      })
      const context = { author: DEREK, role: 'manager' as const, now: NOW, today: '2026-11-23' }
      onB.change((doc) => {
        change.addNote(doc, { date: '2026-11-22', type: 'with-agency', text: 'Derek spoke to the outreach team.' }, { ...context, id: 'note-b' })
        change.addAction(doc, 'action-b', { description: 'Call Bradford Housing Options', due: '2026-11-28' }, DEREK, context)
        change.movePhaseBack(doc, 'back-by-derek', 'Lead caseworker is on leave', context)
      }, authoredBy(DEREK, NOW))

      disconnect = await connect()
      const onA = await a.cases.open(id)
      await expect.poll(() => Automerge.equals(onA.doc(), onB.doc()), { timeout: 10_000 }).toBe(true)
      disconnect()

      const merged = readCase(onA.doc())
      expect(merged.notes.map((note) => note.text).sort()).toEqual(['Amina met the client at the day centre.', 'Derek spoke to the outreach team.'])
      expect(Object.keys(merged.actions).sort()).toEqual(['action-a', 'action-b'])
      expect(['reconnection-planning', 'allocate']).toContain(merged.phase)
      expect(merged.phaseHistory.map((entry) => entry.id)).toEqual(expect.arrayContaining(['forward-by-amina', 'back-by-derek']))
      // Derek's note, made on the other laptop, is searchable in Amina's core.
      await expect.poll(() => a.cases.search('outreach team').map((hit) => hit.id)).toEqual([id])
    } finally {
      await a.close()
      await b.close()
      dirs.forEach((dir) => dir.remove())
    }
  })
})

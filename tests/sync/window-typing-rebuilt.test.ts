import { MessageChannel } from 'node:worker_threads'
import { Repo, type DocHandle, type DocumentId, type PeerId } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import { afterEach, describe, expect, it } from 'vitest'
import { windowPortAdapter } from '../../src/main/core/network/window-port'
import type { Workspace } from '../../src/main/core/workspace'
import { carryOverTyping } from '../../src/renderer/platform/carry-over'
import { WINDOW_PEER_PREFIX, type FollowedCorrection } from '../../src/shared/api'
import { authoredBy } from '../../src/shared/authorship'
import { addNote } from '../../src/shared/case/changes'
import { readCase, type CaseDoc } from '../../src/shared/case/case-doc'
import { isoDateOf } from '../../src/shared/dates'
import { agendaInOrder, readMeeting, recordDiscussion, type MeetingDoc } from '../../src/shared/meeting/meeting-doc'
import { likeMessagePortMain } from '../support/message-port-main'
import { AMINA, referral } from '../support/people'
import { eventually, syncAll, type Laptop, TestTeam } from '../support/sync-team'

const SAID = 'Aoife is settled at the hostel.'
const TYPED_AS_REBUILT = ' She moves to her own flat on Friday.'
const TYPED_LATER = ' Ring her on Tuesday.'

/** A window onto a laptop's core, as the desktop app's (its own repo over a MessagePort); closed by the returned function. */
function windowOnto(workspace: Workspace): { repo: Repo; close: () => Promise<void> } {
  const { port1, port2 } = new MessageChannel()
  workspace.repo.networkSubsystem.addNetworkAdapter(windowPortAdapter(likeMessagePortMain(port1)))
  const repo = new Repo({
    network: [new MessageChannelNetworkAdapter(port2 as unknown as ConstructorParameters<typeof MessageChannelNetworkAdapter>[0])],
    peerId: `${WINDOW_PEER_PREFIX}test` as PeerId,
  })
  return {
    repo,
    close: async () => {
      await repo.shutdown()
      port1.close()
    },
  }
}

/** What the laptop's core answers a page open on the old id once it has let go of it (the window's `caseCorrection`). */
async function followedOn(laptop: Laptop, oldId: string, ...others: Laptop[]): Promise<FollowedCorrection> {
  let followed: FollowedCorrection | undefined
  await eventually(async () => {
    await syncAll(laptop, ...others)
    followed = (await laptop.workspace.correctedCases.followedCorrectionOf(oldId)).followed
    return followed !== undefined
  }, 20_000, 'the laptop following the rebuilt document')
  return followed!
}

/** The meeting as a laptop's core holds it, read without opening it through the core (which would tidy it). */
async function heldMeeting(workspace: Workspace, meetingId: string) {
  return readMeeting((await workspace.repo.find<MeetingDoc>(meetingId as DocumentId)).doc())
}

describe('a window open on a document as it is rebuilt under a new id', () => {
  let team: TestTeam | undefined
  let window: { close: () => Promise<void> } | undefined
  afterEach(async () => {
    await window?.close()
    await team?.cleanup()
    team = undefined
    window = undefined
  })

  it('carries what was typed into the meeting, after the laptop let go of the old copy, onto the rebuilt meeting, once, and never the erased case’s words', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const erasedId = await manager.workspace.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
    const other = await manager.workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    const meetingId = await manager.workspace.meetings.start()
    await eventually(async () => {
      await syncAll(manager, a)
      return a.workspace.meetings.list().length === 1 && a.workspace.cases.list().length === 2
    }, 15_000, 'the meeting and both cases on A')

    // A's page on the meeting: its window types about Aoife, and the core has it.
    const opened = windowOnto(a.workspace)
    window = opened
    const page = await opened.repo.find<MeetingDoc>(meetingId as DocumentId)
    const agenda = agendaInOrder(readMeeting(page.doc()))
    const item = agenda.find((entry) => entry.caseId === other)!
    const erasedItem = agenda.find((entry) => entry.caseId === erasedId)!
    const type = (itemId: string, text: string) => page.change((doc) => recordDiscussion(doc, itemId, 'discussion', text), authoredBy(AMINA))
    type(item.id, SAID)
    await eventually(async () => (await heldMeeting(a.workspace, meetingId)).agenda[item.id]?.discussion === SAID, 10_000, 'the discussion in A’s core')

    // The manager erases Zofia's case: the server rebuilds the meeting; A's core replays its copy and deletes it.
    await manager.workspace.erasedCases.erase(erasedId, 'The client asked to be forgotten', { waitMs: 5000 })
    const followed = await followedOn(a, meetingId, manager)
    expect(followed.erasedCase).toBe(erasedId)
    const newId = followed.replacedBy

    // The page is still on the old meeting, and the caseworker types on, about both.
    type(item.id, `${SAID}${TYPED_AS_REBUILT}`)
    type(erasedItem.id, 'Zofia has a sister in Leeds')
    await carryOverTyping(opened.repo, meetingId, followed, AMINA)
    // One more keystroke in the moment before the page moves on: it goes after the rest.
    type(item.id, `${SAID}${TYPED_AS_REBUILT}${TYPED_LATER}`)

    const whole = `${SAID}${TYPED_AS_REBUILT}${TYPED_LATER}`
    for (const laptop of [a, manager]) {
      await eventually(async () => {
        await syncAll(a, manager)
        return (await heldMeeting(laptop.workspace, newId)).agenda[item.id]?.discussion === whole
      }, 15_000, 'what was typed, on the rebuilt meeting')
      const rebuilt = await heldMeeting(laptop.workspace, newId)
      // Once: what the core replayed is not carried again.
      expect(rebuilt.agenda[item.id]!.discussion).toBe(whole)
      expect(rebuilt.agenda[erasedItem.id]!.discussion).toBeUndefined()
    }
    // What the window still sends of the old meeting is refused: the core never takes its history back.
    expect(a.workspace.repo.handles[meetingId as DocumentId]).toBeUndefined()
  }, 120_000)

  it('carries a note saved on the case’s page, after the laptop let go of the old copy, onto the corrected case, once, without the wrong value', async () => {
    team = await TestTeam.start()
    const manager = await team.create()
    const a = await team.join(AMINA)
    const caseId = await manager.workspace.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
    await eventually(async () => {
      await syncAll(manager, a)
      return a.workspace.cases.list().length === 1
    }, 15_000, 'the case on A')

    const opened = windowOnto(a.workspace)
    window = opened
    const page: DocHandle<CaseDoc> = await opened.repo.find<CaseDoc>(caseId as DocumentId)
    const today = isoDateOf(new Date())
    const context = (id: string) => ({ id, author: AMINA, role: 'caseworker' as const, now: new Date(), today })
    const save = (id: string, text: string) => page.change((doc) => addNote(doc, { date: today, type: 'phone', text }, context(id)), authoredBy(AMINA))
    save('note-before', 'Met at the day centre')
    await eventually(async () => (await a.workspace.cases.read(caseId)).notes.length === 1, 10_000, 'the first note in A’s core')

    const newId = await manager.workspace.correctedCases.correct(caseId, 'referral.chainNumber', '918237')
    const followed = await followedOn(a, caseId, manager)
    expect(followed).toMatchObject({ replacedBy: newId, field: 'referral.chainNumber' })

    save('note-after', 'Rang her sister in Leeds')
    await carryOverTyping(opened.repo, caseId, followed, AMINA)

    for (const laptop of [a, manager]) {
      await eventually(async () => {
        await syncAll(a, manager)
        return (await laptop.workspace.cases.read(newId)).notes.length === 2
      }, 15_000, 'the note saved as the case was corrected, on the new document')
      const record = await laptop.workspace.cases.read(newId)
      expect(record.notes.map((note) => note.text).sort()).toEqual(['Met at the day centre', 'Rang her sister in Leeds'])
      expect(record.referral.chainNumber).toBe('918237')
    }
    expect(readCase((await opened.repo.find<CaseDoc>(newId as DocumentId)).doc()).notes).toHaveLength(2)
    expect(a.workspace.repo.handles[caseId as DocumentId]).toBeUndefined()
  }, 120_000)
})

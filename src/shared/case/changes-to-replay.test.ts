import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { authoredBy } from '../authorship'
import { CASEWORKER, caseIn, edit, MANAGER, read, TODAY } from '../../../tests/support/cases'
import type { CaseDoc } from './case-doc'
import * as change from './changes'
import { replayFrom, windowReplayFrom, type UnstoredChange } from './changes-to-replay'
import { parseFieldPath, rebuiltCase } from './correct-value'
import { replayAfterCorrection } from './replay-after-correction'

const chain = parseFieldPath('referral.chainNumber')
const note = (id: string, text: string) => (d: CaseDoc) => change.addNote(d, { date: TODAY, type: 'phone', text }, { ...CASEWORKER, id })

/** The changes a copy made after `heads`, as the outbox keeps them until the server stores them. */
function madeSince(doc: Automerge.Doc<unknown>, heads: readonly string[]): UnstoredChange[] {
  return Automerge.getChangesMetaSince(doc, [...heads]).map((meta) => ({ hash: meta.hash, andBefore: false }))
}

describe('which changes a laptop replays onto a corrected case’s new document', () => {
  const wrong = edit(caseIn('engage'), (d) => change.updateSection(d, 'referral', { chainNumber: '9876543' }, CASEWORKER))
  // The team went on without laptop B: a note, then the correction, from heads B never had.
  const team = edit(Automerge.clone(wrong, { actor: 'aaaa' }), note('n-team', 'Housing Options rang back'))
  const corrected = Automerge.getHeads(team)
  const rebuilt = () => rebuiltCase(team, chain, '1234567', MANAGER)

  it('replays everything after the correction’s heads from a copy that holds them', () => {
    const ahead = edit(Automerge.clone(team, { actor: 'bbbb' }), note('n-b', 'Rang her sister in Leeds'))
    expect(replayFrom(ahead, corrected, [])).toEqual(corrected)
  })

  it('replays from a copy that was behind exactly its own changes the server never stored, once each', () => {
    const behind = edit(Automerge.clone(wrong, { actor: 'bbbb' }), note('n-b', 'Rang her sister in Leeds'))
    const offline = edit(behind, (d) => change.updateSection(d, 'plan', { earlyContactOutcome: 'Train to Leeds on Monday' }, CASEWORKER))
    const from = replayFrom(offline, corrected, madeSince(offline, Automerge.getHeads(wrong)))
    expect(from).toEqual(Automerge.getHeads(wrong))
    const { doc } = replayAfterCorrection(offline, from, rebuilt(), chain, authoredBy(CASEWORKER.author))
    expect(read(doc).notes.map((n) => n.text).sort()).toEqual(['Housing Options rang back', 'Rang her sister in Leeds'])
    expect(read(doc).plan).toMatchObject({ earlyContactOutcome: 'Train to Leeds on Monday' })
    expect(read(doc).referral.chainNumber).toBe('1234567')
  })

  it('never replays a change the server stored, its own or the team’s', () => {
    // B's first note reached the server before B fell behind: the correction holds it already.
    const stored = edit(Automerge.clone(wrong, { actor: 'bbbb' }), note('n-b1', 'Met at the day centre'))
    const offline = edit(Automerge.clone(stored), note('n-b2', 'Rang her sister in Leeds'))
    const teamWithIt = edit(Automerge.merge(Automerge.clone(team), stored), note('n-team2', 'Sister agreed to help'))
    const from = replayFrom(offline, Automerge.getHeads(teamWithIt), madeSince(offline, Automerge.getHeads(stored)))
    expect(from).toEqual(Automerge.getHeads(stored))
    const { doc } = replayAfterCorrection(offline, from, rebuiltCase(teamWithIt, chain, '1234567', MANAGER), chain, authoredBy(CASEWORKER.author))
    expect(read(doc).notes.map((n) => n.text).sort()).toEqual(['Housing Options rang back', 'Met at the day centre', 'Rang her sister in Leeds', 'Sister agreed to help'])
  })

  it('replays nothing from a copy behind with nothing unstored, nor its writing the old value back', () => {
    const behind = Automerge.clone(wrong, { actor: 'bbbb' })
    expect(replayFrom(behind, corrected, [])).toEqual(Automerge.getHeads(behind))
    const rewrote = edit(Automerge.clone(wrong, { actor: 'bbbb' }), (d) => {
      change.updateSection(d, 'referral', { chainNumber: '1111111' }, CASEWORKER)
      change.updateSection(d, 'referral', { chainNumber: '9876543' }, CASEWORKER)
    })
    const from = replayFrom(rewrote, corrected, madeSince(rewrote, Automerge.getHeads(wrong)))
    expect(read(replayAfterCorrection(rewrote, from, rebuilt(), chain, authoredBy(CASEWORKER.author)).doc).referral.chainNumber).toBe('1234567')
  })

  it('takes a whole document’s head for every change before it, and leaves out an own change the team’s depend on', () => {
    const offline = edit(Automerge.clone(wrong, { actor: 'bbbb' }), note('n-b', 'Rang her sister in Leeds'))
    expect(replayFrom(offline, corrected, [{ hash: Automerge.getHeads(offline)[0]!, andBefore: true }])).toEqual([])
    // A change of its own the server said nothing of (the answer lost), yet another change built on: stored after all.
    const own = madeSince(offline, Automerge.getHeads(wrong))
    const builtOn = edit(Automerge.clone(offline, { actor: 'cccc' }), note('n-c', 'Seen at the hostel'))
    expect(replayFrom(builtOn, corrected, own)).toEqual(Automerge.getHeads(builtOn))
  })
})

describe('which of a window’s changes to an old document it carries onto the new one', () => {
  const start = edit(Automerge.clone(caseIn('engage'), { actor: 'cccc' }), note('n-core', 'Referred by the outreach team'))
  // The window's copy: the core's, and a note it saved that reached the core.
  const saved = edit(Automerge.clone(start, { actor: 'dddd' }), note('n-w1', 'Met at the day centre'))
  // The core's copy had that, and a change of its own made on it that the window had not had yet.
  const core = edit(Automerge.merge(Automerge.clone(start, { actor: 'eeee' }), saved), note('n-core2', 'Housing Options rang back'))
  // Then the window saved another: the core never had it.
  const window = edit(saved, note('n-w2', 'Rang her sister in Leeds'))
  const held = (doc: Automerge.Doc<unknown>) => Automerge.getChangesMetaSince(doc, []).map((change) => change.hash)
  const carried = (from: readonly string[]) => JSON.stringify(Automerge.diff(window, [...from], Automerge.getHeads(window)))

  it('carries only its own changes the core never had, though the core had changes the window has not', () => {
    const from = windowReplayFrom(window, held(core), 'dddd')
    expect(from).toEqual(Automerge.getHeads(saved))
    expect(carried(from)).toContain('Rang her sister in Leeds')
    expect(carried(from)).not.toContain('Met at the day centre')
  })

  it('carries nothing the core had', () => {
    expect(windowReplayFrom(window, held(window), 'dddd')).toEqual(Automerge.getHeads(window))
  })

  it('carries every change of its own from a copy the core did not have at all', () => {
    expect(windowReplayFrom(window, [], 'dddd')).toEqual(Automerge.getHeads(start))
  })
})

import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { authoredBy } from '../authorship'
import { CASEWORKER, caseIn, edit, MANAGER, read } from '../../../tests/support/cases'
import * as change from './changes'
import { withAddedParts, PARTS_ADDED } from './added-parts'
import { parseFieldPath, rebuiltCase } from './correct-value'
import { toPlain, toStored } from '../automerge/registers'
import type { CaseDoc } from './case-doc'
import { replayAfterCorrection } from './replay-after-correction'

const chain = parseFieldPath('referral.chainNumber')

describe('a laptop offline during a correction replays its own later changes onto the new document', () => {
  const wrong = edit(caseIn('engage'), (d) => change.updateSection(d, 'referral', { chainNumber: '9876543' }, CASEWORKER))
  const heads = Automerge.getHeads(wrong)
  // Each test its own: a document changed once is outdated.
  const rebuilt = () => rebuiltCase(wrong, chain, '1234567', MANAGER)

  it('keeps what it typed after the heads the new document was made from', () => {
    const offline = edit(Automerge.clone(wrong), (d) => change.updateSection(d, 'plan', { earlyContactOutcome: 'Train to Leeds on Monday' }, CASEWORKER))
    const { doc } = replayAfterCorrection(offline, heads, rebuilt(), chain, authoredBy(CASEWORKER.author))
    expect(read(doc).plan).toMatchObject({ earlyContactOutcome: 'Train to Leeds on Monday' })
    expect(read(doc).referral.chainNumber).toBe('1234567')
  })

  it('drops a change that writes the old value back, and changes nothing when there was none', () => {
    const rewrote = edit(Automerge.clone(wrong), (d) => {
      change.updateSection(d, 'referral', { chainNumber: '1111111' }, CASEWORKER)
      change.updateSection(d, 'referral', { chainNumber: '9876543' }, CASEWORKER)
    })
    const { doc } = replayAfterCorrection(rewrote, heads, rebuilt(), chain, authoredBy(CASEWORKER.author))
    expect(read(doc).referral.chainNumber).toBe('1234567')
    const fresh = rebuilt()
    expect(replayAfterCorrection(wrong, heads, fresh, chain, authoredBy(CASEWORKER.author)).doc).toBe(fresh)
  })
})

describe('a change the new document already holds (stored by the server, its reply lost)', () => {
  const wrong = edit(caseIn('engage'), (d) => change.updateSection(d, 'referral', { chainNumber: '9876543' }, CASEWORKER))
  const heads = Automerge.getHeads(wrong)
  const noted = edit(Automerge.clone(wrong), (d) => change.addNote(d, { date: '2026-11-23', type: 'phone', text: 'Rang her sister in Leeds' }, { ...CASEWORKER, id: 'n-1' }))
  const stored = (d: CaseDoc) => d.notes.map((note) => `${note.id.val}: ${note.text.val}`)

  it('is not written twice: a note with its id and words already there stays once, and the rest is replayed', () => {
    // The server rebuilt the case with the note; the laptop replays it as unstored, and what it wrote after.
    const fresh = rebuiltCase(noted, chain, '1234567', MANAGER)
    const later = edit(Automerge.clone(noted), (d) => change.updateSection(d, 'plan', { earlyContactOutcome: 'Train to Leeds on Monday' }, CASEWORKER))
    const { doc } = replayAfterCorrection(later, heads, fresh, chain, authoredBy(CASEWORKER.author))
    expect(stored(doc)).toEqual(['n-1: Rang her sister in Leeds'])
    expect(read(doc).plan).toMatchObject({ earlyContactOutcome: 'Train to Leeds on Monday' })
  })

  it('changes nothing when all of it is there', () => {
    const fresh = rebuiltCase(noted, chain, '1234567', MANAGER)
    expect(replayAfterCorrection(noted, heads, fresh, chain, authoredBy(CASEWORKER.author)).doc).toBe(fresh)
  })

  it('is replayed when only the id is taken: another’s words under it are kept, not hidden', () => {
    const other = edit(Automerge.clone(wrong), (d) => change.addNote(d, { date: '2026-11-23', type: 'phone', text: 'Met at the day centre' }, { ...CASEWORKER, id: 'n-1' }))
    const { doc } = replayAfterCorrection(noted, heads, rebuiltCase(other, chain, '1234567', MANAGER), chain, authoredBy(CASEWORKER.author))
    expect(stored(doc).sort()).toEqual(['n-1: Met at the day centre', 'n-1: Rang her sister in Leeds'])
  })
})

describe('a laptop that brought an older case to a newer schema while offline during its correction', () => {
  it("replays what it wrote into the newer schema's parts without replacing the new document's parts", () => {
    const plain = toPlain<Record<string, unknown>>(caseIn('engage'))
    for (const part of PARTS_ADDED[4]!) delete plain[part]
    const old = Automerge.from(toStored({ ...plain, schemaVersion: 3 })) as unknown as Automerge.Doc<CaseDoc>
    const heads = Automerge.getHeads(old)
    const raw = (doc: CaseDoc) => doc as unknown as Record<string, Record<string, unknown>>
    // The new document already holds something in a new part (written after the correction).
    const fresh = Automerge.change(rebuiltCase(old, chain, '1234567', MANAGER), (d) => {
      raw(d).contact!.fromTheTeam = 'kept'
    })
    const offline = Automerge.change(withAddedParts(Automerge.clone(old)), (d) => {
      change.updateSection(d, 'plan', { earlyContactOutcome: 'Train to Leeds on Monday' }, CASEWORKER)
      raw(d).contact!.fromThisLaptop = 'replayed'
    })
    const { doc } = replayAfterCorrection(offline, heads, fresh, chain, authoredBy(CASEWORKER.author))
    expect(toPlain(raw(doc).contact as never)).toEqual({ fromTheTeam: 'kept', fromThisLaptop: 'replayed' })
    expect(read(doc).plan).toMatchObject({ earlyContactOutcome: 'Train to Leeds on Monday' })
  })
})

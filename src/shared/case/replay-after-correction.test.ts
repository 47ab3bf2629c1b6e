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

import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { authoredBy } from '../authorship'
import { CASEWORKER, caseIn, edit, MANAGER, read } from '../../../tests/support/cases'
import * as change from './changes'
import { parseFieldPath, rebuiltCase } from './correct-value'
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

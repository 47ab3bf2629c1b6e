import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { authoredBy } from '../authorship'
import { BRADFORD, caseIn, CASEWORKER, MANAGER } from '../../../tests/support/cases'
import * as change from './changes'
import { choicesMade } from './chosen-values'
import type { CaseDoc } from './record'

const by = (context: change.ChangeContext, doc: Automerge.Doc<CaseDoc>, fn: (d: CaseDoc) => void) => Automerge.change(doc, authoredBy(context.author, context.now), fn)

/** Two laptops save `fn`'s two values before either saw the other's change. */
function atOnce(base: Automerge.Doc<CaseDoc>, one: (d: CaseDoc) => void, two: (d: CaseDoc) => void) {
  return Automerge.merge(by(CASEWORKER, Automerge.clone(base), one), by(MANAGER, Automerge.clone(base), two))
}

const lastChange = (doc: Automerge.Doc<CaseDoc>) => Automerge.decodeChange(Automerge.getLastLocalChange(doc)!).hash

describe('what a choice between values saved at once is called in the case’s history', () => {
  it('names the value kept, the field and how many values there were', () => {
    const both = atOnce(
      caseIn('engage'),
      (d) => change.updateSection(d, 'referral', { chainNumber: '1111111' }, CASEWORKER),
      (d) => change.updateSection(d, 'referral', { chainNumber: '2222222' }, MANAGER),
    )
    const chosen = by(CASEWORKER, both, (d) => change.chooseValue(d, 'referral', 'chainNumber', '1111111', CASEWORKER))
    expect(choicesMade(chosen)).toEqual(new Map([[lastChange(chosen), ['Kept “1111111” for CHAIN number (from 2 values saved at once)']]]))
  })

  it('names the item of a list, and shows the value as the form does', () => {
    const base = by(CASEWORKER, caseIn('engage'), (d) =>
      change.addItem(d, 'addresses', 'address-1', { address: '4 Manor Row', localAuthority: BRADFORD, kind: 'own-tenancy', from: '2022-01-10' }, CASEWORKER),
    )
    const both = atOnce(
      base,
      (d) => change.updateItem(d, 'addresses', 'address-1', { kind: 'with-family' }, CASEWORKER),
      (d) => change.updateItem(d, 'addresses', 'address-1', { kind: 'supported' }, MANAGER),
    )
    const chosen = by(MANAGER, both, (d) => change.chooseItemValue(d, 'addresses', 'address-1', 'kind', 'supported', MANAGER))
    expect(choicesMade(chosen).get(lastChange(chosen))).toEqual(['Kept “Hostel or supported housing” for Type of stay, in an address (from 2 values saved at once)'])
  })

  it('says nothing of ordinary changes', () => {
    const doc = by(CASEWORKER, caseIn('engage'), (d) => change.updateSection(d, 'referral', { chainNumber: '1111111' }, CASEWORKER))
    expect(choicesMade(doc).size).toBe(0)
  })
})

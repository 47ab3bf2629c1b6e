import { describe, expect, it } from 'vitest'
import { BRADFORD, CASEWORKER, edit, newCase, nextId, read } from '../../../tests/support/cases'
import * as change from './changes'
import { planPack } from './presentation-pack'
import type { PaperworkSettings } from '../team/settings'

const SETTINGS: PaperworkSettings = {
  letterhead: { organisation: 'Homeward Trust', teamName: 'Safe Connections', address: '1 High Street\nLondon E1 1AA', phone: '020 7946 0000', email: 'team@example.org' },
  housingOptions: {},
  agencies: {},
}

/** A case whose pack can be made, with the plan's answers and scanned documents of the types given. */
function caseWith(plan: Record<string, unknown>, types: string[] = []) {
  let doc = edit(newCase(), (d) => change.updateSection(d, 'plan', { destination: BRADFORD, packConsent: 'yes', packHealthConsent: 'yes', ...plan }, CASEWORKER))
  for (const type of types) {
    doc = edit(doc, (d) =>
      change.addAttachment(d, nextId(), { fileName: `${type}.pdf`, mediaType: 'application/pdf', size: 10, sha256: 'a'.repeat(64), pages: 1 }, { type, date: '2026-10-01', shareInPack: 'yes' }, CASEWORKER),
    )
  }
  return read(doc)
}

describe('warnings before making a presentation pack', () => {
  it('names each piece of the toolkit’s evidence not in the pack, and says so when the plan has it gathered', () => {
    const plan = planPack(caseWith({ docIdentity: 'gathered', docBenefits: 'not-applicable', docPriorityNeed: 'to-get' }, ['address-history', 'medical']), SETTINGS)
    expect(plan.problems).toEqual([])
    expect(plan.warnings).toEqual([
      'ID or birth certificate is not in the pack, though the plan says it is gathered: add a scan of it under Documents',
      'Evidence of priority need is not in the pack',
    ])
  })

  it('warns of nothing when all the evidence is in', () => {
    const record = caseWith({}, ['identity', 'benefits', 'medical', 'address-history', 'priority-need'])
    expect(planPack(record, SETTINGS).warnings).toEqual([])
  })

  it('does not ask for medical information the client has not agreed to share', () => {
    const record = caseWith({ packHealthConsent: 'no' }, ['identity', 'benefits', 'medical', 'address-history', 'priority-need'])
    expect(planPack(record, SETTINGS).warnings).toEqual([])
  })

  it('warns when the letter says "enclosed" and nothing is enclosed', () => {
    const record = caseWith({ priorityNeed: 'Vulnerable because of depression: GP letter enclosed.', presentationArrangements: 'We will arrive for 10am.' })
    expect(planPack(record, SETTINGS).warnings).toContain('The letter\'s "Priority need" says "enclosed", but nothing is enclosed')
    // Left out this time, the only document leaves nothing enclosed.
    const withOne = caseWith({ priorityNeed: 'Letter attached.' }, ['priority-need'])
    expect(planPack(withOne, SETTINGS).warnings.filter((warning) => warning.startsWith('The letter'))).toEqual([])
    const id = Object.keys(withOne.attachments)[0]!
    expect(planPack(withOne, SETTINGS, new Set([id])).warnings).toContain('The letter\'s "Priority need" says "attached", but nothing is enclosed')
  })

  it('warns of a pack made for a day already past, naming the client and the day', () => {
    const record = caseWith({}, ['identity', 'benefits', 'medical', 'address-history', 'priority-need'])
    record.referral.clientName = 'Emma Ward'
    record.reconnectionDay.date = '2026-05-28'
    expect(planPack(record, SETTINGS, new Set(), '2026-05-29').warnings).toEqual(['The day Emma presents, 28 May 2026, has passed: check the date before sending'])
    expect(planPack(record, SETTINGS, new Set(), '2026-05-28').warnings).toEqual([])
    expect(planPack(record, SETTINGS, new Set(), '2026-05-27').warnings).toEqual([])
  })
})

describe('a closed case', () => {
  it('makes no presentation pack, whatever it has ready', () => {
    const ready = caseWith({}, ['identity', 'benefits', 'medical', 'address-history', 'priority-need'])
    expect(planPack(ready, SETTINGS).problems).toEqual([])
    const closed = { ...ready, status: 'closed' as const }
    expect(planPack(closed, SETTINGS).problems).toEqual(['The case is closed: no presentation pack is made for it. Reopen the case to make one'])
  })
})

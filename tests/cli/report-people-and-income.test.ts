import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { formatUkDate, isoDateOf } from '../../src/shared/dates'
import { builtEntry } from '../support/built'
import { homeward } from '../support/cli-server'
import { pdfText, qpdfCheck } from '../support/pdf-tools'
import { DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

// The command reads the real clock, so the cases are made and closed today.
const today = isoDateOf(new Date())

describe('the report on a seeded set with known answers: people, not cases; income and employment, first to last', () => {
  const dir = tempDir('cli-report-people')
  const data = join(dir.path, 'workspace')

  beforeAll(async () => {
    builtEntry('cli')
    const ws = await openWorkspace({ dataDir: data })
    ws.team.setProfile({ name: DEREK.name })
    const accept = (id: string) =>
      ws.cases.change(id, (doc, context) => {
        change.updateSection(doc, 'referral', { criterionLocalConnection: 'yes', criterionRoughSleeping: 'living-on-street', criterionMultipleNeeds: 'yes' }, context)
        change.acceptReferral(doc, today, context)
      })
    // Olwen: first assessed in high need of money and work, in neither; by closure low need for
    // money, in paid work, benefits claimed. Then referred again: one person, two cases.
    const olwen = await ws.cases.create(referral({ clientName: 'Olwen Pryce', chainNumber: '' }))
    await accept(olwen)
    await ws.cases.change(olwen, (doc, context) =>
      change.updateSection(doc, 'needs', { moneyLevel: 'high', educationAndWorkLevel: 'high', workOrTraining: 'none' }, context),
    )
    await ws.cases.change(olwen, (doc, context) =>
      change.updateSection(doc, 'needs', { moneyLevel: 'low', workOrTraining: 'employed', benefitClaims: 'Universal Credit, paid monthly.' }, context),
    )
    await ws.cases.change(olwen, (doc, context) => change.closeCase(doc, { type: 'unplanned', unplannedReason: 'disengaged', on: today, id: 'closed' }, context))
    await accept(await ws.cases.reRefer(olwen))
    // Dylan: another person, open.
    await accept(await ws.cases.create(referral({ clientName: 'Dylan Hughes', chainNumber: '', dateOfBirth: '1990-02-03' })))
    await ws.close()
  }, 60_000)
  afterAll(() => dir.remove())

  it('counts three cases of two people as two people supported, and Olwen into work with less need for money', () => {
    const printed = homeward('report', '--data', data, '--from', formatUkDate(today), '--to', formatUkDate(today), '--json')
    expect(printed.err).toBe('')
    const report = JSON.parse(printed.out) as { sections: { id: string; basis: string; figures: { label: string; value: number; level: number }[] }[] }
    const section = (id: string) => report.sections.find((s) => s.id === id)!
    const values = (id: string) => section(id).figures.map((f) => [f.label, f.value])
    expect(values('supported')).toEqual([
      ['People supported in the period (open at any time in it)', 2],
      ['Taken on before the period', 0],
      ['Taken on in the period', 2],
      [`People supported on ${formatUkDate(today)}`, 2],
    ])
    expect(section('supported').basis).toContain('A person referred again is counted once')
    expect(values('income-and-work')).toEqual([
      ["The client's financial situation checked (intensive support)", 0],
      ['Benefit claims recorded at closure', 1],
      ['Not recorded when the needs were first assessed', 1],
      ['Finances and benefits: level of need, first assessed to closure', 1],
      ['Less need', 1],
      ['The same level', 0],
      ['More need', 0],
      ['Not assessed', 0],
      ['In work or training: first recorded to closure', 1],
      ['Into work or training', 1],
      ['In work or training, first and last', 0],
      ['No longer in work or training', 0],
      ['In neither, first or last', 0],
      ['Not recorded', 0],
      ['In work: a job started since the referral', 0],
      ['Basic skills, training and employment: level of need, first assessed to closure', 1],
      ['Less need', 0],
      ['The same level', 1],
      ['More need', 0],
      ['Not assessed', 0],
    ])
  }, 60_000)

  it('prints the same in the PDF, read back with pdftotext', () => {
    const pdf = join(dir.path, 'report.pdf')
    const made = homeward('report', '--data', data, '--from', formatUkDate(today), '--to', formatUkDate(today), '--format', 'pdf', '--out', pdf)
    expect(made.err).toBe('')
    expect(qpdfCheck(pdf)).toBe('')
    const lines = pdfText(pdf, true)
      .split('\n')
      .map((line) => line.trim().replace(/\s{2,}/g, ' | '))
    expect(lines).toContain('People supported in the period (open at any time in it) | 2')
    expect(lines.join(' ')).toContain('A person referred again is counted once: their cases are linked as a re-referral, or merged as duplicates.')
    expect(lines).toContain('Income and employment')
    expect(lines).toContain('Into work or training | 1')
    expect(lines).toContain('Not recorded when the needs were first assessed | 1')
    expect(lines).toContain('Finances and benefits: level of need, first assessed to closure | 1')
  }, 60_000)
})

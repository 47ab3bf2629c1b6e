import { describe, expect, it } from 'vitest'
import { generateCase } from '../../src/main/core/seed/generate-case'
import { Random } from '../../src/main/core/seed/random'
import { readCase } from '../../src/shared/case/case-doc'
import { PHASES } from '../../src/shared/case/phases'
import { caseFlags } from '../../src/shared/case/flags'
import { isPhoneNumber } from '../../src/shared/forms/phone-number'
import { sampleSettings } from '../../src/main/core/seed/sample-settings'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import { openWorkspace } from '../../src/main/core/workspace'
import { AMINA } from '../support/people'
import { tempDir } from '../support/temp-dir'

const TEAM = {
  manager: { id: 'm', name: 'Derek Hall', role: 'manager' as const },
  caseworkers: [
    { id: 'a', name: 'Amina Okafor', role: 'caseworker' as const },
    { id: 't', name: 'Tomasz Nowak', role: 'caseworker' as const },
  ],
}

describe('sample cases', () => {
  // 360 cases made change by change, the whole casework record each: about 40 s on a quiet machine of
  // this kind, over 100 s on a busy one. A hang guard, not a budget.
  it('follow the rules, whatever the seed, and cover every phase and every kind of ending', { timeout: 300_000 }, () => {
    const records = [3, 11, 29, 57].flatMap((seed) => {
      const rng = new Random(seed)
      return Array.from({ length: 90 }, () => readCase(generateCase(rng, TEAM, '2026-11-23').doc))
    })
    const open = new Set(records.filter((r) => r.status === 'open').map((r) => r.phase))
    expect([...open].sort()).toEqual([...PHASES].sort())
    const endings = new Set(records.filter((r) => r.status === 'closed').map((r) => r.outcome!.type))
    expect([...endings].sort()).toEqual(['inappropriate', 'no-progress', 'planned', 'rejected', 'unplanned'])
    expect(records.some((r) => caseFlags(r, '2026-11-23').length > 0)).toBe(true)
    expect(new Set(records.map((r) => r.referral.clientName)).size).toBeGreaterThan(150)
  })

  it('give only phone numbers the phone rule takes', { timeout: 60_000 }, () => {
    const rng = new Random(3)
    const cases = Array.from({ length: 60 }, () => readCase(generateCase(rng, TEAM, '2026-11-23').doc).plan.housingOptionsPhone)
    const settings = sampleSettings()
    const numbers = [
      ...cases.filter((phone) => phone !== undefined),
      settings.letterhead.phone,
      ...settings.housingOptions.flatMap((entry) => [entry.phone, entry.outOfHours]),
      ...settings.agencies.flatMap((agency) => [agency.phone, agency.outOfHours, agency.crisis]),
    ].filter((phone): phone is string => phone !== undefined)
    expect(cases.filter(Boolean).length).toBeGreaterThan(10)
    expect(numbers.filter((phone) => !isPhoneNumber(phone))).toEqual([])
  })

  it('are the same for the same seed', () => {
    const names = (seed: number) => {
      const rng = new Random(seed)
      return Array.from({ length: 10 }, () => readCase(generateCase(rng, TEAM, '2026-11-23').doc).referral.clientName)
    }
    expect(names(7)).toEqual(names(7))
    expect(names(7)).not.toEqual(names(8))
  })

  it('are referred by organisations of several kinds, each on the team’s list with its kind, and some by themselves, so the report counts them by kind', { timeout: 60_000 }, async () => {
    const dir = tempDir('seed-kinds')
    const ws = await openWorkspace({ dataDir: dir.path, user: AMINA })
    try {
      await seedWorkspace(ws, { cases: 30, seed: 7, today: '2026-11-23' })
      // Seeding again adds no second entry for an organisation already listed.
      await seedWorkspace(ws, { cases: 1, seed: 8, today: '2026-11-23' })
      const entries = ws.team.outreachTeamEntries()
      expect(entries.map((entry) => entry.name).sort()).toEqual(sampleSettings().outreachTeams.map((entry) => entry.name).sort())
      expect(entries.every((entry) => entry.kind)).toBe(true)
      const report = await ws.reports.monitoring({ from: '2000-01-01', to: '2026-11-23' })
      const lines = report.sections.find((section) => section.id === 'referrals')!.figures
      const byKind = lines.findIndex((line) => line.label === 'Referrals received, by kind of referring organisation')
      const after = lines.slice(byKind + 1)
      const kinds = after.slice(0, after.findIndex((line) => line.level === 0)).map((line) => line.label)
      expect(kinds).toContain('Outreach team')
      // Some clients refer themselves, counted as their own kind.
      expect(kinds).toContain('Self-referral')
      expect(kinds.length).toBeGreaterThan(2)
      expect(kinds).not.toContain('Not recorded')
    } finally {
      await ws.close()
      dir.remove()
    }
  })
})

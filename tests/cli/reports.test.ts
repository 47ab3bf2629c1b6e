import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Board } from '../../src/shared/board/board'
import { isoDateOf } from '../../src/shared/dates'
import { builtEntry, ROOT } from '../support/built'
import { pdfText, qpdfCheck } from '../support/pdf-tools'
import { tempDir } from '../support/temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')

function homeward(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('the caseload board and the monitoring report on the command line', () => {
  const dir = tempDir('cli-reports')
  const data = join(dir.path, 'workspace')

  beforeAll(() => {
    builtEntry('cli')
    expect(homeward('seed', '--cases', '120', '--seed', '7', '--data', data, '--json').code).toBe(0)
  }, 300_000) // seeding 120 whole cases: over a minute on a busy machine
  afterAll(() => dir.remove())

  it('prints the board as JSON: every open case, filters, and each caseworker’s caseload', () => {
    const listed = JSON.parse(homeward('case', 'list', '--data', data, '--json').out) as { id: string; status: string }[]
    const board = JSON.parse(homeward('board', '--data', data, '--json').out) as Board
    const open = listed.filter((row) => row.status === 'open').map((row) => row.id)
    // Every open case, and a closed one only while a follow-up check after closure is due.
    expect(board.rows.filter((row) => !row.closedAs).map((row) => row.id).sort()).toEqual(open.sort())
    expect(board.rows.filter((row) => row.closedAs).every((row) => row.flags.some((flag) => flag.kind === 'follow-up-due'))).toBe(true)
    expect(board.caseloads.length).toBeGreaterThanOrEqual(6)
    // A closed case on the board for its follow-up check is no one's caseload.
    const led = board.rows.filter((row) => row.leadCaseworker && !row.closedAs).length
    expect(board.caseloads.reduce((sum, load) => sum + load.cases, 0)).toBe(led)
    expect(board.rows.some((row) => row.flags.length > 0)).toBe(true)

    const engaged = JSON.parse(homeward('board', '--data', data, '--json', '--phase', 'engage').out) as Board
    expect(engaged.rows.every((row) => row.phase === 'engage')).toBe(true)
    expect(engaged.rows.length).toBe(board.rows.filter((row) => row.phase === 'engage').length)
    const someone = board.caseloads.find((load) => load.cases > 0)!
    const theirs = JSON.parse(homeward('board', '--data', data, '--json', '--caseworker', someone.caseworker.name.toUpperCase()).out) as Board
    expect(theirs.rows.filter((row) => !row.closedAs)).toHaveLength(someone.cases)

    const text = homeward('board', '--data', data)
    expect(text.out).toContain('Caseloads (weighted by phase')
    expect(homeward('board', '--data', data, '--caseworker', 'Nobody Here').err).toMatch(/no caseworker called "Nobody Here"/)
  }, 90_000) // six runs of the command, each opening the workspace: over 30 s on a busy machine

  it('writes the report as a PDF and as two CSV files that open cleanly in Excel', () => {
    const pdf = join(dir.path, 'report.pdf')
    const made = homeward('report', '--data', data, '--from', '01/01/2025', '--to', '31/12/2026', '--format', 'pdf', '--out', pdf)
    expect(made.err).toBe('')
    expect(made.code).toBe(0)
    expect(qpdfCheck(pdf)).toBe('')
    const text = pdfText(pdf)
    for (const words of [
      'Monitoring report',
      '01/01/2025 to 31/12/2026',
      'People supported on 31/12/2026',
      'Referrals received',
      'Referrals by referring organisation and month',
      'By financial quarter',
      'Q1 2025–26',
      'Reconnections completed',
      'After reconnection',
      'Where reconnection was not appropriate',
      'Wellbeing',
      'Income and employment',
      'Equality monitoring: referrals',
      'Prefer not to say',
      'Total spent',
      'Data completeness',
      'People followed up after closure',
      'Checks made after closure',
    ]) {
      expect(text).toContain(words)
    }
    // The outcomes chart: a bar for each type of closure, under a title giving the cases closed they add up to; the returns in a chart of their own.
    const closed = (JSON.parse(homeward('report', '--data', data, '--from', '01/01/2025', '--to', '31/12/2026', '--json').out) as { closures: { cases: number }[] }).closures
    const flat = pdfText(pdf, true).replace(/\s+/g, ' ')
    expect(flat).toContain(`Cases closed in the period, by type of closure (${closed.reduce((sum, bar) => sum + bar.cases, 0)} in all)`)
    expect(flat).toMatch(/Planned \d+ Unplanned \d+ No progress \d+ Not appropriate \d+ No provision \d+/)
    expect(flat).toMatch(/returns to rough sleeping after reconnection \(not a type of closure\) Reconnections completed \d+ Returns to rough sleeping \d+/)

    const csv = join(dir.path, 'report.csv')
    const written = JSON.parse(homeward('report', '--data', data, '--from', '01/01/2025', '--to', '31/12/2026', '--format', 'csv', '--out', csv, '--json').out) as {
      files: string[]
    }
    expect(written.files).toEqual([csv, join(dir.path, 'report-cases.csv')])
    const figures = readFileSync(csv)
    expect([...figures.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = figures.toString('utf8').slice(1).split('\r\n')
    expect(lines[1]).toBe('Section,Figure,Breakdown,Value,Unit')
    const received = Number(lines.find((line) => line.startsWith('Referrals,Referrals received,,'))!.split(',')[3])
    const cases = readFileSync(written.files[1]!, 'utf8').slice(1).trim().split('\r\n')
    expect(cases[0]).toMatch(/^Case ID,Client,CHAIN number,/)
    // Statuses in words, as the closures are: a commissioner reads labels, not the code's values.
    const status = cases[0]!.split(',').indexOf('Referral status')
    const statuses = new Set(cases.slice(1).map((line) => line.split(',')[status]))
    expect([...statuses].every((value) => ['Awaiting a decision', 'Accepted', 'Not accepted'].includes(value!))).toBe(true)
    expect(received).toBeGreaterThan(0)
    expect(cases.length - 1).toBeGreaterThanOrEqual(received)
    // The tables, a row a cell: referrals by organisation and month, and the figures by quarter.
    expect(lines.some((line) => /^Referrals by referring organisation and month,.+,Jan 2025,\d+,cases$/.test(line))).toBe(true)
    expect(lines.some((line) => /^By financial quarter,Referrals received,Q4 2024–25 \(Jan–Mar 2025\),\d+,cases$/.test(line))).toBe(true)
  })

  it('prints the figures as JSON with --json alone, counts only, and asks for --format and --out to write a file', () => {
    const printed = homeward('report', '--data', data, '--from', '01/01/2025', '--to', '31/12/2026', '--json')
    expect(printed.err).toBe('')
    expect(printed.code).toBe(0)
    const report = JSON.parse(printed.out) as { range: unknown; sections: { id: string; figures: { label: string; value: number }[] }[] }
    expect(report.range).toEqual({ from: '2025-01-01', to: '2026-12-31' })
    const received = report.sections.find((section) => section.id === 'referrals')!.figures.find((figure) => figure.label === 'Referrals received')!
    expect(received.value).toBeGreaterThan(0)
    // The cases behind the figures stay in Homeward: no ids or names on the terminal.
    expect(printed.out).not.toMatch(/caseIds|clientName|"rows"/)

    const neither = homeward('report', '--data', data, '--from', '01/01/2025', '--to', '31/12/2026')
    expect(neither.code).toBe(1)
    expect(neither.err).toBe('homeward: give --format and --out to write the report to a file, or --json alone to print its figures\n')
  })

  it('adds up: people supported, quarters, referrals by organisation and month, closures by type, and the equality breakdowns', () => {
    type Figures = { label: string; value: number; level: number }[]
    type Printed = {
      sections: { id: string; figures: Figures }[]
      tables: { id: string; columns: string[]; lines: { label: string; counts: number[] }[] }[]
    }
    const printed = homeward('report', '--data', data, '--from', '01/01/2025', '--to', '31/12/2026', '--on', '30/06/2026', '--json')
    expect(printed.err).toBe('')
    const report = JSON.parse(printed.out) as Printed & { closures: { label: string; cases: number }[]; reconnections: { label: string; cases: number }[] }
    const section = (id: string) => report.sections.find((s) => s.id === id)!.figures
    const value = (id: string, label: string) => section(id).find((f) => f.label === label)!.value
    /** Each top-level figure of a section with the sum of the breakdowns under it. */
    const withBreakdowns = (id: string) =>
      section(id).flatMap((f, i, all) => {
        if (f.level !== 0) return []
        const next = all.findIndex((g, j) => j > i && g.level === 0)
        return [{ label: f.label, value: f.value, sum: all.slice(i + 1, next < 0 ? undefined : next).reduce((total, g) => total + g.value, 0) }]
      })
    const received = value('referrals', 'Referrals received')

    const supported = value('supported', 'People supported in the period (open at any time in it)')
    expect(supported).toBeGreaterThan(0)
    expect(value('supported', 'People supported on 30/06/2026')).toBeGreaterThan(0)
    expect(value('supported', 'People supported on 30/06/2026')).toBeLessThanOrEqual(supported)

    // Each closure once: the types add up to the cases closed, the time bands to their closures.
    for (const line of withBreakdowns('outcomes').filter((l) => /^(Cases closed|Planned closures|Other closures)/.test(l.label))) expect(line.sum).toBe(line.value)
    // Every equality question accounts for every referral (and reconnection), "Not asked" included.
    for (const id of ['equality-referrals', 'equality-outcomes', 'equality-closures']) for (const line of withBreakdowns(id)) expect(line.sum).toBe(line.value)
    expect(withBreakdowns('equality-referrals')).toHaveLength(7)
    expect(section('equality-referrals').some((f) => f.label === 'Prefer not to say' && f.value > 0)).toBe(true)
    // The wellbeing change and the follow-up checks are counted from the seeded cases' scores and checks.
    expect(value('wellbeing', 'Wellbeing scored twice or more')).toBeGreaterThan(0)
    expect(value('after-closure', 'Checks made after closure (at 3 and 6 months)')).toBeGreaterThan(0)
    // People and checks each said: the 3- and 6-month checks add up to the checks made; no more people still accommodated than followed up.
    const checksMade = value('after-closure', 'Checks made after closure (at 3 and 6 months)')
    expect(value('after-closure', 'Checks made 3 months after closure') + value('after-closure', 'Checks made 6 months after closure')).toBe(checksMade)
    expect(value('after-closure', 'People followed up after closure (a check made in the period)')).toBeLessThanOrEqual(checksMade)
    expect(value('after-closure', 'Still accommodated at their latest check in the period')).toBeLessThanOrEqual(value('after-closure', 'People followed up after closure (a check made in the period)'))
    // The closures chart: one bar per type of closure, adding up to the cases closed; the returns apart.
    expect(report.closures.map((bar) => bar.label)).toEqual(['Planned', 'Unplanned', 'No progress', 'Not appropriate', 'No provision'])
    expect(report.closures.reduce((sum, bar) => sum + bar.cases, 0)).toBe(value('outcomes', 'Cases closed'))
    expect(report.reconnections.map((bar) => bar.label)).toEqual(['Reconnections completed', 'Returns to rough sleeping'])

    // Referrals by organisation and month: 24 months and a total, each row's months adding up to its total, the totals to the referrals.
    const byMonth = report.tables.find((t) => t.id === 'referrers-by-month')!
    expect(byMonth.columns).toHaveLength(25)
    for (const row of byMonth.lines) expect(row.counts.slice(0, -1).reduce((a, b) => a + b, 0)).toBe(row.counts.at(-1))
    expect(byMonth.lines.reduce((sum, row) => sum + row.counts.at(-1)!, 0)).toBe(received)
    // Eight quarters, from Q4 of 2024-25 to Q3 of 2026-27, whose referrals add up to the period's.
    const quarters = report.tables.find((t) => t.id === 'quarters')!
    expect(quarters.columns[0]).toBe('Q4 2024–25 (Jan–Mar 2025)')
    expect(quarters.columns.at(-1)).toBe('Q3 2026–27 (Oct–Dec 2026)')
    expect(quarters.columns).toHaveLength(8)
    expect(quarters.lines.find((r) => r.label === 'Referrals received')!.counts.reduce((a, b) => a + b, 0)).toBe(received)
    expect(quarters.lines.find((r) => r.label === 'Cases closed')!.counts.reduce((a, b) => a + b, 0)).toBe(value('outcomes', 'Cases closed'))

    const badDay = homeward('report', '--data', data, '--from', '01/01/2025', '--to', '31/12/2026', '--on', '31/02/2026', '--json')
    expect(badDay.code).toBe(1)
    expect(badDay.err).toMatch(/--on <date>' argument '31\/02\/2026' is invalid\. 31\/02\/2026 is not a real date/)
  })

  it('takes a date as typed or as a file has it, and fills in an end left out: --to today, --from the start of its financial year', () => {
    const range = (...args: string[]) => (JSON.parse(homeward('report', '--data', data, ...args, '--json').out) as { range: unknown }).range
    expect(range('--from', '2025-01-01', '--to', '31/12/2026')).toEqual({ from: '2025-01-01', to: '2026-12-31' })
    expect(range('--from', '01/01/2025')).toEqual({ from: '2025-01-01', to: isoDateOf(new Date()) })
    expect(range('--to', '2026-02-14')).toEqual({ from: '2025-04-01', to: '2026-02-14' })
    expect(range('--to', '14/04/2026')).toEqual({ from: '2026-04-01', to: '2026-04-14' })
  })

  it('refuses dates it cannot read, or a range backwards, with the reason', () => {
    const bad = homeward('report', '--data', data, '--from', '31/02/2026', '--to', '31/12/2026', '--format', 'pdf', '--out', join(dir.path, 'x.pdf'))
    expect(bad.code).toBe(1)
    expect(bad.err).toBe("homeward: option '--from <date>' argument '31/02/2026' is invalid. 31/02/2026 is not a real date (see --help)\n")
    const backwards = homeward('report', '--data', data, '--from', '31/12/2026', '--to', '01/01/2026', '--format', 'csv', '--out', join(dir.path, 'x.csv'))
    expect(backwards.code).toBe(1)
    expect(backwards.err).toMatch(/on or after the first day/)
  })
})

import { describe, expect, it } from 'vitest'
import { monitoringReport } from '../../shared/reports/monitoring'
import { newCase, read } from '../../../tests/support/cases'
import { figuresCsv } from './report-csv'

describe("the report's figures as CSV", () => {
  it('says "1 case", not "1 cases", in data completeness', () => {
    const report = monitoringReport([{ id: 'A', record: read(newCase()) }], { from: '2026-01-01', to: '2026-12-31' }, '2026-12-31')
    const text = new TextDecoder().decode(figuresCsv(report))
    expect(text).toContain('"1 of 4 essential fields, 1 case"')
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import Holidays, { type HolidaysTypes } from 'date-holidays'
import { describe, expect, it } from 'vitest'
import { greatBritainOnly, londonOnly, readHolidayData, readPackedZones, type HolidayData } from '../../scripts/england-and-wales-holidays'
import { ROOT } from '../support/built'

// The parser date-holidays is built on, given data of one's choosing (its package.json hides its types).
type Parser = new (data: HolidayData, country: string, state: string, opts: HolidaysTypes.Options) => Holidays
const HolidaysParser = (createRequire(import.meta.url)('date-holidays-parser') as { default: Parser }).default

/** The renderer's cut-down copy of date-holidays (scripts/england-and-wales-holidays.ts) gives the same days. */
describe("the renderer's England and Wales holidays", () => {
  const days = (calendar: Holidays, year: number) => calendar.getHolidays(year).map((holiday) => holiday.date)

  it('keeps every bank holiday the whole library knows, one-off days included', () => {
    const whole = new Holidays('GB', 'ENG', { types: ['public', 'bank'] })
    const cut = new HolidaysParser(greatBritainOnly(readHolidayData()), 'GB', 'ENG', { types: ['public', 'bank'] })
    for (let year = 2000; year <= 2060; year++) expect(days(cut, year), String(year)).toEqual(days(whole, year))
  })

  it("needs no equinox, solstice or Chinese calendar rule, so the Earth's orbit can be left out", () => {
    expect(JSON.stringify(readHolidayData().holidays.GB)).not.toMatch(/equinox|solstice|chinese/i)
  })

  it('keeps London, the one time zone of the British rules', () => {
    expect(londonOnly(readPackedZones()).zones.map((zone) => zone.split('|')[0])).toEqual(['Europe/London'])
  })

  it('leaves the other countries out of the built window (run `npm run build` first)', () => {
    const assets = join(ROOT, 'out/renderer/assets')
    // The window is split into chunks (the board's, a case's): the holidays are in one of them, other countries in none.
    const chunks = readdirSync(assets).filter((name) => name.endsWith('.js'))
    expect(chunks.some((name) => /^index-.*\.js$/.test(name)), `no window bundle in ${assets}`).toBe(true)
    const code = chunks.map((name) => readFileSync(join(assets, name), 'utf8'))
    expect(code.some((chunk) => chunk.includes('Early May bank holiday'))).toBe(true)
    for (const chunk of code) {
      expect(chunk).not.toContain('Andorra')
      expect(chunk).not.toContain('America/New_York')
    }
  })
})

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'

/**
 * The renderer counts working days (src/shared/calendar), so it bundles date-holidays, which
 * carries every country's holiday rules and, through moment-timezone, every time zone: 1.4 MB the
 * window never uses. As the library's README advises for bundles ("custom builds by only selecting
 * required countries"), the renderer build keeps only Great Britain's rules and London's time zone,
 * and leaves out the Earth's orbit that only equinox, solstice and Chinese calendar rules need
 * (none in Britain). The main build does the same (the command line loads it at every start), and
 * the tests run on the whole library.
 */

/** date-holidays' data (data/holidays.json): the rules of every country, and the names they share. */
export interface HolidayData {
  version: string
  license: string
  holidays: Record<string, unknown>
  names: Record<string, unknown>
}

/** moment-timezone's packed data (data/packed/latest.json). */
export interface PackedZones {
  version: string
  zones: string[]
  links: string[]
  countries: string[]
}

const require = createRequire(import.meta.url)
const packageFile = (name: string, file: string) => join(dirname(require.resolve(`${name}/package.json`)), file)
export const readHolidayData = () => JSON.parse(readFileSync(packageFile('date-holidays', 'data/holidays.json'), 'utf8')) as HolidayData
export const readPackedZones = () => JSON.parse(readFileSync(packageFile('moment-timezone', 'data/packed/latest.json'), 'utf8')) as PackedZones

/** The library's data with only Great Britain's rules (and the shared holiday names they refer to). */
export function greatBritainOnly(data: HolidayData): HolidayData {
  return { ...data, holidays: { GB: data.holidays.GB } }
}

/** moment-timezone's packed data with only Europe/London, the zone Great Britain's rules use. */
export function londonOnly(packed: PackedZones): PackedZones {
  return { version: packed.version, zones: packed.zones.filter((zone) => zone.startsWith('Europe/London|')), links: [], countries: [] }
}

export function englandAndWalesHolidaysOnly(): Plugin {
  return {
    name: 'homeward-england-and-wales-holidays-only',
    apply: 'build',
    load(id) {
      const file = id.replaceAll('\\', '/')
      if (file.endsWith('/date-holidays/src/data.js')) return `export const data = ${JSON.stringify(greatBritainOnly(readHolidayData()))}`
      // moment-timezone's own index loads every zone; this loads London's into the same module.
      if (file.endsWith('/moment-timezone/index.js')) {
        return `import moment from './moment-timezone.js'\nmoment.tz.load(${JSON.stringify(londonOnly(readPackedZones()))})\nexport default moment`
      }
      // One used by mistake fails on the missing series instead of giving a wrong day.
      if (file.endsWith('/astronomia/data/vsop87Bearth.js')) return `export default { name: 'earth', type: 'B' }`
      return null
    },
  }
}

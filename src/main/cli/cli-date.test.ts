import { InvalidArgumentError } from 'commander'
import { describe, expect, it } from 'vitest'
import { cliDate } from './cli-date'

describe('cliDate', () => {
  it('takes a date as a person types it and as a file has it', () => {
    expect(cliDate('01/04/2026')).toBe('2026-04-01')
    expect(cliDate('1/4/2026')).toBe('2026-04-01')
    expect(cliDate('2026-04-01')).toBe('2026-04-01')
    expect(cliDate(' 2026-04-01 ')).toBe('2026-04-01')
  })

  it.each([
    ['31/02/2026', '31/02/2026 is not a real date'],
    ['2026-02-31', '2026-02-31 is not a real date'],
    ['next week', 'it must be a date, DD/MM/YYYY or YYYY-MM-DD, for example 01/04/2026'],
    ['04/01/26', 'it must be a date, DD/MM/YYYY or YYYY-MM-DD, for example 01/04/2026'],
  ])('refuses %s in one line', (text, message) => {
    expect(() => cliDate(text)).toThrow(new InvalidArgumentError(message))
  })
})

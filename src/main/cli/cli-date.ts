import { InvalidArgumentError } from 'commander'
import { isIsoDate, parseUkDate, type IsoDate } from '../../shared/dates'
import { typedDateProblem } from '../../shared/forms/typed-date'

/** How every date option's help names the formats it takes. */
export const CLI_DATE_FORMATS = 'DD/MM/YYYY or YYYY-MM-DD'

/**
 * Every date option of the command line: written as a person types it (01/04/2026) or as the JSON
 * files and `--json` output have it (2026-04-01), since a script may pass on a date it was given. A
 * day the calendar does not have is "31/02/2026 is not a real date", as in the forms. Commander's
 * option parser: the refusal is one line naming the option.
 */
export function cliDate(text: string): IsoDate {
  const typed = text.trim()
  const date = isIsoDate(typed) ? typed : parseUkDate(typed)
  if (date && isIsoDate(date)) return date
  throw new InvalidArgumentError(typedDateProblem(typed.slice(0, 20), `it must be a date, ${CLI_DATE_FORMATS}, for example 01/04/2026`)!)
}

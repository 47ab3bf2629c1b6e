import { isIsoDate, typedUkDate } from '../dates'

/** Day, month and year as typed in Britain (27/03/2026, 27.3.2026, 27-03-2026): a date meant. */
const UK_DATE_SHAPE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/
/** A date as a file has it (2026-03-27). */
const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/

/**
 * What is wrong with a date as typed, worded the same wherever one is typed (a form's field, a
 * note's date, the pack's emailed and handed-over steps, a file): a day the calendar does not have
 * (31/02/2026) is "not a real date"; what is not a date at all gets `notADate`, the place's own
 * words for its field. Undefined for a real date.
 */
export function typedDateProblem(typed: string, notADate: string): string | undefined {
  const text = typed.trim()
  if (isIsoDate(typedUkDate(text))) return undefined
  return UK_DATE_SHAPE.test(text) || ISO_DATE_SHAPE.test(text) ? `${text} is not a real date` : notADate
}

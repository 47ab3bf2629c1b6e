import { REFERRAL_DETAIL_FIELDS, REFERRAL_IDENTITY_FIELDS } from '../case/referral'
import type { Field } from '../forms/fields'
import { UserFacingError } from '../user-facing-error'

/** The referral's fields a spreadsheet's column can fill: the form's first details and the rest of Tool 3. */
export const IMPORTABLE_FIELDS = [...REFERRAL_IDENTITY_FIELDS, ...REFERRAL_DETAIL_FIELDS]

/**
 * A column the person chose for a field (by its name or its label), or `null` to leave it out on
 * purpose. Every other column maps by itself when its heading is a field's name or label.
 */
export type ChosenMapping = Record<string, string | null>

/** Which field each column of the file fills; `null` for a column left out. */
export interface MappedColumn {
  column: string
  field: string | null
  /** How it was decided: by its heading, by the person's choice, or not at all (an unknown column). */
  by: 'heading' | 'chosen' | 'unknown'
}

export interface ColumnMapping {
  columns: MappedColumn[]
  /** Headings no field matches and nobody chose a field for: listed, never silently dropped. */
  unknown: string[]
}

/** A heading as compared: no case, spacing or punctuation ("Date of birth", "date_of_birth", "DateOfBirth"). */
export function headingKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/** The field a heading (or a chosen field's name or label) means, if any. */
export function fieldForHeading(heading: string): Field | undefined {
  const key = headingKey(heading)
  if (key === '') return undefined
  return IMPORTABLE_FIELDS.find((field) => headingKey(field.name) === key || headingKey(field.label) === key)
}

/**
 * Which field each column fills: the person's choice first, else its heading. A choice naming no
 * field, a column not in the file, a heading twice, or two columns for one field is refused in one
 * line: a wrong guess would put a word in the wrong place.
 */
export function mapColumns(headings: readonly string[], chosen: ChosenMapping = {}): ColumnMapping {
  const chosenByKey = new Map<string, string | null>()
  for (const [column, choice] of Object.entries(chosen)) {
    if (!headings.some((heading) => heading.trim() === column.trim())) throw new MappingError(`the mapping names a column "${column}" that is not in the file`)
    if (choice === null || choice.trim() === '') {
      chosenByKey.set(column.trim(), null)
      continue
    }
    const field = fieldForHeading(choice)
    if (!field) throw new MappingError(`the mapping puts "${column}" into "${choice}", which is not a field of the referral`)
    chosenByKey.set(column.trim(), field.name)
  }
  const columns: MappedColumn[] = headings.map((heading, index) => {
    // A column with no heading is named as the spreadsheet shows it, so its words can be found.
    const column = heading.trim() || `column ${columnLetters(index)}`
    if (chosenByKey.has(column)) return { column, field: chosenByKey.get(column)!, by: 'chosen' }
    const field = fieldForHeading(column)
    return field ? { column, field: field.name, by: 'heading' } : { column, field: null, by: 'unknown' }
  })
  const seen = new Set<string>()
  for (const { column } of columns) {
    if (seen.has(column)) throw new MappingError(`the file has two columns headed "${column}"`)
    seen.add(column)
  }
  for (const field of IMPORTABLE_FIELDS) {
    const filling = columns.filter((column) => column.field === field.name)
    if (filling.length > 1) throw new MappingError(`${filling.map(({ column }) => `"${column}"`).join(' and ')} would both fill "${field.label}": choose one`)
  }
  return { columns, unknown: columns.filter((column) => column.by === 'unknown').map(({ column }) => column) }
}

/** A column's letters as a spreadsheet heads it: A, B, … Z, AA. */
export function columnLetters(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/** A mapping that cannot be used, in one line. */
export class MappingError extends UserFacingError {}

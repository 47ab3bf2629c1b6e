import type { IsoDate } from '../dates'
import { caseDateProblems } from '../case/dates/case-dates'
import { duplicateReason, type ClientIdentity } from '../case/duplicates'
import { newCaseRecord } from '../case/record'
import { ANSWER_LABELS, formSchema, type FormValues } from '../forms/fields'
import { validate } from '../validation'
import { IMPORTABLE_FIELDS, type ColumnMapping, type MappedColumn } from './column-mapping'


/** A row of the file, numbered as the spreadsheet shows it (the headings are row 1). */
export interface SheetRow {
  row: number
  cells: string[]
}

export interface RefusedRow {
  row: number
  reason: string
}

/**
 * A row that may be a client with a case already (`caseId`, `clientName`: that case's), or the same
 * person as an earlier row of the file (`sameAsRow`; `caseId` once that row has become a case).
 */
export interface DuplicateRow {
  row: number
  clientName: string
  caseId?: string
  sameAsRow?: number
}

/** A row that passed the referral form's checks: its values as typed, for the core to open a case from. */
export interface ReferralRow {
  row: number
  clientName: string
  values: FormValues
}

export interface ImportPlan {
  referrals: ReferralRow[]
  refused: RefusedRow[]
  duplicates: DuplicateRow[]
  /** Columns no field takes that have something in them: named, so nothing is lost unseen. */
  unknownColumns: string[]
}

/** A case the workspace holds that may be the same person. */
export interface ExistingCase {
  id: string
  clientName: string
}

/**
 * What importing these rows would do: each row checked as the referral form checks it (its own
 * schema, so its words) and by the dates a case keeps (`caseDateProblems`), then each good row checked for duplicates against the workspace's cases
 * and the earlier good rows of the file. Nothing is written here.
 */
export function planImport(
  rows: readonly SheetRow[],
  mapping: ColumnMapping,
  today: IsoDate,
  existing: (identity: ClientIdentity) => ExistingCase[],
): ImportPlan {
  const schema = formSchema(IMPORTABLE_FIELDS, today)
  const plan: ImportPlan = { referrals: [], refused: [], duplicates: [], unknownColumns: [] }
  const earlier: { row: number; identity: ClientIdentity }[] = []
  for (const { row, cells } of rows) {
    if (cells.every((cell) => cell.trim() === '')) continue
    const values = rowValues(cells, mapping)
    const checked = validate(schema, values)
    if (!checked.ok) {
      plan.refused.push({ row, reason: checked.issues.map((issue) => inColumn(issue.field, issue.message, mapping)).join('; ') })
      continue
    }
    // The dates a case keeps, as a whole case from a file is held to them: a referral dated before the client's birth.
    const dates = caseDateProblems(newCaseRecord(checked.value, { id: 'row', author: { id: '', name: '' }, now: new Date(`${today}T12:00:00Z`), today }), today)
    if (dates.errors.length > 0) {
      plan.refused.push({ row, reason: dates.errors.map((issue) => issue.message).join('; ') })
      continue
    }
    const identity: ClientIdentity = { clientName: checked.value.clientName, dateOfBirth: checked.value.dateOfBirth, chainNumber: checked.value.chainNumber }
    const [match] = existing(identity)
    const same = earlier.find((other) => duplicateReason(other.identity, identity))
    if (match) plan.duplicates.push({ row, clientName: match.clientName, caseId: match.id })
    else if (same) plan.duplicates.push({ row, clientName: identity.clientName, sameAsRow: same.row })
    else {
      plan.referrals.push({ row, clientName: identity.clientName, values })
      earlier.push({ row, identity })
    }
  }
  plan.unknownColumns = mapping.columns
    .map((column, index) => ({ ...column, index }))
    .filter(({ by, index }) => by === 'unknown' && rows.some(({ cells }) => (cells[index] ?? '').trim() !== ''))
    .map(({ column }) => column)
  return plan
}

/**
 * A row as the form's typed values: each mapped cell under its field, a choice or a yes/no written
 * as its label ("Not known") taken as that answer. Dates go as written: the form itself takes
 * DD/MM/YYYY and YYYY-MM-DD. A cell is text and stays text ("=HYPERLINK(…)" is words, never run).
 */
export function rowValues(cells: readonly string[], mapping: ColumnMapping): FormValues {
  const values: FormValues = {}
  mapping.columns.forEach(({ field: name }, index) => {
    const field = IMPORTABLE_FIELDS.find((known) => known.name === name)
    const cell = (cells[index] ?? '').trim()
    if (!field || cell === '') return
    values[field.name] = field.kind === 'choice' || field.kind === 'answer' ? (optionValue(field, cell) ?? cell) : cell
  })
  return values
}

function optionValue(field: (typeof IMPORTABLE_FIELDS)[number], cell: string): string | undefined {
  const options = field.kind === 'choice' ? field.options : field.kind === 'answer' ? ANSWER_OPTIONS : []
  const key = cell.toLowerCase()
  return options.find((option) => option.value.toLowerCase() === key || option.label.toLowerCase() === key)?.value
}

const ANSWER_OPTIONS = Object.entries(ANSWER_LABELS).map(([value, label]) => ({ value, label }))

/** A problem named by the file's own column, so it can be found in the spreadsheet. */
function inColumn(field: string, message: string, mapping: ColumnMapping): string {
  const column = mapping.columns.find((mapped) => mapped.field === field)?.column
  return column ? `${column}: ${message}` : message
}

/** What an import did, or (`dryRun`) would do: the command line prints it, the window shows it. */
export interface ImportResult {
  dryRun: boolean
  /** Cases opened: none on a dry run. */
  imported: number
  /** On a dry run, how many rows would become cases. */
  wouldImport?: number
  refused: RefusedRow[]
  duplicates: DuplicateRow[]
  unknownColumns: string[]
  /** Which field each column filled, so the person can check and change it. */
  columns: MappedColumn[]
}

import { z } from 'zod'
import { afterToday } from '../case/dates/happened-by-today'
import { goalsNamed } from '../case/review-goals'
import { formatUkDate, isIsoDate, typedUkDate, type IsoDate } from '../dates'
import { isLocalAuthorityCode, localAuthorityName } from '../places/local-authority'
import { normalisePostcode } from '../places/postcode'
import { phoneNumberProblem } from './phone-number'
import { typedDateProblem } from './typed-date'
import { validate, type Validated } from '../validation'

/**
 * The field catalogue. Each field of each form is described once, here or in its section's file:
 * its name, the toolkit's label, its kind. From that one description come the form's validation
 * (what a person types, in en-GB, to what is stored), the check of stored records (documents and
 * `case show --json` files), what is shown, and the PDFs' labels.
 */

/** A yes/no question that may not be known yet. */
export const ANSWERS = ['yes', 'no', 'unknown'] as const
export type Answer = (typeof ANSWERS)[number]
export const ANSWER_LABELS: Record<Answer, string> = { yes: 'Yes', no: 'No', unknown: 'Not known' }

interface Common<N extends string> {
  name: N
  label: string
  hint?: string
  required?: boolean
  /** Wording for this field's problems, where the general wording would read badly. */
  messages?: { required?: string; invalid?: string; future?: string }
}

export type Field<N extends string = string> =
  /** A line of text: names, references, short answers. */
  | (Common<N> & {
      kind: 'text'
      max?: number
      width?: 'short' | 'medium' | 'full'
      /** A shape the text must have, such as digits only. */
      pattern?: RegExp
      numeric?: boolean
    })
  /** Prose: notes, reasons, descriptions. */
  | (Common<N> & { kind: 'paragraph'; max?: number })
  /** A calendar date, typed DD/MM/YYYY. */
  | (Common<N> & { kind: 'date'; notFuture?: boolean; withinYears?: number })
  /** One of a fixed list; options with a `group` are shown under its heading (the census's ethnic groups). */
  | (Common<N> & { kind: 'choice'; options: readonly { value: string; label: string; group?: string }[] })
  /** Yes, no or not known. */
  | (Common<N> & { kind: 'answer' })
  /** An outreach team (a referring organisation), by name: chosen from the team's list, or a new one added to it. */
  | (Common<N> & { kind: 'outreach-team' })
  /** A UK local authority, by ONS code. */
  | (Common<N> & { kind: 'local-authority' })
  /** Goals of the case's support plan, ticked from those recorded on it (`review-goals.ts`): their words, one a line. */
  | (Common<N> & { kind: 'case-goals' })
  | (Common<N> & { kind: 'postcode' })
  | (Common<N> & { kind: 'phone' })
  | (Common<N> & { kind: 'email' })
  /** Pounds and pence, typed as 12.50, stored as whole pence. */
  | (Common<N> & { kind: 'money' })
  /** A whole number in a range, such as a 1 to 5 scale. */
  | (Common<N> & { kind: 'number'; min: number; max: number; scaleLabels?: readonly string[] })

/** Fields shown together under a heading, as on the paper form. */
export interface FieldGroup {
  title: string
  hint?: string
  /** What a field left empty reads as, where "Not recorded" would mislead (equality monitoring: "Not asked"). */
  blank?: string
  /**
   * The choice a field left empty shows as chosen on the form, to match what `blank` reads
   * (equality monitoring: "Not asked"). Only shown: nothing is saved unless the person changes it.
   */
  blankChoice?: string
  fields: readonly Field[]
}

/**
 * A field's label where it is shown under its group's heading, as a summary's row: without the
 * group's title when the label starts with it ("Done on" under "Drug and alcohol services", whose
 * field is "Drug and alcohol services: done on" so that a message naming it is clear on its own).
 */
export function labelUnder(group: Pick<FieldGroup, 'title'>, field: Pick<Field, 'label'>): string {
  const prefix = `${group.title}: `
  if (!field.label.startsWith(prefix) || field.label.length === prefix.length) return field.label
  const rest = field.label.slice(prefix.length)
  return rest.charAt(0).toUpperCase() + rest.slice(1)
}

/** Every field of a grouped form, keeping each field's own type. */
export function fieldsOf<G extends readonly FieldGroup[]>(groups: G): G[number]['fields'][number][] {
  return groups.flatMap((group) => [...group.fields]) as G[number]['fields'][number][]
}

/** The stored value of a field. */
export type StoredValue<F> = F extends { kind: 'money' | 'number' }
  ? number
  : F extends { kind: 'choice'; options: readonly { value: infer V extends string }[] }
    ? V
    : F extends { kind: 'answer' }
      ? Answer
      : string

type Simplify<T> = { [K in keyof T]: T[K] } & {}

/** The stored values of a list of fields: required ones always there, the rest as forms fill up. */
export type FieldValues<Fs extends readonly Field[]> = Simplify<
  { [F in Fs[number] as F extends { required: true } ? F['name'] : never]: StoredValue<F> } & {
    [F in Fs[number] as F extends { required: true } ? never : F['name']]?: StoredValue<F>
  }
>

/** What a form holds while being typed in: a string per field. */
export type FormValues = Record<string, string>

const DEFAULT_MAX = { text: 200, paragraph: 20_000 }

/** The message when a required field is left empty, in the GOV.UK style. */
function missing(field: Field): string {
  if (field.messages?.required) return field.messages.required
  if (field.kind === 'choice' || field.kind === 'answer' || field.kind === 'local-authority') return `Choose ${lower(field.label)}`
  return `Enter ${lower(field.label)}`
}

/** A label, or a message starting with one, as it reads inside a sentence. */
export function lower(label: string): string {
  // Keep acronyms and names as they are ("CHAIN number", "Part VII"): lower only a leading capital word.
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label
}

/** Each field's schema is built once a day (its rules can depend on today): forms are checked often. */
const fieldSchemas = new WeakMap<Field, { today: IsoDate; schema: z.ZodType<unknown, string> }>()

function formField(field: Field, today: IsoDate): z.ZodType<unknown, string> {
  const cached = fieldSchemas.get(field)
  if (cached?.today === today) return cached.schema
  const schema = buildFormField(field, today)
  fieldSchemas.set(field, { today, schema })
  return schema
}

/** From what was typed to the stored value, with messages naming the field. */
function buildFormField(field: Field, today: IsoDate): z.ZodType<unknown, string> {
  const typed = z
    .string({ error: field.messages?.invalid ?? `${field.label} must be text` })
    .transform((text) => text.trim())
  const check = (parse: (text: string, ctx: z.RefinementCtx) => unknown) =>
    typed.transform((text, ctx) => {
      if (text === '') {
        if (field.required) ctx.addIssue({ code: 'custom', message: missing(field) })
        return undefined
      }
      return parse(text, ctx)
    })
  const fail = (ctx: z.RefinementCtx, message: string) => {
    ctx.addIssue({ code: 'custom', message })
    return z.NEVER
  }
  switch (field.kind) {
    case 'text':
    case 'paragraph': {
      const max = field.max ?? DEFAULT_MAX[field.kind]
      return check((text, ctx) => {
        if ([...text].length > max) return fail(ctx, `${field.label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
        if (field.kind === 'text' && /\p{Cc}/u.test(text)) return fail(ctx, `${field.label} must not contain control characters`)
        if (field.kind === 'text' && field.pattern && !field.pattern.test(text)) {
          return fail(ctx, field.messages?.invalid ?? `Check ${lower(field.label)}`)
        }
        return text
      })
    }
    case 'case-goals':
      // Goals as the case words them, one a line: each once, none blank.
      return check((text, ctx) => {
        if ([...text].length > DEFAULT_MAX.paragraph) return fail(ctx, `${field.label} must be ${DEFAULT_MAX.paragraph} characters or fewer`)
        if (text.split('\n').some((line) => /\p{Cc}/u.test(line))) return fail(ctx, `${field.label} must not contain control characters`)
        return goalsNamed(text).join('\n') || undefined
      })
    case 'outreach-team':
      // A name, as a line of text is: the list it is chosen from is the team's, not the form's to check.
      return check((text, ctx) => {
        if ([...text].length > DEFAULT_MAX.text) return fail(ctx, `${field.label} must be ${DEFAULT_MAX.text} characters or fewer`)
        if (/\p{Cc}/u.test(text)) return fail(ctx, `${field.label} must not contain control characters`)
        return text
      })
    case 'date':
      return check((text, ctx) => {
        const problem = typedDateProblem(text, field.messages?.invalid ?? `${field.label} must be a date, for example 27/03/2026`)
        if (problem) return fail(ctx, problem)
        const date = typedUkDate(text)
        // Worded as every other date after today (the whole-case rules, the CLI): it names the
        // field, so it reads alone in the error summary and on the command line.
        const future = field.notFuture ? afterToday(field.name, field.label, date, today) : undefined
        if (future) return fail(ctx, field.messages?.future ?? future.message)
        if (field.withinYears !== undefined && date < yearsBefore(today, field.withinYears)) {
          return fail(ctx, `${field.label} must be within the last ${field.withinYears} years`)
        }
        return date
      })
    case 'choice':
      return check((text, ctx) =>
        field.options.some((option) => option.value === text) ? text : fail(ctx, missing(field)),
      )
    case 'answer':
      return check((text, ctx) => ((ANSWERS as readonly string[]).includes(text) ? text : fail(ctx, missing(field))))
    case 'local-authority':
      return check((text, ctx) => (isLocalAuthorityCode(text) ? text : fail(ctx, `Choose ${lower(field.label)} from the list`)))
    case 'postcode':
      return check((text, ctx) => normalisePostcode(text) ?? fail(ctx, `Enter a real postcode, like LS1 4AP`))
    case 'phone':
      return check((text, ctx) => {
        const problem = phoneNumberProblem(text)
        return problem ? fail(ctx, `${field.label} ${problem}`) : text
      })
    case 'email':
      return check((text, ctx) =>
        /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 200 ? text : fail(ctx, `Enter ${lower(field.label)} like name@example.org.uk`),
      )
    case 'money':
      return check((text, ctx) => {
        const match = /^£?\s*(\d{1,6})(?:\.(\d{1,2}))?$/.exec(text.replace(/,/g, ''))
        if (!match) return fail(ctx, 'Enter the amount in pounds, like 12.50')
        return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
      })
    case 'number':
      return check((text, ctx) => {
        const value = Number(text)
        return Number.isInteger(value) && value >= field.min && value <= field.max
          ? value
          : fail(ctx, `${field.label} must be a whole number from ${field.min} to ${field.max}`)
      })
  }
}

function yearsBefore(date: IsoDate, years: number): IsoDate {
  return `${Number(date.slice(0, 4)) - years}${date.slice(4)}`
}

/**
 * The stored value's own check, for documents and imported files, each problem naming the field
 * ("the local authority is missing"), not as the schema's type error.
 */
function storedField(field: Field): z.ZodType {
  const named = lower(field.label)
  const wrong = `the ${named} is not a value this form can hold`
  const error = (issue: { input?: unknown }) => (issue.input === undefined ? `the ${named} is missing` : wrong)
  switch (field.kind) {
    case 'date':
      return z.string({ error }).refine(isIsoDate, `the ${named} must be a date as YYYY-MM-DD`)
    case 'choice':
      return z.enum(field.options.map((option) => option.value) as [string, ...string[]], { error })
    case 'answer':
      return z.enum(ANSWERS, { error })
    case 'money':
      return z.number({ error }).int({ error: wrong }).min(0, { error: wrong })
    case 'number':
      return z.number({ error }).int({ error: wrong }).min(field.min, { error: wrong }).max(field.max, { error: wrong })
    default:
      return z.string({ error })
  }
}

/** Validates a form: strings as typed in, stored values out (undefined for an emptied field). */
export function formSchema<Fs extends readonly Field[]>(fields: Fs, today: IsoDate): z.ZodType<FieldValues<Fs>, FormValues> {
  const shape = Object.fromEntries(fields.map((field) => [field.name, formField(field, today).optional().prefault('')]))
  return z.object(shape).transform((values) => values as FieldValues<Fs>) as unknown as z.ZodType<FieldValues<Fs>, FormValues>
}

/** Checks stored values: required fields present, every value of its kind. */
export function storedSchema<Fs extends readonly Field[]>(fields: Fs) {
  return z.object(
    Object.fromEntries(fields.map((field) => [field.name, field.required ? storedField(field) : storedField(field).optional()])),
  ) as unknown as z.ZodType<FieldValues<Fs>>
}

/**
 * Checks values about to be stored by code (a domain change, an import): each must be a value a
 * person could have typed on the form, so the form's own rules apply. `complete` also insists on
 * the required fields (a new item); otherwise only the values given are checked (an edit).
 */
export function checkStoredValues(
  fields: readonly Field[],
  values: Record<string, unknown>,
  today: IsoDate,
  options: { complete?: boolean } = {},
): Validated<Record<string, unknown>> {
  const checked = options.complete ? fields : fields.filter((field) => values[field.name] !== undefined)
  const typed = formValues(checked, values)
  const result = validate(formSchema(checked, today) as z.ZodType<Record<string, unknown>, FormValues>, typed)
  if (!result.ok) return result
  const issues = checked
    .filter((field) => values[field.name] !== undefined && result.value[field.name] !== values[field.name])
    .map((field) => ({ field: field.name, message: `${field.label}: not a value this form can hold` }))
  if (issues.length > 0) return { ok: false, issues }
  return { ok: true, value: Object.fromEntries(Object.entries(result.value).filter(([, value]) => value !== undefined)) }
}

/** A stored value as a person reads it. */
export function displayValue(field: Field, value: unknown): string {
  if (value === undefined || value === null || value === '') return ''
  switch (field.kind) {
    case 'date':
      return formatUkDate(String(value))
    case 'choice':
      return field.options.find((option) => option.value === value)?.label ?? String(value)
    case 'answer':
      return ANSWER_LABELS[value as Answer] ?? String(value)
    case 'local-authority':
      return localAuthorityName(String(value))
    case 'money':
      return formatPounds(Number(value))
    case 'number':
      // A point on a scale reads as the form offered it ("4 Good", "Often"), not as a bare number.
      return field.scaleLabels?.[Number(value) - field.min] ?? String(value)
    default:
      return String(value)
  }
}

/** A stored value as a form shows it for editing. */
export function formValue(field: Field, value: unknown): string {
  if (value === undefined || value === null) return ''
  if (field.kind === 'date') return formatUkDate(String(value))
  if (field.kind === 'money') return (Number(value) / 100).toFixed(2)
  return String(value)
}

/** The form's starting values for stored values. */
export function formValues(fields: readonly Field[], stored: Record<string, unknown> | undefined): FormValues {
  return Object.fromEntries(fields.map((field) => [field.name, formValue(field, stored?.[field.name])]))
}

/** £1,234.50 */
export function formatPounds(pence: number): string {
  return (pence / 100).toLocaleString('en-GB', { style: 'currency', currency: 'GBP' })
}

/** The form's values as it shows them: an empty choice shows its group's `blankChoice`, where the field offers it. */
export function withBlankChoicesShown(groups: readonly FieldGroup[], values: FormValues): FormValues {
  const shown = { ...values }
  for (const { blankChoice, fields } of groups) {
    if (blankChoice === undefined) continue
    for (const field of fields) {
      const offered = field.kind === 'choice' && field.options.some((option) => option.value === blankChoice)
      if (offered && !shown[field.name]) shown[field.name] = blankChoice
    }
  }
  return shown
}

/** Which stored values differ between two versions of a form, so a save touches only those. */
export function changedValues<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return Object.fromEntries([...keys].filter((key) => before[key] !== after[key]).map((key) => [key, after[key]])) as Partial<T>
}

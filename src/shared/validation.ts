import type { z } from 'zod'
import { UserFacingError } from './user-facing-error'

/** A problem with one field of a form, worded for the person filling it in. */
export interface FieldIssue {
  field: string
  message: string
}

/** The field name for a problem with the whole form rather than one field. */
export const FORM_LEVEL = 'form'

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] }

/** Checks input against a schema and gives at most one message per field, in field order. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validated<z.output<S>> {
  const result = schema.safeParse(input)
  if (result.success) return { ok: true, value: result.data }
  const issues: FieldIssue[] = []
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || FORM_LEVEL
    if (!issues.some((known) => known.field === field)) issues.push({ field, message: issue.message })
  }
  return { ok: false, issues }
}

/** Thrown by the core when input is refused; carries the per-field messages to show. */
export class ValidationError extends UserFacingError {
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '))
  }
}

import { CaseRuleError } from '../../shared/case/case-rule-error'
import { FORM_LEVEL, ValidationError, type FieldIssue } from '../../shared/validation'

/** The problems a failed save reports, as a form shows them. */
export function issuesOf(error: unknown): FieldIssue[] {
  if (error instanceof ValidationError) return error.issues
  // The core's answer to a call through the API carries the same per-field issues.
  const issues = (error as { issues?: unknown } | null)?.issues
  if (Array.isArray(issues) && issues.length > 0) return issues as FieldIssue[]
  if (error instanceof CaseRuleError) return error.problems.map((message, i) => ({ field: `${FORM_LEVEL}-${i}`, message }))
  return [{ field: FORM_LEVEL, message: error instanceof Error ? error.message : String(error) }]
}

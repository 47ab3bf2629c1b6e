import { useState } from 'react'
import { FORM_LEVEL, type FieldIssue } from '../../shared/validation'
import { issuesOf } from './issues'

/**
 * A form sent to the core, one submission at a time: `busy` while it runs (the button says so and
 * waits), and what was wrong, from the form's own checks or the core's refusal, kept to show.
 * `shownAs` renames fields the core reports under another name than this form's own field.
 */
export function useSubmit(shownAs: Record<string, string> = {}): {
  busy: boolean
  issues: FieldIssue[]
  /** Runs the submission; what it throws becomes the issues shown. */
  run: (work: () => unknown) => Promise<void>
  /** Problems found before sending: a message about the whole form, or the fields' own issues. */
  refuse: (problem: string | FieldIssue[]) => void
} {
  const [busy, setBusy] = useState(false)
  const [issues, setIssues] = useState<FieldIssue[]>([])
  return {
    busy,
    issues,
    async run(work) {
      setBusy(true)
      setIssues([])
      try {
        await work()
      } catch (error) {
        setIssues(issuesOf(error).map((issue) => (shownAs[issue.field] ? { ...issue, field: shownAs[issue.field]! } : issue)))
      } finally {
        setBusy(false)
      }
    },
    refuse: (problem) => setIssues(typeof problem === 'string' ? [{ field: FORM_LEVEL, message: problem }] : problem),
  }
}

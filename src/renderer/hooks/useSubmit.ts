import { useState } from 'react'
import { FORM_LEVEL, type FieldIssue } from '../../shared/validation'
import { issuesOf } from '../forms/EditForm'

/**
 * A form sent to the core, one submission at a time: `busy` while it runs (the button says so and
 * waits), and what was wrong, from the form's own checks or the core's refusal, kept to show.
 */
export function useSubmit(): {
  busy: boolean
  issues: FieldIssue[]
  /** Runs the submission; what it throws becomes the issues shown. */
  run: (work: () => Promise<unknown>) => Promise<void>
  /** A problem found before sending, with the whole form. */
  refuse: (message: string) => void
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
        setIssues(issuesOf(error))
      } finally {
        setBusy(false)
      }
    },
    refuse: (message) => setIssues([{ field: FORM_LEVEL, message }]),
  }
}

import type { Field, FieldValues } from '../forms/fields'
import { WELLBEING_FIELDS } from './support'

/**
 * A review of the support plan with the client (Homeless Link's strengths-based plans are reviewed
 * and updated together): when, the goals looked at (chosen from the case's, `review-goals.ts`) and how they are going, when to review next, and
 * the short Warwick-Edinburgh scale again, so wellbeing is measured at every review and not only at
 * the start of support and at closure.
 */
export const REVIEW_FIELDS = [
  { name: 'reviewedOn', label: 'Reviewed on', kind: 'date', notFuture: true, required: true },
  // Ticked from the case's own goals; a review made before it named its goals in the words below.
  { name: 'goals', label: 'Goals reviewed', hint: 'Tick each goal of the support plan you looked at together', kind: 'case-goals' },
  {
    name: 'goalsReviewed',
    label: 'How each goal is going',
    hint: 'In the client’s words where you can',
    kind: 'paragraph',
    required: true,
    max: 5000,
  },
  { name: 'nextReviewOn', label: 'Next review by', kind: 'date' },
  // The scale's seven statements, as at the start of support and at closure (its date is the review's).
  ...WELLBEING_FIELDS.filter((field) => field.name !== 'on').map((field) => ({
    ...field,
    messages: { required: `Answer “${field.label}”, from 1 (none of the time) to 5 (all of the time)` },
  })),
] as const satisfies readonly Field[]
export type SupportPlanReview = FieldValues<typeof REVIEW_FIELDS>

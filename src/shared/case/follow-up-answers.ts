import type { FieldIssue } from '../validation'
import type { FollowUp } from './follow-ups'

/**
 * A follow-up check's answers that cannot both be true: a client still in their accommodation has
 * not gone back to sleeping rough. Returns are counted from these answers (the monitoring report),
 * so a check saying both would be counted as a success and as a return.
 *
 * Returned to the area where they slept rough, yet still accommodated, is not refused: the
 * question does not say where they are accommodated, and a client may be housed back in that area
 * (or keep their tenancy and spend time there); refusing it would lose a true answer.
 */
export function contradictoryFollowUpAnswers(followUp: Partial<Pick<FollowUp, 'stillAccommodated' | 'returnedToRoughSleeping'>>): FieldIssue[] {
  if (followUp.stillAccommodated !== 'yes' || followUp.returnedToRoughSleeping !== 'yes') return []
  return [
    {
      field: 'returnedToRoughSleeping',
      message: 'The answers to Still accommodated? and Returned to rough sleeping? cannot both be Yes: change the one that is not true',
    },
  ]
}

/** The board's flags by kind, and their names: apart from how each is worked out (`flags.ts`), which the board's page does not need. */
export const FLAG_KINDS = ['overdue-action', 'no-recent-contact', 'closure-point', 'unallocated-referral', 'consent-withdrawn', 'consent-review', 'missed-partner-action', 'review-due', 'follow-up-due'] as const
export type FlagKind = (typeof FLAG_KINDS)[number]

export const FLAG_LABELS: Record<FlagKind, string> = {
  'overdue-action': 'Overdue action',
  'no-recent-contact': 'No recent contact',
  'closure-point': 'At closure point',
  'unallocated-referral': 'Unallocated referral',
  'consent-withdrawn': 'Consent to record withdrawn',
  'consent-review': 'Consent review due',
  'missed-partner-action': 'Partner action missed',
  'review-due': 'Support plan review due',
  'follow-up-due': 'Follow-up check due',
}

import { REVIEW_FIELDS } from '../../../shared/case/reviews'
import { reviewDue, reviewDueOn } from '../../../shared/case/review-due'
import { goalsNamed } from '../../../shared/case/review-goals'
import { wellbeingTotal } from '../../../shared/case/support'
import { formatUkDate } from '../../../shared/dates'
import { today, useOpenCase } from '../CaseContext'
import { Collection } from '../CaseForms'

/** The seven answers of a review, as the wellbeing scale's total. */
const total = (item: Record<string, unknown>) => wellbeingTotal({ on: '', items: [1, 2, 3, 4, 5, 6, 7].map((n) => Number(item[`item${n}`])) })

/**
 * The support plan's reviews with the client: the goals looked at, the next review date, and the
 * wellbeing scale again at every review. When a review is due, it says so above the list.
 */
export function ReviewsPanel() {
  const { record } = useOpenCase()
  const due = reviewDueOn(record)
  const dueNow = reviewDue(due, today())
  return (
    <>
      {dueNow && record.status === 'open' && <p className="banner banner--warning">{dueNow}.</p>}
      <Collection
        id="reviews"
        title="Support plan reviews"
        itemName="a review"
        fields={REVIEW_FIELDS}
        order={(a, b) => String(b.reviewedOn).localeCompare(String(a.reviewedOn))}
        emptyText="No reviews recorded."
        invitation={`${due ? `The first is due by ${formatUkDate(due)}. ` : ''}Review the goals with the client, and score their wellbeing again each time.`}
        columns={[
          { label: 'Reviewed on', value: (item) => formatUkDate(String(item.reviewedOn)) },
          // The goals ticked; a review from before they could be names them in its words.
          { label: 'Goals reviewed', value: (item) => goalsNamed(item.goals as string | undefined).join('; ') || String(item.goalsReviewed ?? '') },
          { label: 'Wellbeing', value: (item) => `${total(item)} of 35` },
          { label: 'Next review by', value: (item) => (item.nextReviewOn ? formatUkDate(String(item.nextReviewOn)) : '') },
        ]}
      />
    </>
  )
}

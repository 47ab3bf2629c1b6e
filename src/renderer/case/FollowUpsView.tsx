import { FOLLOW_UP_CHECKS, FOLLOW_UP_CONTACT_METHODS, FOLLOW_UP_FIELDS } from '../../shared/case/follow-ups'
import { followUpDue, followUpsOwed } from '../../shared/case/follow-ups-due'
import { formatUkDate } from '../../shared/dates'
import { ANSWER_LABELS, type Answer } from '../../shared/forms/fields'
import { today, useOpenCase } from './CaseContext'
import { Collection } from './CaseForms'

const answer = (value: unknown) => (value ? ANSWER_LABELS[value as Answer] : '')

/**
 * The follow-up checks after closure (3 and 6 months after it): still accommodated, returned to
 * rough sleeping, returned to the area. Recorded on the closed case as it is, without reopening it
 * (the case page leaves this tab editable), so the monitoring report counts returns from them.
 */
export function FollowUpsView() {
  const { record } = useOpenCase()
  const owed = followUpsOwed(record)
  const dueNow = followUpDue(owed, today())
  return (
    <>
      <h2>Follow-up checks after closure</h2>
      <p className="lead">
        Check with the client, or the agencies supporting them, 3 and 6 months after the case closed: are they still accommodated, or have they
        returned to rough sleeping or to the area where they slept rough?
      </p>
      {record.status === 'open' ? (
        <p>The checks are made once the case is closed after a reconnection.</p>
      ) : owed.length > 0 ? (
        <p className={dueNow ? 'banner banner--warning' : undefined}>
          {dueNow ? `${dueNow}.` : ''}{' '}
          {owed.map((check) => `The check ${FOLLOW_UP_CHECKS.find((c) => c.value === check.check)!.label} is due on ${formatUkDate(check.due)}.`).join(' ')}
        </p>
      ) : (
        Object.keys(record.followUps).length === 0 && <p>No follow-up checks are due: the case did not close after a reconnection.</p>
      )}
      <Collection
        id="followUps"
        title="Follow-up checks"
        itemName="a follow-up check"
        fields={FOLLOW_UP_FIELDS}
        order={(a, b) => String(a.doneOn).localeCompare(String(b.doneOn))}
        emptyText="No follow-up checks recorded yet."
        columns={[
          { label: 'Check', value: (item) => FOLLOW_UP_CHECKS.find((c) => c.value === item.check)?.label ?? '' },
          { label: 'Checked on', value: (item) => formatUkDate(String(item.doneOn)) },
          { label: 'How', value: (item) => FOLLOW_UP_CONTACT_METHODS.find((m) => m.value === item.contactMethod)?.label ?? '' },
          { label: 'Still accommodated', value: (item) => answer(item.stillAccommodated) },
          { label: 'Returned to rough sleeping', value: (item) => answer(item.returnedToRoughSleeping) },
          { label: 'Returned to the area', value: (item) => answer(item.returnedToArea) },
          { label: 'Note', value: (item) => String(item.note ?? '') },
        ]}
      />
    </>
  )
}

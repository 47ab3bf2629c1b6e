import { ONWARD_REFERRAL_FIELDS, ONWARD_REFERRAL_OUTCOMES } from '../../../shared/case/onward-referrals'
import { formatUkDate } from '../../../shared/dates'
import { today } from '../CaseContext'
import { Collection } from '../CaseForms'

const day = (value: unknown) => (value ? formatUkDate(String(value)) : '')

/**
 * Referrals to other agencies and the actions agreed with them (the "linkage" function): one list
 * for the case, shown where the caseworker links the client to services (Reconnection planning and
 * Intensive support). An agreed action past its date and not done says so in its row, as the board does.
 */
export function OnwardReferralsPanel() {
  return (
    <Collection
      id="onwardReferrals"
      title="Onward referrals"
      itemName="an onward referral"
      fields={ONWARD_REFERRAL_FIELDS}
      order={(a, b) => String(b.madeOn).localeCompare(String(a.madeOn))}
      emptyText="No referrals to other agencies yet. Add each one: the agency, what it is for, and any action agreed with them."
      columns={[
        { label: 'Agency', value: (item) => String(item.agency ?? '') },
        { label: 'Referred on', value: (item) => day(item.madeOn) },
        { label: 'What for', value: (item) => String(item.reason ?? '') },
        {
          label: 'Outcome',
          value: (item) => [ONWARD_REFERRAL_OUTCOMES.find((o) => o.value === item.outcome)?.label, item.outcomeOn ? `(${day(item.outcomeOn)})` : ''].join(' ').trim(),
        },
        {
          label: 'Action agreed',
          value: (item) => {
            if (!item.partnerAction && !item.partnerActionDue) return ''
            const who = item.partnerActionBy ? `, by ${String(item.partnerActionBy)}` : ''
            const due = item.partnerActionDue ? `, due ${day(item.partnerActionDue)}` : ''
            const state = item.partnerActionDoneOn
              ? `Done on ${day(item.partnerActionDoneOn)}`
              : item.partnerActionDue && String(item.partnerActionDue) < today()
                ? 'Missed: chase it with the partner'
                : 'Not done yet'
            return (
              <>
                {String(item.partnerAction ?? 'Action')}
                {who}
                {due}. <strong>{state}</strong>
              </>
            )
          },
        },
      ]}
    />
  )
}

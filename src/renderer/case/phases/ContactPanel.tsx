import { CONTACT_GROUPS } from '../../../shared/case/contact'
import { useOpenCase } from '../CaseContext'
import { Section } from '../CaseForms'

/**
 * How to reach the client. Their addresses are shown here but kept where they are recorded (the
 * referral's postal address; the new address on the reconnection day), one field for each fact.
 */
export function ContactPanel() {
  const { record } = useOpenCase()
  return (
    <>
      <Section section="contact" title="Contact details" groups={CONTACT_GROUPS} />
      <section className="panel" aria-labelledby="addresses-heading">
        <h3 id="addresses-heading">Addresses</h3>
        <dl className="facts">
          <div className="facts__row">
            <dt>Current postal address</dt>
            <dd className={record.referral.postalAddress ? 'facts__value' : 'muted'}>{record.referral.postalAddress ?? 'Not recorded: add it to the referral form (Contact)'}</dd>
          </div>
          <div className="facts__row">
            <dt>New address in the destination area</dt>
            <dd className={record.reconnectionDay.newAddress ? 'facts__value' : 'muted'}>
              {record.reconnectionDay.newAddress ?? 'Not known yet: recorded on the reconnection day (Phase 5)'}
            </dd>
          </div>
        </dl>
      </section>
    </>
  )
}

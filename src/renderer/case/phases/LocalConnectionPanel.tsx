import {
  ADDRESS_FIELDS,
  ADDRESS_KINDS,
  EMPLOYMENT_FIELDS,
  FAMILY_FIELDS,
  localConnectionSentence,
  RELATIONSHIPS,
  SPECIAL_CIRCUMSTANCE_FIELDS,
} from '../../../shared/case/local-connection'
import type { EvidenceCollection } from '../../../shared/case/attachments'
import { overlappingAddresses } from '../../../shared/case/dates/overlapping-addresses'
import { caseFacts } from '../../../shared/case/lifecycle'
import { formatUkDate } from '../../../shared/dates'
import { localAuthorityName } from '../../../shared/places/local-authority'
import { DataTable } from '../../components/DataTable'
import type { ListColumn } from '../../forms/CollectionEditor'
import { EvidenceCell } from '../documents/EvidenceCell'
import { today, useOpenCase } from '../CaseContext'
import { Collection } from '../CaseForms'

const byStart = (a: Record<string, unknown>, b: Record<string, unknown>) => String(b.from ?? '').localeCompare(String(a.from ?? ''))
const period = (item: Record<string, unknown>) => `${formatUkDate(String(item.from ?? ''))} to ${item.to ? formatUkDate(String(item.to)) : 'now'}`
// Every list of evidence says where, and holds the scanned documents that prove it.
const areaColumn: ListColumn<Record<string, unknown>> = { label: 'Area', value: (item) => localAuthorityName(String(item.localAuthority ?? '')) }
const evidence = (collection: EvidenceCollection, name: (item: Record<string, unknown>) => string): ListColumn<Record<string, unknown>> => ({
  label: 'Evidence',
  value: (item, id) => <EvidenceCell collection={collection} itemId={id} itemName={name(item)} />,
})

/**
 * Phase 4: the evidence of local connection (address history, work, family, special
 * circumstances) and what the section 199 test makes of it, area by area.
 */
export function LocalConnectionPanel() {
  const { record } = useOpenCase()
  const day = today()
  const { areas } = caseFacts(record, { today: day })
  const destination = record.plan.destination
  const shownArea = areas.find((area) => area.localAuthority === destination) ?? areas.find((area) => area.connected)
  // Said, not refused: two places at once is rare but possible (a tenancy kept while in hospital).
  const overlaps = overlappingAddresses(record.addresses, day)
  return (
    <>
      <section className="panel" aria-labelledby="connection-heading">
        <h3 id="connection-heading">Local connection test</h3>
        <p className="field__hint">
          Section 199 of the Housing Act 1996: normal residence of their own choice for 6 of the last 12 months or 3 of the last 5 years,
          work, close family living there for 5 years or more, or special circumstances. As at {formatUkDate(day)}.
        </p>
        {areas.length === 0 ? (
          <p className="muted">Add the address history and connections below, and the test runs here.</p>
        ) : (
          <>
            <DataTable
              caption="The local connection test by area"
              rows={areas}
              rowKey={(area) => area.localAuthority}
              columns={[
                { heading: 'Area', rowHeader: true, cell: (area) => localAuthorityName(area.localAuthority) },
                {
                  heading: 'Lived there (last 12 months / 5 years)',
                  cell: (area) => (
                    <>
                      {area.residence.daysInLastYear} days / {area.residence.daysInLastFiveYears} days
                      {area.residence.holds && <span className="tag tag--ok">{area.residence.holds}</span>}
                    </>
                  ),
                },
                { heading: 'Work', cell: (area) => (area.employment.length > 0 ? 'Yes' : 'No') },
                { heading: 'Family', cell: (area) => area.family.map((member) => RELATIONSHIPS.find((r) => r.value === member.relationship)?.label).join(', ') || 'No' },
                { heading: 'Special', cell: (area) => (area.special.length > 0 ? 'Yes' : 'No') },
                { heading: 'Connection', cell: (area) => (area.connected ? <strong className="ok">Yes</strong> : 'No') },
              ]}
            />
            {shownArea && (
              <div className="sentence">
                <h4>For the covering letter</h4>
                <p>{localConnectionSentence(record.referral.clientName, shownArea, day)}</p>
              </div>
            )}
          </>
        )}
      </section>
      {overlaps.length > 0 && (
        <div className="banner banner--warning" role="note" aria-label="Address dates to check">
          {overlaps.map((warning) => (
            <p key={warning}>{warning}</p>
          ))}
        </div>
      )}
      <Collection
        id="addresses"
        title="Address history"
        itemName="an address"
        fields={ADDRESS_FIELDS}
        order={byStart}
        emptyText="No addresses recorded."
        invitation="Start with where they live now (or sleep), then work back over the last five years."
        columns={[
          { label: 'Address', value: (item) => [item.address, item.postcode].filter(Boolean).join(', ') },
          areaColumn,
          { label: 'When', value: period },
          { label: 'Type of stay', value: (item) => ADDRESS_KINDS.find((kind) => kind.value === item.kind)?.label ?? '' },
          evidence('addresses', (item) => String(item.address ?? 'this address')),
        ]}
      />
      <Collection
        id="family"
        title="Family in an area"
        itemName="a family member"
        fields={FAMILY_FIELDS}
        emptyText="No family recorded."
        columns={[
          { label: 'Relationship', value: (item) => RELATIONSHIPS.find((r) => r.value === item.relationship)?.label ?? '' },
          { label: 'Name', value: (item) => String(item.name ?? '') },
          areaColumn,
          { label: 'Lived there', value: (item) => `${item.years} years` },
          evidence('family', (item) => String(item.name ?? 'this family member')),
        ]}
      />
      <Collection
        id="employment"
        title="Employment"
        itemName="a job"
        fields={EMPLOYMENT_FIELDS}
        order={byStart}
        emptyText="No employment recorded."
        columns={[
          { label: 'Employer', value: (item) => String(item.employer ?? '') },
          areaColumn,
          { label: 'When', value: period },
          evidence('employment', (item) => String(item.employer ?? 'this job')),
        ]}
      />
      <Collection
        id="special"
        title="Special circumstances"
        itemName="special circumstances"
        fields={SPECIAL_CIRCUMSTANCE_FIELDS}
        emptyText="None recorded."
        columns={[
          areaColumn,
          { label: 'Circumstances', value: (item) => String(item.description ?? '') },
          evidence('special', () => 'these circumstances'),
        ]}
      />
    </>
  )
}

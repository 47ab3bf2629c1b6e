import { useState } from 'react'
import { Link } from 'react-router'
import type { PersonAudit } from '../../shared/api'
import { formatUkDate, isoDateOf, typedUkDate } from '../../shared/dates'
import { may } from '../../shared/team/permissions'
import { useApi, useProfile } from '../app/contexts'
import { ErrorSummary, Form, SubmitButton, TextField } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { useSubmit } from '../forms/useSubmit'
import { AuditTable } from './CaseAudit'

/**
 * The manager's audit: per person, the cases they viewed in a period, and first the views of cases
 * outside their caseload (where they are not the lead caseworker), as Mainstay flags them.
 */
export function AuditPage() {
  const api = useApi()
  const profile = useProfile()
  const today = formatUkDate(isoDateOf(new Date()))
  const [from, setFrom] = useState(() => formatUkDate(isoDateOf(new Date(Date.now() - 30 * 24 * 60 * 60 * 1000))))
  const [to, setTo] = useState(today)
  const [people, setPeople] = useState<PersonAudit[] | undefined>()
  const { busy, issues, run } = useSubmit()
  if (!may(profile.role, 'read-audit')) {
    return (
      <>
        <PageHeading title="Audit" />
        <p>Only a team manager can see who has seen which case.</p>
      </>
    )
  }
  const show = () => run(async () => setPeople(await api.call('personAudit', { from: typedUkDate(from), to: typedUkDate(to) })))
  return (
    <>
      <PageHeading title="Audit" />
      <p className="lead">
        Who viewed which case, for any period: each person’s views, with their views of cases outside their caseload first. Other laptops’ views arrive when
        they next sync.
      </p>
      <ErrorSummary issues={issues} />
      <Form className="report-range" onSubmit={() => void show()}>
        <TextField name="from" label="From" hint="DD/MM/YYYY" width="short" value={from} onChange={setFrom} error={issues.find((i) => i.field === 'from')?.message} />
        <TextField name="to" label="To" hint="DD/MM/YYYY" width="short" value={to} onChange={setTo} error={issues.find((i) => i.field === 'to')?.message} />
        <SubmitButton label="Show the audit" busy={busy} busyLabel="Reading…" />
      </Form>
      {people?.length === 0 && <p className="muted">Nobody has viewed a case in this period.</p>}
      {people?.map(({ person, viewed, outsideCaseload }) => (
        <section key={person.id} aria-labelledby={`audit-${person.id}`}>
          <h2 id={`audit-${person.id}`}>{person.name}</h2>
          <h3 className="subheading">Views of cases outside their caseload ({outsideCaseload.length})</h3>
          <AuditTable caption={`${person.name}: views of cases outside their caseload`} rows={outsideCaseload} empty="None." showCase={caseLink} />
          <h3 className="subheading">Every case viewed ({viewed.length})</h3>
          <AuditTable caption={`${person.name}: every case viewed`} rows={viewed} empty="No cases viewed in this period." showCase={caseLink} />
        </section>
      ))}
    </>
  )
}

const caseLink = (caseId: string) => <Link to={`/cases/${caseId}/history`}>Open the case’s history</Link>

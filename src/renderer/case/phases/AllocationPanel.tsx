import { useState } from 'react'
import * as change from '../../../shared/case/changes'
import { formatUkDate, typedUkDate } from '../../../shared/dates'
import { roleShown } from '../../../shared/team/role-shown'
import { ErrorSummary, Form, SelectField, SubmitButton, TextField } from '../../components/form'
import { useSubmit } from '../../forms/useSubmit'
import { useReadOnly } from '../../forms/read-only'
import { useSession } from '../../app/contexts'
import { useApiQuery } from '../../hooks/useApiQuery'
import { today, useCaseChange, useOpenCase } from '../CaseContext'
import { Section } from '../CaseForms'

/** Phase 2: the lead caseworker, chosen from the team. */
export function AllocationPanel() {
  const { record } = useOpenCase()
  const changeCase = useCaseChange()
  const { inTeam } = useSession()
  const members = useApiQuery('listMembers', {})
  const [lead, setLead] = useState(record.allocation.leadCaseworker?.id ?? '')
  const [on, setOn] = useState(formatUkDate(record.allocation.allocatedOn ?? today()))
  const { issues, run, refuse } = useSubmit()
  const [done, setDone] = useState(false)
  const team = members.status === 'ready' ? members.data : []
  // A closed case's lead caseworker is changed only once it is reopened.
  const closed = useReadOnly()
  return (
    <>
      <section className="panel" aria-labelledby="allocation-heading">
        <h3 id="allocation-heading">Allocation</h3>
        <p>
          {record.allocation.leadCaseworker
            ? `${record.allocation.leadCaseworker.name}, since ${formatUkDate(record.allocation.allocatedOn ?? '')}.`
            : 'Not allocated yet.'}
        </p>
        {!closed && (
          <Form
            onSubmit={() => {
              const member = team.find((person) => person.id === lead)
              if (!member) return refuse([{ field: 'lead', message: 'Choose the lead caseworker' }])
              void run(() => {
                changeCase((doc, context) => change.allocate(doc, { id: member.id, name: member.name }, typedUkDate(on), context))
                setDone(true)
              })
            }}
          >
            <ErrorSummary issues={issues} />
            <div className="form-row">
              <SelectField
                name="lead"
                label="Lead caseworker"
                value={lead}
                onChange={(value) => (setLead(value), setDone(false))}
                options={[{ value: '', label: 'Choose…' }, ...team.map((person) => {
                    const role = roleShown(person.role, inTeam)
                    return { value: person.id, label: role ? `${person.name} (${role})` : person.name }
                  })]}
                error={issues.find((i) => i.field === 'lead')?.message}
              />
              <TextField name="allocatedOn" label="Allocated on" hint="DD/MM/YYYY" width="short" inputMode="numeric" value={on} onChange={setOn} error={issues.find((i) => i.field === 'on')?.message} />
            </div>
            <div className="actions">
              <SubmitButton label={record.allocation.leadCaseworker ? 'Change the lead caseworker' : 'Allocate'} />
              <span role="status" className="save-confirmation">
                {done ? 'Allocated.' : ''}
              </span>
            </div>
          </Form>
        )}
      </section>
      <Section section="allocation" title="Outreach team update" groups={[{ title: 'Outreach team update', fields: change.CASE_SECTIONS.allocation }]} />
    </>
  )
}

import { useState } from 'react'
import { fieldConflict, fieldHistory, hasFieldHistory } from '../../shared/automerge/field-history'
import * as change from '../../shared/case/changes'
import { openActionsAreWork } from '../../shared/case/closed-case-actions'
import { ACTION_FIELDS, isOverdue, type CaseAction } from '../../shared/case/support'
import { formatUkDate } from '../../shared/dates'
import { formValues, changedValues, type Field } from '../../shared/forms/fields'
import type { Person } from '../../shared/people'
import { DataTable } from '../components/DataTable'
import { SelectField } from '../components/form'
import { itemConflicts } from '../forms/CollectionEditor'
import { EditForm } from '../forms/EditForm'
import { FieldHistory, type FieldRecordSource } from '../forms/FieldRecord'
import { useFormDraft } from '../forms/drafts'
import { useReadOnly } from '../forms/read-only'
import { useApiQuery } from '../hooks/useApiQuery'
import { today, useCaseChange, useOpenCase } from './CaseContext'

/**
 * The case's actions: what, who, by when; overdue ones flag the case. An action's field saved with
 * two values at once shows both under its row, to keep one, and each field's history is in its
 * Change form, as on the case's other lists.
 */
export function ActionsView() {
  const { record, doc } = useOpenCase()
  const changeCase = useCaseChange()
  const recordOf = (actionId: string): FieldRecordSource => ({
    conflict: (field) => fieldConflict(doc, ['actions', actionId], field),
    history: (field) => fieldHistory(doc, ['actions', actionId], field),
    hasHistory: (field) => hasFieldHistory(doc, ['actions', actionId], field),
    choose: (field, value) => changeCase((draft, context) => change.chooseItemValue(draft, 'actions', actionId, field, value, context)),
  })
  const members = useApiQuery('listMembers', {})
  const team = members.status === 'ready' ? members.data : []
  const [editing, setEditing] = useState<string | undefined>()
  // A closed case's actions are listed as they were left: none is marked done, changed or added.
  const closed = useReadOnly()
  const day = today()
  // A closed case's open actions stay as they were, but are no one's work: none is overdue.
  const work = openActionsAreWork(record.status)
  const overdue = (action: CaseAction) => work && isOverdue(action, day)
  const actions = Object.entries(record.actions).sort(([, a], [, b]) => Number(Boolean(a.doneOn)) - Number(Boolean(b.doneOn)) || a.due.localeCompare(b.due))
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      <DataTable
        caption="Actions on this case, open ones first"
        rows={actions}
        rowKey={([id]) => id}
        rowClassName={([, action]) => (overdue(action) ? 'row--overdue' : undefined)}
        empty="No actions yet."
        rowDetail={([id], _index, actionRow) => itemConflicts(ACTION_FIELDS, recordOf(id), actionRow, !closed)}
        columns={[
          { heading: 'Action', cell: ([, action]) => action.description },
          { heading: 'Who', cell: ([, action]) => action.owner.name },
          {
            heading: 'Due by',
            cell: ([, action]) => (
              <>
                {formatUkDate(action.due)}
                {overdue(action) && <span className="tag tag--warning">Overdue</span>}
                {!work && !action.doneOn && <span className="tag">Not done when the case closed</span>}
              </>
            ),
          },
          { heading: 'Done', cell: ([, action]) => (action.doneOn ? formatUkDate(action.doneOn) : 'Not yet') },
        ]}
        {...(closed
          ? {}
          : {
              rowActions: {
                heading: 'Changes',
                cell: ([id, action]: [string, CaseAction]) => (
                  <>
                    {!action.doneOn && (
                      <button type="button" className="link-button" onClick={() => changeCase((doc, context) => change.updateItem(doc, 'actions', id, { doneOn: context.today }, context))}>
                        Mark done<span className="visually-hidden">: {action.description}</span>
                      </button>
                    )}
                    <button type="button" className="link-button" onClick={() => setEditing(id)}>
                      Change<span className="visually-hidden">: {action.description}</span>
                    </button>
                  </>
                ),
              },
            })}
      />
      {editing && record.actions[editing] ? (
        <ActionForm
          key={editing}
          actionId={editing}
          action={record.actions[editing]}
          record={recordOf(editing)}
          team={team}
          onDone={() => setEditing(undefined)}
        />
      ) : (
        <ActionForm key="new" team={team} onDone={() => undefined} />
      )}
    </section>
  )
}

function ActionForm(props: { actionId?: string; action?: CaseAction; record?: FieldRecordSource; team: Person[]; onDone: () => void }) {
  const { id } = useOpenCase()
  const changeCase = useCaseChange()
  const stored = (props.action ?? {}) as Record<string, unknown>
  const [draft, setDraft, clearDraft] = useFormDraft(`${id}:action:${props.actionId ?? 'new'}`, props.action ? 'Change the action' : 'Add an action')
  const current = draft ?? { values: { ...formValues(ACTION_FIELDS, stored), owner: props.action?.owner.id ?? '' }, base: stored }
  const [ownerError, setOwnerError] = useState<string | undefined>()
  // A closed case adds no action: the form is shown only to keep in sight what was typed before it closed.
  const closed = useReadOnly()
  if (closed && !draft) return null
  return (
    <div className="panel subform">
      <h3>{props.action ? 'Change the action' : 'Add an action'}</h3>
      <EditForm
        groups={[{ title: 'Action', fields: ACTION_FIELDS }]}
        values={current.values}
        onValues={(values) => setDraft({ ...current, values })}
        submitLabel={props.action ? 'Save the action' : 'Add the action'}
        {...(props.record
          ? {
              afterField: (field: Field) =>
                props.record!.hasHistory(field.name) && <FieldHistory field={field} read={() => props.record!.history(field.name)} />,
            }
          : {})}
        {...(props.action ? { onCancel: () => (clearDraft(), props.onDone()) } : {})}
        onSubmit={(values) => {
          const owner = props.team.find((person) => person.id === current.values.owner)
          if (!owner) {
            setOwnerError('Choose who will do it')
            throw new Error('Choose who will do it')
          }
          const ownerRef = { id: owner.id, name: owner.name }
          if (props.actionId) {
            const base = Object.fromEntries(ACTION_FIELDS.map((field) => [field.name, current.base[field.name]]))
            const after = Object.fromEntries(ACTION_FIELDS.map((field) => [field.name, values[field.name]]))
            changeCase((doc, context) => change.updateItem(doc, 'actions', props.actionId!, changedValues(base, after), context, ownerRef))
          } else {
            changeCase((doc, context) => change.addAction(doc, crypto.randomUUID(), values, ownerRef, context))
          }
          setOwnerError(undefined)
          clearDraft()
          props.onDone()
        }}
      >
        <SelectField
          name="owner"
          label="Who will do it"
          value={current.values.owner ?? ''}
          onChange={(value) => setDraft({ ...current, values: { ...current.values, owner: value } })}
          options={[{ value: '', label: 'Choose…' }, ...props.team.map((person) => ({ value: person.id, label: person.name }))]}
          {...(ownerError ? { error: ownerError } : {})}
        />
      </EditForm>
    </div>
  )
}


import { useState, type ReactNode } from 'react'
import { changedValues, formValues, type Field, type FieldGroup } from '../../shared/forms/fields'
import { DataTable } from '../components/DataTable'
import { Panel } from '../components/Panel'
import { EditForm } from './EditForm'
import { issuesOf } from './issues'
import { useFormDraft } from './drafts'

export interface ListColumn<T> {
  label: string
  value: (item: T, id: string) => ReactNode
}

/**
 * A list on a case (addresses, consents, goals...): a table of the items, each with Change and
 * Remove, and a form to add one. Every form keeps a draft until saved.
 */
export function CollectionEditor<T extends Record<string, unknown>>(props: {
  draftKey: string
  title: string
  itemName: string
  fields: readonly Field[]
  items: Record<string, T>
  columns: ListColumn<T>[]
  order?: (a: T, b: T) => number
  emptyText: string
  /** Each may be asynchronous (a call to the core): the form waits, and shows what goes wrong. */
  onAdd: (values: Record<string, unknown>) => void | Promise<void>
  onUpdate: (id: string, changes: Record<string, unknown>) => void | Promise<void>
  onRemove: (id: string) => void | Promise<void>
  /** Who may only look (a caseworker at the team's directories). */
  readOnly?: boolean
  intro?: ReactNode
}) {
  const groups: FieldGroup[] = [{ title: props.title, fields: props.fields }]
  const [adding, setAdding, clearAdding] = useFormDraft(`${props.draftKey}:new`, props.title)
  const [editingId, setEditingId] = useState<string | undefined>()
  const [confirmRemove, setConfirmRemove] = useState<string | undefined>()
  const [removeError, setRemoveError] = useState<string | undefined>()
  const entries = Object.entries(props.items).sort(([, a], [, b]) => (props.order ? props.order(a, b) : 0))
  const headingId = `list-${props.draftKey.replace(/[^a-z0-9]+/gi, '-')}`

  return (
    <Panel
      id={headingId}
      title={props.title}
      actions={
        !adding &&
        !props.readOnly && (
          <button type="button" className="button button--secondary button--small" onClick={() => setAdding({ values: formValues(props.fields, {}), base: {} }, false)}>
            Add {props.itemName}
          </button>
        )
      }
    >
      {props.intro}
      <DataTable
        caption={props.title}
        rows={entries}
        rowKey={([id]) => id}
        empty={props.emptyText}
        columns={props.columns.map((column) => ({ heading: column.label, cell: ([id, item]: [string, T]) => column.value(item, id) }))}
        {...(props.readOnly
          ? {}
          : {
              rowActions: {
                heading: 'Changes',
                cell: ([id]: [string, T]) => (
                  <>
                    <button type="button" className="link-button" onClick={() => setEditingId(id)}>
                      Change<span className="visually-hidden"> this {props.itemName}</span>
                    </button>
                    {confirmRemove === id ? (
                      <button
                        type="button"
                        className="link-button link-button--danger"
                        onClick={async () => {
                          try {
                            await props.onRemove(id)
                            setConfirmRemove(undefined)
                          } catch (error) {
                            setRemoveError(issuesOf(error)[0]?.message)
                          }
                        }}
                      >
                        Yes, remove it
                      </button>
                    ) : (
                      <button type="button" className="link-button" onClick={() => setConfirmRemove(id)}>
                        Remove<span className="visually-hidden"> this {props.itemName}</span>
                      </button>
                    )}
                  </>
                ),
              },
            })}
      />
      {removeError && <p className="field__error">{removeError}</p>}
      {editingId && props.items[editingId] && (
        <ItemEditor
          key={editingId}
          draftKey={`${props.draftKey}:${editingId}`}
          label={props.title}
          groups={groups}
          item={props.items[editingId]}
          itemName={props.itemName}
          onSave={(changes) => props.onUpdate(editingId, changes)}
          onDone={() => setEditingId(undefined)}
        />
      )}
      {adding && (
        <div className="subform">
          <h4>Add {props.itemName}</h4>
          <EditForm
            groups={groups}
            values={adding.values}
            onValues={(values) => setAdding({ ...adding, values })}
            submitLabel={`Add ${props.itemName}`}
            onCancel={clearAdding}
            onSubmit={async (stored) => {
              await props.onAdd(Object.fromEntries(Object.entries(stored).filter(([, value]) => value !== undefined)))
              clearAdding()
            }}
          />
        </div>
      )}
    </Panel>
  )
}

function ItemEditor(props: {
  draftKey: string
  label: string
  groups: FieldGroup[]
  item: Record<string, unknown>
  itemName: string
  onSave: (changes: Record<string, unknown>) => void | Promise<void>
  onDone: () => void
}) {
  const fields = props.groups.flatMap((group) => [...group.fields])
  const [draft, setDraft, clearDraft] = useFormDraft(props.draftKey, props.label)
  const current = draft ?? { values: formValues(fields, props.item), base: props.item }
  return (
    <div className="subform">
      <h4>Change {props.itemName}</h4>
      <EditForm
        groups={props.groups}
        values={current.values}
        onValues={(values) => setDraft({ ...current, values })}
        submitLabel="Save changes"
        onCancel={() => {
          clearDraft()
          props.onDone()
        }}
        onSubmit={async (stored) => {
          const base = Object.fromEntries(fields.map((field) => [field.name, current.base[field.name]]))
          const after = Object.fromEntries(fields.map((field) => [field.name, stored[field.name]]))
          const changes = changedValues(base, after)
          if (Object.keys(changes).length > 0) await props.onSave(changes)
          clearDraft()
          props.onDone()
        }}
      />
    </div>
  )
}

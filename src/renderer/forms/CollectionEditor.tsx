import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { changedValues, formValues, type Field, type FieldGroup } from '../../shared/forms/fields'
import { DataTable } from '../components/DataTable'
import { Panel } from '../components/Panel'
import { overtakenFields } from '../../shared/forms/overtaken'
import { useProfile } from '../app/contexts'
import { EditForm } from './EditForm'
import { FieldConflict, FieldHistory, type FieldRecordSource } from './FieldRecord'
import { issuesOf } from './issues'
import { useDiscardDraft, useDraftsUnder, useFormDraft } from './drafts'
import { OvertakenChoice, overtakenAt, useOvertakenChoices } from './OvertakenChoice'
import { useReadOnly } from './read-only'

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
  /** What an empty list says: that nothing is recorded, in the list's words. */
  emptyText: string
  /** What to add to an empty list, said after `emptyText` only while it can be added to (not on a closed case). */
  invitation?: string
  /** Each may be asynchronous (a call to the core): the form waits, and shows what goes wrong. */
  onAdd: (values: Record<string, unknown>) => void | Promise<void>
  onUpdate: (id: string, changes: Record<string, unknown>) => void | Promise<void>
  onRemove: (id: string) => void | Promise<void>
  /** Who may only look (a caseworker at the team's directories). */
  readOnly?: boolean
  intro?: ReactNode
  /** A case's items: each field shows its values saved at once, to keep one, and its history. */
  record?: (id: string) => FieldRecordSource
}) {
  const groups: FieldGroup[] = [{ title: props.title, fields: props.fields }]
  // A closed case's list offers no Add, Change or Remove; its conflicts and unsaved items are still shown.
  const closed = useReadOnly()
  const [adding, setAdding, clearAdding] = useFormDraft(`${props.draftKey}:new`, props.title)
  const [editingId, setEditingId] = useState<string | undefined>()
  // Items with unsaved typing whose form is closed (left by a reload, a restart): offered at their row.
  const unsavedItems = new Set(useDraftsUnder(`${props.draftKey}:`).map((draft) => draft.key.slice(props.draftKey.length + 1)))
  const discardDraft = useDiscardDraft()
  const [confirmRemove, setConfirmRemove] = useState<string | undefined>()
  const [removeError, setRemoveError] = useState<string | undefined>()
  const entries = Object.entries(props.items).sort(([, a], [, b]) => (props.order ? props.order(a, b) : 0))
  const headingId = `list-${props.draftKey.replace(/[^a-z0-9]+/gi, '-')}`
  // "an agency" as a button's words: "Add an agency", but "Change this agency".
  const thisItem = `this ${props.itemName.replace(/^(a|an)\s+/i, '')}`
  // Where the keyboard goes back to when a form closes: the Change button that opened it, or the Add button.
  const opener = useRef<HTMLElement | null>(null)
  // Focus moves once the form is gone and the Add button is back: in an effect after that render
  // commits, since a frame's callback can run before React has drawn it (it did on a busy machine).
  const [focusBack, setFocusBack] = useState(0)
  useEffect(() => {
    if (focusBack === 0) return
    const back = opener.current?.isConnected ? opener.current : document.getElementById(headingId)?.closest('section')?.querySelector<HTMLElement>('[data-add-button]')
    back?.focus()
  }, [focusBack, headingId])
  const returnFocus = () => setFocusBack((count) => count + 1)

  return (
    <Panel
      id={headingId}
      title={props.title}
      actions={
        !adding &&
        !props.readOnly &&
        !closed && (
          <button
            type="button"
            data-add-button
            className="button button--secondary button--small"
            onClick={(event) => {
              opener.current = event.currentTarget
              setAdding({ values: formValues(props.fields, {}), base: {} }, false)
            }}
          >
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
        empty={props.invitation && !closed && !props.readOnly ? `${props.emptyText} ${props.invitation}` : props.emptyText}
        // A list of many columns (the follow-up checks) on a narrow window scrolls inside its panel.
        scroll
        columns={props.columns.map((column) => ({ heading: column.label, cell: ([id, item]: [string, T]) => column.value(item, id) }))}
        {...(props.record && !props.readOnly
          ? {
              rowDetail: ([id]: [string, T], _index: number, recordRow: RefObject<HTMLTableRowElement | null>) =>
                itemConflicts(props.fields, props.record!(id), recordRow, !closed),
            }
          : {})}
        {...(props.readOnly
          ? {}
          : closed
            ? unsavedRows(entries, unsavedItems)
            : {
              rowActions: {
                heading: 'Changes',
                cell: ([id]: [string, T]) => (
                  <>
                    {unsavedItems.has(id) && editingId !== id && (
                      <span className="unsaved-item">
                        <strong>Unsaved changes</strong>{' '}
                        <button
                          type="button"
                          className="link-button"
                          onClick={(event) => {
                            // This button goes as the form opens: the keyboard comes back to the row's Change.
                            opener.current = event.currentTarget.closest('td')?.querySelector<HTMLElement>('[data-change-button]') ?? null
                            setEditingId(id)
                          }}
                        >
                          Continue<span className="visually-hidden"> the unsaved changes to {thisItem}</span>
                        </button>{' '}
                        <button
                          type="button"
                          className="link-button"
                          onClick={(event) => {
                            // The keyboard goes on to the row's Change, not the page's body with the button that went.
                            opener.current = event.currentTarget.closest('td')?.querySelector<HTMLElement>('[data-change-button]') ?? null
                            discardDraft(`${props.draftKey}:${id}`)
                            returnFocus()
                          }}
                        >
                          Discard<span className="visually-hidden"> the unsaved changes to {thisItem}</span>
                        </button>{' '}
                      </span>
                    )}
                    <button
                      type="button"
                      className="link-button"
                      data-change-button
                      onClick={(event) => {
                        opener.current = event.currentTarget
                        setEditingId(id)
                      }}
                    >
                      Change<span className="visually-hidden"> {thisItem}</span>
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
                        Remove<span className="visually-hidden"> {thisItem}</span>
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
          {...(props.record ? { record: props.record(editingId) } : {})}
          heading={`Change ${thisItem}`}
          focusHeading={opener.current !== null}
          onSave={(changes) => props.onUpdate(editingId, changes)}
          onDone={() => {
            setEditingId(undefined)
            returnFocus()
          }}
        />
      )}
      {adding && (
        <div className="subform">
          <FormHeading focus={opener.current !== null}>Add {props.itemName}</FormHeading>
          <EditForm
            groups={groups}
            values={adding.values}
            onValues={(values) => setAdding({ ...adding, values })}
            submitLabel={`Add ${props.itemName}`}
            onCancel={() => {
              clearAdding()
              returnFocus()
            }}
            onSubmit={async (stored) => {
              await props.onAdd(Object.fromEntries(Object.entries(stored).filter(([, value]) => value !== undefined)))
              clearAdding()
              returnFocus()
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
  heading: string
  focusHeading: boolean
  onSave: (changes: Record<string, unknown>) => void | Promise<void>
  onDone: () => void
  record?: FieldRecordSource
}) {
  const fields = props.groups.flatMap((group) => [...group.fields])
  const [draft, setDraft, clearDraft] = useFormDraft(props.draftKey, props.label)
  const profile = useProfile()
  const current = draft ?? { values: formValues(fields, props.item), base: props.item }
  const choices = useOvertakenChoices(props.record, props.onSave)
  return (
    <div className="subform">
      <FormHeading focus={props.focusHeading}>{props.heading}</FormHeading>
      <EditForm
        groups={props.groups}
        values={current.values}
        onValues={(values) => setDraft({ ...current, values })}
        submitLabel="Save changes"
        choices={choices.issues}
        afterField={(field: Field) => {
          const overtaken = overtakenAt(choices, field.name)
          if (overtaken) {
            return (
              <OvertakenChoice
                overtaken={overtaken}
                asked={choices.asked}
                takesFocus={overtaken === choices.overtaken[0]}
                onKeep={async (value) => setDraft(await choices.keep(current, overtaken, value))}
              />
            )
          }
          const record = props.record
          if (!record?.hasHistory(field.name)) return undefined
          return (
            <FieldHistory
              field={field}
              read={() => record.history(field.name)}
              {...(record.correct ? { correct: { current: formValues([field], { [field.name]: props.item[field.name] })[field.name] ?? '', onCorrect: (to: string) => record.correct!(field.name, to) } } : {})}
            />
          )
        }}
        onCancel={() => {
          choices.clear()
          clearDraft()
          props.onDone()
        }}
        onSubmit={async (stored) => {
          const base = Object.fromEntries(fields.map((field) => [field.name, current.base[field.name]]))
          const after = Object.fromEntries(fields.map((field) => [field.name, stored[field.name]]))
          const changes = changedValues(base, after)
          const overtaken = overtakenFields(fields, base, props.item, changes, (name) => props.record?.history(name).at(-1), profile)
          // Nothing is saved until each field someone else saved meanwhile has a value kept.
          if (overtaken.length > 0) return choices.ask(overtaken)
          if (Object.keys(changes).length > 0) await props.onSave(changes)
          choices.clear()
          clearDraft()
          props.onDone()
        }}
      />
    </div>
  )
}

/**
 * A form's heading, which takes the keyboard's focus when the form opens after Add or Change (not
 * when a draft reopens it as the page loads).
 */
function FormHeading({ focus, children }: { focus: boolean; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focus) heading.current?.focus()
  }, [focus])
  return (
    <h4 ref={heading} tabIndex={-1}>
      {children}
    </h4>
  )
}

/**
 * An item's fields saved with two values at once, for a row under its own: each with both values,
 * who saved them and when, to keep one. Null when there is none (no row; and nothing decoded).
 * Also the Actions tab's, whose table is its own. Once one is kept, focus goes to the item's row,
 * which shows the value kept. Not `choosable` on a closed case: both values shown, kept once reopened.
 */
export function itemConflicts(fields: readonly Field[], record: FieldRecordSource, itemRow: RefObject<HTMLElement | null>, choosable = true): ReactNode {
  const conflicts = fields.flatMap((field) => {
    const values = record.conflict(field.name)
    return values ? [{ field, values }] : []
  })
  if (conflicts.length === 0) return null
  // Named, since the box sits under the row rather than under its field.
  return conflicts.map(({ field, values }) => (
    <div key={field.name}>
      <p className="item-conflict__field">{field.label}</p>
      <FieldConflict field={field} values={values} {...(choosable ? { onChoose: (value: unknown) => record.choose(field.name, value) } : {})} returnFocus={itemRow} />
    </div>
  ))
}

/**
 * A closed case's list: no Change or Remove, but an item with unsaved typing still says so at its
 * row (the words wait in its draft until the case is reopened), never hidden.
 */
function unsavedRows<T>(entries: [string, T][], unsaved: Set<string>): { rowActions?: { heading: string; cell: (row: [string, T]) => ReactNode } } {
  if (!entries.some(([id]) => unsaved.has(id))) return {}
  return {
    rowActions: {
      heading: 'Changes',
      cell: ([id]) => unsaved.has(id) && <strong className="unsaved-item">Unsaved changes: reopen the case to save them</strong>,
    },
  }
}

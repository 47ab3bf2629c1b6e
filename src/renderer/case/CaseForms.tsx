import { fieldConflict, fieldHistory, hasFieldHistory } from '../../shared/automerge/field-history'
import * as change from '../../shared/case/changes'
import type { CaseSection } from '../../shared/case/changes'
import type { FieldGroup } from '../../shared/forms/fields'
import { CollectionEditor } from '../forms/CollectionEditor'
import { SectionForm } from '../forms/SectionForm'
import { useCaseChange, useOpenCase } from './CaseContext'
import { useCorrectValue } from './CorrectedCase'

/*
 * The open case's forms, wired to the domain's changes. They live apart from the phase view that
 * shows most of them so that its panels (and the expenses tab) can use them without importing it.
 */

/** A form section of the case, saved through the domain's updateSection. */
export function Section(props: { section: CaseSection; title: string; groups: readonly FieldGroup[] }) {
  const { id, record, doc } = useOpenCase()
  const changeCase = useCaseChange()
  const correct = useCorrectValue()
  return (
    <SectionForm
      record={{
        ...(correct ? { correct: (field: string, value: string) => correct(`${props.section}.${field}`, value) } : {}),
        conflict: (field) => fieldConflict(doc, [props.section], field),
        history: (field) => fieldHistory(doc, [props.section], field),
        hasHistory: (field) => hasFieldHistory(doc, [props.section], field),
        choose: (field, value) => changeCase((draft, context) => change.chooseValue(draft, props.section, field, value, context)),
      }}
      draftKey={`${id}:${props.section}`}
      title={props.title}
      groups={props.groups}
      stored={record[props.section] as Record<string, unknown>}
      onSave={(changes) => changeCase((doc, context) => change.updateSection(doc, props.section, changes, context))}
    />
  )
}

/** A list on the case, saved through the domain's addItem, updateItem, removeItem and chooseItemValue. */
export function Collection(props: {
  id: change.PlainCollection
  title: string
  itemName: string
  fields: Parameters<typeof CollectionEditor>[0]['fields']
  columns: Parameters<typeof CollectionEditor<Record<string, unknown>>>[0]['columns']
  emptyText: string
  invitation?: string
  order?: (a: Record<string, unknown>, b: Record<string, unknown>) => number
}) {
  const { id, record, doc } = useOpenCase()
  const changeCase = useCaseChange()
  const correct = useCorrectValue()
  return (
    <CollectionEditor
      record={(itemId) => ({
        ...(correct ? { correct: (field: string, value: string) => correct(`${props.id}.${itemId}.${field}`, value) } : {}),
        conflict: (field) => fieldConflict(doc, [props.id, itemId], field),
        history: (field) => fieldHistory(doc, [props.id, itemId], field),
        hasHistory: (field) => hasFieldHistory(doc, [props.id, itemId], field),
        choose: (field, value) => changeCase((draft, context) => change.chooseItemValue(draft, props.id, itemId, field, value, context)),
      })}
      draftKey={`${id}:${props.id}`}
      title={props.title}
      itemName={props.itemName}
      fields={props.fields}
      items={record[props.id] as Record<string, Record<string, unknown>>}
      columns={props.columns}
      emptyText={props.emptyText}
      {...(props.invitation ? { invitation: props.invitation } : {})}
      {...(props.order ? { order: props.order } : {})}
      onAdd={(values) => changeCase((doc, context) => change.addItem(doc, props.id, crypto.randomUUID(), values, context))}
      onUpdate={(itemId, changes) => changeCase((doc, context) => change.updateItem(doc, props.id, itemId, changes, context))}
      onRemove={(itemId) => changeCase((doc, context) => change.removeItem(doc, props.id, itemId, context))}
    />
  )
}

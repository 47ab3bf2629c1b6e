import { useEffect, useRef, useState } from 'react'
import { fieldConflict, fieldHistory, hasFieldHistory } from '../../../shared/automerge/field-history'
import * as change from '../../../shared/case/changes'
import { ONWARD_REFERRAL_FORM_FIELDS, ONWARD_REFERRAL_OUTCOMES } from '../../../shared/case/onward-referrals'
import { agreedActions, FIRST_ACTION_ID, PARTNER_ACTION_FIELDS, type AgreedAction } from '../../../shared/case/partner-actions'
import { formatUkDate } from '../../../shared/dates'
import { CollectionEditor } from '../../forms/CollectionEditor'
import { issuesOf } from '../../forms/issues'
import { today, useCaseChange, useOpenCase } from '../CaseContext'
import { Collection } from '../CaseForms'
import { useCorrectValue } from '../CorrectedCase'

const day = (value: unknown) => (value ? formatUkDate(String(value)) : '')

type ActionValues = AgreedAction['values']
const missed = (action: ActionValues) => !action.partnerActionDoneOn && action.partnerActionDue !== undefined && action.partnerActionDue < today()

/**
 * Referrals to other agencies and the actions agreed with them (the "linkage" function): one list
 * for the case, shown where the caseworker links the client to services (Reconnection planning and
 * Intensive support). Under it, each referral's agreed actions, any number, each added, changed and
 * marked done there; one past its date and not done says so in its row, as the board does.
 */
export function OnwardReferralsPanel() {
  const { record } = useOpenCase()
  const byReferral = new Map<string, AgreedAction[]>()
  for (const action of agreedActions(record)) byReferral.set(action.referral, [...(byReferral.get(action.referral) ?? []), action])
  const referrals = Object.entries(record.onwardReferrals).sort(([, a], [, b]) => b.madeOn.localeCompare(a.madeOn))
  // An action whose referral was removed on another laptop as it was added: still shown, never hidden.
  const removed = [...byReferral.keys()].filter((referral) => !(referral in record.onwardReferrals))
  return (
    <>
      <Collection
        id="onwardReferrals"
        title="Onward referrals"
        itemName="an onward referral"
        fields={ONWARD_REFERRAL_FORM_FIELDS}
        order={(a, b) => String(b.madeOn).localeCompare(String(a.madeOn))}
        emptyText="No referrals to other agencies recorded."
        invitation="Add each one: the agency and what it is for; then the actions agreed with them, under it."
        columns={[
          { label: 'Agency', value: (item) => String(item.agency ?? '') },
          { label: 'Referred on', value: (item) => day(item.madeOn) },
          { label: 'What for', value: (item) => String(item.reason ?? '') },
          {
            label: 'Outcome',
            value: (item) => [ONWARD_REFERRAL_OUTCOMES.find((o) => o.value === item.outcome)?.label, item.outcomeOn ? `(${day(item.outcomeOn)})` : ''].join(' ').trim(),
          },
          { label: 'Actions agreed', value: (_item, id) => actionsInWords((byReferral.get(id) ?? []).map((action) => action.values)) },
        ]}
      />
      {referrals.map(([id, referral]) => (
        <AgreedActions key={id} referral={id} title={`Actions agreed with ${referral.agency} (referred on ${day(referral.madeOn)})`} actions={byReferral.get(id) ?? []} />
      ))}
      {removed.map((id) => (
        <AgreedActions key={id} referral={id} title="Actions agreed on a referral since removed" actions={byReferral.get(id) ?? []} />
      ))}
    </>
  )
}

/** "3 agreed: 1 done, 1 missed" */
function actionsInWords(actions: ActionValues[]) {
  if (actions.length === 0) return 'None yet'
  const done = actions.filter((action) => action.partnerActionDoneOn).length
  const late = actions.filter(missed).length
  return (
    <>
      {actions.length} agreed: {done} done
      {late > 0 && (
        <>
          , <strong>{late} missed</strong>
        </>
      )}
    </>
  )
}

/**
 * One referral's agreed actions. The first may be the one the referral held itself before they
 * became a list (`FIRST_ACTION_ID`): changed, settled and corrected in the referral's own fields.
 */
function AgreedActions(props: { referral: string; title: string; actions: AgreedAction[] }) {
  const { id, doc } = useOpenCase()
  const changeCase = useCaseChange()
  const correct = useCorrectValue()
  const where = (itemId: string) => (itemId === FIRST_ACTION_ID ? (['onwardReferrals', props.referral] as const) : (['partnerActions', itemId] as const))
  const items = Object.fromEntries(props.actions.map((action) => [action.id, action.values as Record<string, unknown>]))
  const markDone = (itemId: string) => changeCase((draft, context) => change.updatePartnerAction(draft, props.referral, itemId, { partnerActionDoneOn: context.today }, context))
  return (
    <CollectionEditor
      record={(itemId) => {
        const [part, key] = where(itemId)
        return {
          ...(correct ? { correct: (field: string, value: string) => correct(`${part}.${key}.${field}`, value) } : {}),
          conflict: (field) => fieldConflict(doc, [part, key], field),
          history: (field) => fieldHistory(doc, [part, key], field),
          hasHistory: (field) => hasFieldHistory(doc, [part, key], field),
          choose: (field, value) => changeCase((draft, context) => change.chooseItemValue(draft, part, key, field, value, context)),
        }
      }}
      draftKey={`${id}:partnerActions:${props.referral}`}
      title={props.title}
      itemName="an agreed action"
      fields={PARTNER_ACTION_FIELDS}
      items={items}
      emptyText="No actions agreed with this partner yet."
      columns={[
        { label: 'Action agreed', value: (item) => <span className="long-words">{String(item.partnerAction ?? '')}</span> },
        { label: 'Who will do it', value: (item) => <span className="long-words">{String(item.partnerActionBy ?? '')}</span> },
        { label: 'Due by', value: (item) => day(item.partnerActionDue) },
        { label: 'Done', value: (item, itemId) => <DoneCell action={item as ActionValues} what={String(item.partnerAction ?? 'this action')} onMark={() => markDone(itemId)} /> },
      ]}
      onAdd={(values) => changeCase((draft, context) => change.addPartnerAction(draft, props.referral, crypto.randomUUID(), values, context))}
      onUpdate={(itemId, changes) => changeCase((draft, context) => change.updatePartnerAction(draft, props.referral, itemId, changes, context))}
      onRemove={(itemId) => changeCase((draft, context) => change.removePartnerAction(draft, props.referral, itemId, context))}
    />
  )
}

/**
 * Whether an action is done, and a button to mark it done today. Once marked, the keyboard stays on
 * the row: on the words that now say it is done, where the button was.
 */
function DoneCell(props: { action: ActionValues; what: string; onMark: () => void }) {
  const [marked, setMarked] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const said = useRef<HTMLSpanElement>(null)
  const { partnerActionDoneOn: doneOn } = props.action
  useEffect(() => {
    if (marked && doneOn) said.current?.focus()
  }, [marked, doneOn])
  if (doneOn) {
    return (
      <span ref={said} tabIndex={-1}>
        Done on {day(doneOn)}
      </span>
    )
  }
  return (
    <>
      {missed(props.action) ? <strong>Missed: chase it with the partner</strong> : 'Not done yet'}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          try {
            props.onMark()
            setMarked(true)
            setError(undefined)
          } catch (caught) {
            setError(issuesOf(caught)[0]?.message)
          }
        }}
      >
        Mark done today<span className="visually-hidden">: {props.what}</span>
      </button>
      {error && <p className="field__error">{error}</p>}
    </>
  )
}

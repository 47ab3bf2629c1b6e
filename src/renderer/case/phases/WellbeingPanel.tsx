import * as change from '../../../shared/case/changes'
import { WELLBEING_FIELDS, wellbeingChange, wellbeingTotal } from '../../../shared/case/support'
import { formatUkDate } from '../../../shared/dates'
import { formValues } from '../../../shared/forms/fields'
import { Panel } from '../../components/Panel'
import { EditForm } from '../../forms/EditForm'
import { useFormDraft } from '../../forms/drafts'
import { useReadOnly } from '../../forms/read-only'
import { useCaseChange, useOpenCase } from '../CaseContext'

/**
 * The Short Warwick-Edinburgh Mental Wellbeing Scale, at the start of support or at closure: seven
 * statements about the last two weeks, each from none of the time to all of the time.
 */
export function WellbeingPanel({ when }: { when: 'start' | 'closure' }) {
  const { id, record } = useOpenCase()
  const changeCase = useCaseChange()
  const score = record.wellbeing[when]
  const difference = wellbeingChange(record.wellbeing.start, record.wellbeing.closure)
  const title = when === 'start' ? 'Wellbeing at the start of support' : 'Wellbeing at closure'
  const [draft, setDraft, clearDraft] = useFormDraft(`${id}:wellbeing-${when}`, title)
  const closed = useReadOnly()
  const stored = score ? { on: score.on, ...Object.fromEntries(score.items.map((item, i) => [`item${i + 1}`, item])) } : {}
  return (
    <Panel
      id={`wellbeing-${when}`}
      title={title}
      actions={
        !draft &&
        !closed && (
          <button type="button" className="button button--secondary button--small" onClick={() => setDraft({ values: formValues(WELLBEING_FIELDS, stored), base: stored }, false)}>
            {score ? 'Change' : 'Record'}
          </button>
        )
      }
    >
      <p className="field__hint">Short Warwick-Edinburgh Mental Wellbeing Scale: how the client has felt over the last two weeks.</p>
      {score && !draft && (
        <p>
          <strong>{wellbeingTotal(score)} out of 35</strong> on {formatUkDate(score.on)}
          {when === 'closure' && difference !== undefined && ` (${difference >= 0 ? '+' : ''}${difference} since the start of support)`}
        </p>
      )}
      {!score && !draft && <p className="muted">Not recorded yet.</p>}
      {draft && (
        <EditForm
          groups={[{ title, fields: WELLBEING_FIELDS }]}
          values={draft.values}
          onValues={(values) => setDraft({ ...draft, values })}
          submitLabel="Save wellbeing scores"
          onCancel={clearDraft}
          onSubmit={(values) => {
            const items = Array.from({ length: 7 }, (_, i) => Number(values[`item${i + 1}`]))
            changeCase((doc, context) => change.recordWellbeing(doc, when, { on: String(values.on), items }, context))
            clearDraft()
          }}
        />
      )}
    </Panel>
  )
}

import { ANSWERS, ANSWER_LABELS, type Field } from '../../shared/forms/fields'
import { RadioGroup, SelectField, TextArea, TextField } from '../components/form'
import { CaseGoalsPicker } from './CaseGoalsPicker'
import { LocalAuthorityPicker } from './LocalAuthorityPicker'
import { OutreachTeamPicker } from '../referral/OutreachTeamPicker'

/** Radio buttons read well up to this many choices; beyond it, a drop-down list. */
const MAX_RADIOS = 6

/** The right control for a field of the catalogue, labelled, hinted and with its error. */
export function FieldInput({ field, value, onChange, error }: { field: Field; value: string; onChange: (value: string) => void; error?: string }) {
  const common = { name: field.name, label: field.label, value, onChange, ...(field.hint ? { hint: field.hint } : {}), ...(error ? { error } : {}) }
  switch (field.kind) {
    case 'paragraph':
      return <TextArea {...common} rows={4} />
    case 'date':
      return <TextField {...common} hint={field.hint ?? 'DD/MM/YYYY'} width="short" inputMode="numeric" />
    case 'answer':
      return (
        <RadioGroup
          name={field.name}
          legend={field.label}
          value={value}
          onChange={onChange}
          options={ANSWERS.map((answer) => ({ value: answer, label: ANSWER_LABELS[answer] }))}
          inline
          {...(field.hint ? { hint: field.hint } : {})}
          {...(error ? { error } : {})}
        />
      )
    case 'choice':
      return field.options.length <= MAX_RADIOS ? (
        <RadioGroup
          name={field.name}
          legend={field.label}
          value={value}
          onChange={onChange}
          options={field.options}
          {...(field.hint ? { hint: field.hint } : {})}
          {...(error ? { error } : {})}
        />
      ) : (
        <SelectField {...common} options={[{ value: '', label: 'Choose…' }, ...field.options]} />
      )
    case 'number':
      return field.scaleLabels ? (
        <RadioGroup
          name={field.name}
          legend={field.label}
          value={value}
          onChange={onChange}
          options={field.scaleLabels.map((label, index) => ({ value: String(field.min + index), label }))}
          inline
          {...(field.hint ? { hint: field.hint } : {})}
          {...(error ? { error } : {})}
        />
      ) : (
        <TextField {...common} width="short" inputMode="numeric" />
      )
    case 'local-authority':
      return <LocalAuthorityPicker {...common} />
    case 'outreach-team':
      return <OutreachTeamPicker {...common} />
    case 'case-goals':
      return <CaseGoalsPicker {...common} />
    case 'money':
      return <TextField {...common} hint={field.hint ?? 'In pounds, for example 42.50'} width="short" inputMode="text" />
    case 'postcode':
      return <TextField {...common} width="short" />
    case 'phone':
    case 'email':
      return <TextField {...common} width="medium" />
    case 'text':
      return <TextField {...common} width={field.width ?? 'full'} {...(field.numeric ? { inputMode: 'numeric' as const } : {})} />
  }
}

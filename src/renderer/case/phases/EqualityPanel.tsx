import { ageBandOn } from '../../../shared/case/age-band'
import { AGE_BANDS, EQUALITY_FIELDS, EQUALITY_VOLUNTARY, NOT_ASKED } from '../../../shared/case/equality'
import { today, useOpenCase } from '../CaseContext'
import { Section } from '../CaseForms'

/**
 * Equality monitoring, with the person's other details: voluntary, and only for monitoring. The age
 * band comes from the date of birth where it is known, so the form asks for it only when it is not.
 */
export function EqualityPanel() {
  const { record } = useOpenCase()
  const dateOfBirth = record.referral.dateOfBirth
  const band = dateOfBirth ? ageBandOn(dateOfBirth, today()) : undefined
  const fields = band ? EQUALITY_FIELDS.filter((field) => field.name !== 'ageBand') : EQUALITY_FIELDS
  return (
    <>
      <h3 className="subheading">Equality monitoring</h3>
      <p className="field__hint">{EQUALITY_VOLUNTARY}</p>
      {band && <p className="field__hint">Age band: {AGE_BANDS.find((option) => option.value === band)!.label} (from the date of birth).</p>}
      <Section section="equality" title="Equality monitoring" groups={[{ title: 'Equality monitoring', hint: EQUALITY_VOLUNTARY, blank: NOT_ASKED.label, blankChoice: NOT_ASKED.value, fields }]} />
    </>
  )
}

import { ageBandOn } from '../../../shared/case/age-band'
import { AGE_BANDS, EQUALITY_FIELDS, EQUALITY_VOLUNTARY, NOT_ASKED } from '../../../shared/case/equality'
import { today, useOpenCase } from '../CaseContext'
import { Section } from '../CaseForms'

/**
 * Equality monitoring, with the person's other details: voluntary, and only for monitoring. The age
 * band comes from the date of birth where it is known, so the form asks for it only when it is not,
 * and says so where the question would be. One panel, its title and the voluntary line said once.
 */
export function EqualityPanel() {
  const { record } = useOpenCase()
  const dateOfBirth = record.referral.dateOfBirth
  const band = dateOfBirth ? ageBandOn(dateOfBirth, today()) : undefined
  const fields = band ? EQUALITY_FIELDS.filter((field) => field.name !== 'ageBand') : EQUALITY_FIELDS
  const hint = band ? `${EQUALITY_VOLUNTARY} Age band: ${AGE_BANDS.find((option) => option.value === band)!.label} (from the date of birth).` : EQUALITY_VOLUNTARY
  return <Section section="equality" title="Equality monitoring" groups={[{ title: 'Equality monitoring', hint, blank: NOT_ASKED.label, blankChoice: NOT_ASKED.value, fields }]} />
}

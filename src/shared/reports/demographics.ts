import { equalityAnswers } from '../case/equality-answers'
import { EQUALITY_FIELDS, ETHNIC_GROUPS } from '../case/equality'
import type { ReportCase } from './monitoring'

/** One equality question's answers across a set of cases: each answer given, with the cases giving it. */
export interface Demographic {
  question: string
  answers: { label: string; caseIds: string[] }[]
}

/** Each question as a report names it: short, since the form's words are put to the client. */
const QUESTIONS: Record<(typeof EQUALITY_FIELDS)[number]['name'], string> = {
  gender: 'Gender',
  ethnicity: 'Ethnic group',
  ageBand: 'Age band at referral',
  disability: 'Disability or long-term health condition',
  sexualOrientation: 'Sexual orientation',
  religion: 'Religion',
  nationality: 'Nationality',
}

/** An ethnic group read alone names its ONS heading too ("White: Irish", not "Irish"). */
const withHeading = new Map(ETHNIC_GROUPS.map((group) => [group.label, `${group.group}: ${group.label}`]))

/**
 * The cases by each equality question's answer, in the form's order. "Prefer not to say" is a row of
 * its own (an answer), and a blank or "Not asked" is the "Not asked" row (never read as an answer):
 * both come last. The age band is the client's on `on(case)`, from the date of birth where known.
 */
export function demographics(cases: readonly ReportCase[], on: (c: ReportCase) => string): Demographic[] {
  const answered = cases.map((c) => ({ id: c.id, answers: equalityAnswers(c.record, on(c)) }))
  return EQUALITY_FIELDS.map((field, index) => {
    const options: readonly { value: string; label: string }[] = field.options
    // The options' order, with "Not asked" (first on the form) moved after "Prefer not to say".
    const order = [...options.filter((option) => option.value !== 'not-asked').map((option) => option.label), 'Not asked']
    const groups = new Map<string, string[]>()
    for (const { id, answers } of answered) {
      const { shown } = answers[index]!
      groups.set(shown, [...(groups.get(shown) ?? []), id])
    }
    const rank = (label: string) => (order.includes(label) ? order.indexOf(label) : order.length)
    return {
      question: QUESTIONS[field.name],
      answers: [...groups]
        .sort((a, b) => rank(a[0]) - rank(b[0]))
        .map(([label, caseIds]) => ({ label: (field.name === 'ethnicity' && withHeading.get(label)) || label, caseIds })),
    }
  })
}

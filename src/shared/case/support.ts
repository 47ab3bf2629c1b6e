import type { IsoDate } from '../dates'
import type { Field, FieldValues } from '../forms/fields'
import type { PersonRef } from '../people'

/** An action on a case: who will do what by when. Its owner is a team member. */
export const ACTION_FIELDS = [
  { name: 'description', label: 'Action', kind: 'text', required: true, max: 500 },
  { name: 'due', label: 'Due by', kind: 'date', required: true },
  { name: 'doneOn', label: 'Done on', kind: 'date', notFuture: true },
] as const satisfies readonly Field[]
export type ActionValues = FieldValues<typeof ACTION_FIELDS>
export interface CaseAction extends ActionValues {
  owner: PersonRef
  createdAt: string
  createdBy: PersonRef
}

/** Not done, and its due date has passed. */
export function isOverdue(action: { due: IsoDate; doneOn?: IsoDate | undefined }, today: IsoDate): boolean {
  return !action.doneOn && action.due < today
}

export const EXPENSE_CATEGORIES = [
  { value: 'travel', label: 'Travel' },
  { value: 'food', label: 'Food' },
  { value: 'move-in-kit', label: 'Move-in kit' },
  { value: 'other', label: 'Other' },
] as const
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number]['value']

/** Money spent from the reconnection budget (Toolkit, Phase 5 and 6). */
export const EXPENSE_FIELDS = [
  { name: 'date', label: 'Date', kind: 'date', notFuture: true, required: true },
  { name: 'category', label: 'Category', kind: 'choice', options: EXPENSE_CATEGORIES, required: true, messages: { required: 'Choose a category' } },
  { name: 'description', label: 'What it was for', kind: 'text' },
  { name: 'amount', label: 'Amount', hint: 'In pounds, for example 42.50', kind: 'money', required: true },
] as const satisfies readonly Field[]
export type ExpenseValues = FieldValues<typeof EXPENSE_FIELDS>
export interface Expense extends ExpenseValues {
  recordedBy: PersonRef
}

/** Totals in pence, by category and overall. */
export function expenseTotals(expenses: Expense[]): { byCategory: Record<ExpenseCategory, number>; total: number } {
  const byCategory = Object.fromEntries(EXPENSE_CATEGORIES.map((c) => [c.value, 0])) as Record<ExpenseCategory, number>
  for (const expense of expenses) byCategory[expense.category] += expense.amount
  return { byCategory, total: Object.values(byCategory).reduce((sum, pence) => sum + pence, 0) }
}

/**
 * A strengths-based support plan goal (Homeless Link, Evolve Housing's plan): the goal in the
 * client's words, the strengths and people behind it, the actions, and how to celebrate.
 */
export const GOAL_FIELDS = [
  { name: 'goal', label: 'What I would like to achieve', kind: 'paragraph', required: true, max: 2000 },
  { name: 'currentStrengths', label: 'Current strengths that will support this', kind: 'paragraph', max: 2000 },
  { name: 'strengthsToWorkOn', label: 'Strengths I would like to work on', kind: 'paragraph', max: 2000 },
  { name: 'peopleAndNetworks', label: 'The people and networks I would like involved', kind: 'paragraph', max: 2000 },
  { name: 'actions', label: 'Actions towards the goal', kind: 'paragraph', max: 2000 },
  { name: 'celebrate', label: 'I will celebrate achieving my goal by', kind: 'paragraph', max: 2000 },
  { name: 'achievedOn', label: 'Achieved on', kind: 'date', notFuture: true },
  // When the goal is next looked at with the client (a support-plan review, `review-due.ts`).
  { name: 'reviewOn', label: 'Review by', kind: 'date' },
] as const satisfies readonly Field[]
export type Goal = FieldValues<typeof GOAL_FIELDS>

const FREQUENCY = ['None of the time', 'Rarely', 'Some of the time', 'Often', 'All of the time'] as const

/** The Short Warwick-Edinburgh Mental Wellbeing Scale: seven statements, over the last two weeks. */
export const WELLBEING_STATEMENTS = [
  "I've been feeling optimistic about the future",
  "I've been feeling useful",
  "I've been feeling relaxed",
  "I've been dealing with problems well",
  "I've been thinking clearly",
  "I've been feeling close to other people",
  "I've been able to make up my own mind about things",
] as const

export const WELLBEING_FIELDS = [
  { name: 'on', label: 'Date', kind: 'date', notFuture: true, required: true },
  ...WELLBEING_STATEMENTS.map(
    (statement, index) =>
      ({ name: `item${index + 1}`, label: statement, kind: 'number', min: 1, max: 5, required: true, scaleLabels: FREQUENCY }) as const,
  ),
] as const satisfies readonly Field[]
export interface WellbeingScore {
  on: IsoDate
  /** The seven answers, 1 (none of the time) to 5 (all of the time). */
  items: number[]
}

/** The total, 7 to 35. */
export function wellbeingTotal(score: WellbeingScore): number {
  return score.items.reduce((sum, item) => sum + item, 0)
}

/** How the total changed from the start of support to closure, if both were measured. */
export function wellbeingChange(start: WellbeingScore | undefined, closure: WellbeingScore | undefined): number | undefined {
  return start && closure ? wellbeingTotal(closure) - wellbeingTotal(start) : undefined
}

/** Phase 7, Step down of support. */
export const STEP_DOWN_FIELDS = [
  {
    name: 'startedOn',
    label: 'Support started scaling back on',
    hint: 'Usually three to four weeks after reconnection',
    kind: 'date',
    notFuture: true,
  },
  { name: 'handoverAgencies', label: 'Local agencies taking over support', kind: 'paragraph' },
  {
    name: 'writtenAgreementOn',
    label: 'Written agreement made with the client on',
    hint: 'To attend floating support, health and drug or alcohol treatment locally',
    kind: 'date',
    notFuture: true,
  },
] as const satisfies readonly Field[]
export type StepDown = FieldValues<typeof STEP_DOWN_FIELDS>

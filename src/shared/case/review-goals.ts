import type { Goal } from './support'

/**
 * Which goals a support plan review looked at: chosen from the goals recorded on the case, each
 * kept in its words as they were when chosen (a review is a record of that day: a goal reworded
 * or removed later still reads as it was reviewed). Stored one goal a line.
 */

/** The goals a review names, one a line, each once. */
export function goalsNamed(value: string | undefined): string[] {
  return [...new Set((value ?? '').split('\n').map((line) => line.trim()).filter(Boolean))]
}

/**
 * What the review's form offers to tick: every goal of the case, in its current words, then any
 * the review already names that the case no longer has in those words, still ticked, so editing
 * an older review loses nothing it chose.
 */
export function reviewGoalChoices(goals: Record<string, Pick<Goal, 'goal'>>, value: string | undefined): { goal: string; chosen: boolean }[] {
  const named = goalsNamed(value)
  const current = [...new Set(Object.values(goals).map((goal) => goal.goal.trim()).filter(Boolean))]
  return [...current.map((goal) => ({ goal, chosen: named.includes(goal) })), ...named.filter((goal) => !current.includes(goal)).map((goal) => ({ goal, chosen: true }))]
}

/** The value with one goal ticked or unticked, in the order the form shows them. */
export function withGoal(choices: readonly { goal: string; chosen: boolean }[], goal: string, chosen: boolean): string {
  return choices
    .filter((choice) => (choice.goal === goal ? chosen : choice.chosen))
    .map((choice) => choice.goal)
    .join('\n')
}

import { describe, expect, it } from 'vitest'
import { goalsNamed, reviewGoalChoices, withGoal } from './review-goals'

const goals = { g1: { goal: 'Keep my flat' }, g2: { goal: 'See my daughter at weekends' }, g3: { goal: 'Get a job in a kitchen' } }

describe("a review's goals, chosen from the case's", () => {
  it("offers every goal of the case, ticking those the review names", () => {
    expect(reviewGoalChoices(goals, 'See my daughter at weekends')).toEqual([
      { goal: 'Keep my flat', chosen: false },
      { goal: 'See my daughter at weekends', chosen: true },
      { goal: 'Get a job in a kitchen', chosen: false },
    ])
  })

  it('keeps a goal the review named that the case has since reworded or removed, still ticked', () => {
    expect(reviewGoalChoices({ g1: { goal: 'Keep my flat and pay the rent' } }, 'Keep my flat')).toEqual([
      { goal: 'Keep my flat and pay the rent', chosen: false },
      { goal: 'Keep my flat', chosen: true },
    ])
  })

  it('ticks and unticks a goal, keeping the order shown', () => {
    const choices = reviewGoalChoices(goals, 'Get a job in a kitchen')
    expect(withGoal(choices, 'Keep my flat', true)).toBe('Keep my flat\nGet a job in a kitchen')
    expect(withGoal(choices, 'Get a job in a kitchen', false)).toBe('')
  })

  it('reads the goals named one a line, each once, without blanks', () => {
    expect(goalsNamed(' Keep my flat \n\nKeep my flat\nGet a job in a kitchen')).toEqual(['Keep my flat', 'Get a job in a kitchen'])
    expect(goalsNamed(undefined)).toEqual([])
  })
})

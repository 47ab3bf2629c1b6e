import { describe, expect, it } from 'vitest'
import { readView } from './BoardPage'
import { FIRST_BOARD_VIEW } from './first-view'

describe('the board view asked for as the page starts', () => {
  it('is the one the board page reads from an address with nothing chosen, so the page takes its answer', () => {
    // The primed call is taken only by a call with the same parameters, as JSON.
    expect(JSON.stringify(readView(new URLSearchParams()))).toBe(JSON.stringify(FIRST_BOARD_VIEW))
  })
})

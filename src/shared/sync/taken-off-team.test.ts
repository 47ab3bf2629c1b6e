import { describe, expect, it } from 'vitest'
import { takenOffTeamNotice } from './taken-off-team'

describe('the notice of a laptop taken off the team', () => {
  it('says when, by whom, and that the team’s data was deleted', () => {
    const at = new Date(2026, 10, 30, 14, 2).toISOString()
    expect(takenOffTeamNotice(at)).toBe("This laptop was taken off the team on 30/11/2026 at 14:02 by the team's server. The team's data on it was deleted.")
  })
})

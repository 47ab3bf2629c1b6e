import { describe, expect, it } from 'vitest'
import { closureLetterEmail } from './closure-letter-email'

const referral = { clientName: 'Olwen Pryce' } as Parameters<typeof closureLetterEmail>[0]['referral']

describe('whom the closure letter is emailed to', () => {
  it("is the client, at their email address", () => {
    expect(closureLetterEmail({ referral, contact: { email: 'olwen@example.org' } })).toEqual({ to: 'olwen@example.org' })
  })

  it('is no one when no email address is recorded, saying why in one line', () => {
    const why = { whyNot: 'No email address is recorded for Olwen: print the closure letter to post or give to them.' }
    expect(closureLetterEmail({ referral, contact: {} })).toEqual(why)
    expect(closureLetterEmail({ referral, contact: { email: '  ' } })).toEqual(why)
  })
})

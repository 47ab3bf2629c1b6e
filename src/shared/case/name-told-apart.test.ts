import { describe, expect, it } from 'vitest'
import { namesToldApart } from './name-told-apart'

describe('namesToldApart', () => {
  const ana = { id: 'a', clientName: 'Ana Pereira', receivedOn: '2026-10-01' }
  const anaAgain = { id: 'b', clientName: 'ana  PEREIRA', receivedOn: '2026-11-02' }
  const dylan = { id: 'c', clientName: 'Dylan Price', receivedOn: '2026-11-02' }

  it('names a case by the client’s name alone when no other case has it', () => {
    expect(namesToldApart([ana, dylan])).toEqual(new Map([['a', 'Ana Pereira'], ['c', 'Dylan Price']]))
  })

  it('tells two people of one name (however typed) apart by when each was referred, never by CHAIN number or date of birth', () => {
    expect([...namesToldApart([ana, anaAgain, dylan]).values()]).toEqual(['Ana Pereira (referred 01/10/2026)', 'ana  PEREIRA (referred 02/11/2026)', 'Dylan Price'])
  })
})

import { describe, expect, it } from 'vitest'
import type { GeneratedDocument } from '../attachments'
import { packEmailedBeforeMade } from './pack-emailed-after-made'

const made = (kind: GeneratedDocument['kind'], at: string): GeneratedDocument => ({ kind, fileName: 'x.pdf', pages: 1, at, by: { id: 'p', name: 'P' }, enclosures: [] })

describe('the pack is emailed once it is made', () => {
  it('warns, without refusing, of a pack recorded as emailed before the first pack was made', () => {
    const documents = { a: made('presentation-pack', '2026-08-11T10:00:00.000Z'), b: made('presentation-pack', '2026-08-05T10:00:00.000Z') }
    expect(packEmailedBeforeMade(documents, '2026-08-04')).toBe(
      'The presentation pack was first made on Wednesday 5 August 2026, after the day it is recorded as emailed: check this date',
    )
  })

  it('says nothing of a pack emailed on or after the day it was first made, or when none was made here', () => {
    const documents = { a: made('presentation-pack', '2026-08-05T10:00:00.000Z') }
    expect(packEmailedBeforeMade(documents, '2026-08-05')).toBeUndefined()
    expect(packEmailedBeforeMade(documents, '2026-08-06')).toBeUndefined()
    expect(packEmailedBeforeMade(documents, undefined)).toBeUndefined()
    // A closure letter is not a pack.
    expect(packEmailedBeforeMade({ c: made('closure-letter', '2026-08-05T10:00:00.000Z') }, '2026-08-01')).toBeUndefined()
  })
})

import { ImmutableString } from '@automerge/automerge/slim'
import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { toPlain, toStored } from './registers'

describe('registers', () => {
  it('stores strings as ImmutableStrings and drops undefined fields', () => {
    const plain: { name: string; age: number; note?: string; tags: string[]; nested: { b: string } } = {
      name: 'Łukasz',
      age: 40,
      note: undefined,
      tags: ['a'],
      nested: { b: 'c' },
    }
    const stored = toStored(plain)
    expect(stored.name).toBeInstanceOf(ImmutableString)
    expect(stored.tags[0]).toBeInstanceOf(ImmutableString)
    expect(stored.nested.b).toBeInstanceOf(ImmutableString)
    expect('note' in stored).toBe(false)
    expect(toPlain<typeof plain>(stored)).toEqual({ name: 'Łukasz', age: 40, tags: ['a'], nested: { b: 'c' } })
  })

  it('ends concurrent edits of a field as one of the two values, never interleaved', () => {
    const base = Automerge.from(toStored({ phone: '07700 900000' }))
    const left = Automerge.change(Automerge.clone(base, { actor: 'aa'.repeat(16) }), (d) => {
      d.phone = toStored('07700 900111')
    })
    const right = Automerge.change(Automerge.clone(base, { actor: 'bb'.repeat(16) }), (d) => {
      d.phone = toStored('07700 900222')
    })
    const merged = Automerge.merge(left, right)
    expect(['07700 900111', '07700 900222']).toContain(toPlain<{ phone: string }>(merged).phone)
    expect(Object.keys(Automerge.getConflicts(merged, 'phone') ?? {})).toHaveLength(2)
  })
})

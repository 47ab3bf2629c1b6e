import { describe, expect, it } from 'vitest'
import { mayMakeSubjectAccessCopy } from './subject-access'

describe('who may make a subject access copy', () => {
  it('a manager, of any case', () => {
    expect(mayMakeSubjectAccessCopy({ id: 'derek', role: 'manager' }, 'amina')).toBe(true)
    expect(mayMakeSubjectAccessCopy({ id: 'derek', role: 'manager' }, undefined)).toBe(true)
  })

  it('the lead caseworker, of their own case only', () => {
    expect(mayMakeSubjectAccessCopy({ id: 'amina', role: 'caseworker' }, 'amina')).toBe(true)
    expect(mayMakeSubjectAccessCopy({ id: 'jo', role: 'caseworker' }, 'amina')).toBe(false)
    expect(mayMakeSubjectAccessCopy({ id: 'jo', role: 'caseworker' }, undefined)).toBe(false)
  })
})

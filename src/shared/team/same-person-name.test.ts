import { describe, expect, it } from 'vitest'
import { oncePerPerson, personNameKey, samePersonName } from './same-person-name'

describe('one person, one name', () => {
  it('takes a name typed with other capitals, spacing or accents as the same name', () => {
    expect(samePersonName('Amina Okafor', '  amína   OKAFOR ')).toBe(true)
    expect(samePersonName('Gwenllian Pryce', 'Gwénllian Pryce')).toBe(true)
    expect(samePersonName('Łukasz Wiśniewski', 'Łukasz Wisniewski')).toBe(true)
    expect(samePersonName('Amina Okafor', 'Amina Okafor-Jones')).toBe(false)
  })

  it('takes a name that only looks the same (invisible or compatibility characters) as the same name', () => {
    expect(personNameKey('Derek\u200B Hall')).toBe('derek hall')
    expect(personNameKey('Ｄｅｒｅｋ\u2800Hall')).toBe('derek hall')
  })

  it('lists each person once, by id and by name', () => {
    const people = [
      { id: 'a', name: 'Amina Okafor' },
      { id: 'a', name: 'Amina Okafor' },
      { id: 'b', name: 'amina okafor' },
      { id: 'c', name: 'Jo Price' },
    ]
    expect(oncePerPerson(people).map((person) => person.id)).toEqual(['a', 'c'])
  })
})

import { describe, expect, it } from 'vitest'
import { foldForSearch, searchTerms } from './fold'

describe('foldForSearch', () => {
  it.each([
    ['Łukasz Wiśniewski', 'lukasz wisniewski'],
    ['Zoë O’Brien-Ní Bhriain', 'zoe o’brien-ni bhriain'],
    ['Ștefan Popescu', 'stefan popescu'],
    ['Ólafur Jóhannsson', 'olafur johannsson'],
    ['Søren Ærø', 'soren aero'],
    ['Straße', 'strasse'],
    ['Đorđe', 'dorde'],
    ['Дмитрий Иванов', 'дмитрии иванов'],
  ])('%s → %s', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded)
  })
})

describe('searchTerms', () => {
  it('splits on punctuation and spaces and drops empties', () => {
    expect(searchTerms("  O'Brien-Ní,  Bhriain ")).toEqual(['o', 'brien', 'ni', 'bhriain'])
    expect(searchTerms('"*"')).toEqual([])
  })
})

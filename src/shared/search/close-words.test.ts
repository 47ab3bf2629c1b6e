import { describe, expect, it } from 'vitest'
import { allowedSlips, closeWords, mayBeMeant } from './close-words'

describe('close words (typo tolerance in search)', () => {
  const vocabulary = ['gwenllian', 'gwen', 'caernarfon', 'jan', 'ann', 'okafor', 'okafo', 'smith', 'smyth', 'nowak', 'mensah']

  it('finds a name with a letter missed, added, changed or two swapped', () => {
    expect(closeWords('gwenlian', vocabulary)).toEqual(['gwenllian'])
    expect(closeWords('smith', vocabulary)).toEqual(['smyth'])
    expect(closeWords('nowka', vocabulary)).toEqual(['nowak'])
    expect(closeWords('mensahh', vocabulary)).toEqual(['mensah'])
  })

  it('allows two slips in a long word, one in a middling word, none in a short one', () => {
    expect(allowedSlips('ann')).toBe(0)
    expect(allowedSlips('okaf')).toBe(1)
    expect(allowedSlips('caernarfon')).toBe(2)
    expect(closeWords('cairnarvon', vocabulary)).toEqual(['caernarfon'])
    expect(closeWords('jan', vocabulary)).toEqual([])
    expect(closeWords('gwenn', vocabulary)).toEqual(['gwen'])
  })

  it('never guesses at a number: a CHAIN number or postcode one digit off is someone else', () => {
    expect(allowedSlips('1111111')).toBe(0)
    expect(allowedSlips('ll551')).toBe(0)
    expect(closeWords('1111112', ['1111111'])).toEqual([])
    expect(closeWords('ll551', ['ll552'])).toEqual([])
  })

  it('keeps as words a slip may have been meant as only words of three letters or more without digits', () => {
    expect(['gwenllian', 'ann', 'jo', '1111111', 'll55', 'ab'].filter(mayBeMeant)).toEqual(['gwenllian', 'ann'])
    // The shortest word a slip can reach: "okaf" (four letters) is one slip from "oka".
    expect(closeWords('okaf', ['oka'])).toEqual(['oka'])
  })

  it('leaves out the word itself and words too far away', () => {
    expect(closeWords('okafor', vocabulary)).toEqual(['okafo'])
    expect(closeWords('mensah', ['menzies', 'mensah'])).toEqual([])
  })
})

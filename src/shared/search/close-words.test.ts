import { describe, expect, it } from 'vitest'
import { allowedSlips, closeWords } from './close-words'

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

  it('leaves out the word itself and words too far away', () => {
    expect(closeWords('okafor', vocabulary)).toEqual(['okafo'])
    expect(closeWords('mensah', ['menzies', 'mensah'])).toEqual([])
  })
})

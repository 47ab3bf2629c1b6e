/**
 * Folds text for searching, so that `wisniewski` finds `Wiśniewski` and `lukasz` finds `Łukasz`.
 * Canonical decomposition removes most accents; a few Latin letters (ł, ø, đ, ß...) have no
 * decomposition and are mapped by hand. Other scripts (Cyrillic, Greek...) keep their letters and
 * are only lower-cased.
 */
const LETTERS_WITHOUT_DECOMPOSITION: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
}

export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łøđðþßæœıħŧŀ]/g, (letter) => LETTERS_WITHOUT_DECOMPOSITION[letter] ?? letter)
}

/** The words of a search, folded; punctuation separates words. */
export function searchTerms(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
}

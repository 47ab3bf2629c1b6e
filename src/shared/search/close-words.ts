/**
 * Typo tolerance for search: the words a misspelt word may have been meant as. A word of 4 to 7
 * letters may be one slip away (a letter missed, added, changed, or two swapped: "gwenlian" for
 * "gwenllian"), a longer word two; shorter words must be spelt right, or "ann" would find "jan".
 * A word with a digit in it (a CHAIN number, a postcode, a house number) is never guessed at: one
 * digit off is another person's number, not a slip.
 */
export function allowedSlips(word: string): number {
  if (/\p{N}/u.test(word)) return 0
  const length = [...word].length
  return length < 4 ? 0 : length < 8 ? 1 : 2
}

/**
 * Whether an indexed word could be what a misspelt word was meant as: only these are kept in the
 * index's list of words to look through, so numbers (thousands of CHAIN numbers) never are.
 */
export function mayBeMeant(word: string): boolean {
  return !/\p{N}/u.test(word) && [...word].length >= 3
}

/** The words among `vocabulary` within `allowedSlips(word)` of `word`, other than the word itself. */
export function closeWords(word: string, vocabulary: Iterable<string>): string[] {
  const limit = allowedSlips(word)
  if (limit === 0) return []
  const target = [...word]
  const near: string[] = []
  for (const candidate of vocabulary) {
    if (candidate === word) continue
    const letters = [...candidate]
    if (Math.abs(letters.length - target.length) > limit) continue
    if (slipsBetween(target, letters, limit) <= limit) near.push(candidate)
  }
  return near
}

/**
 * The optimal string alignment distance (Damerau–Levenshtein without moving a letter twice),
 * stopping early once every path is over `limit`: most words of the vocabulary are rejected after
 * a row or two.
 */
function slipsBetween(a: string[], b: string[], limit: number): number {
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1)
      current.push(value)
      best = Math.min(best, value)
    }
    if (best > limit) return best
    before = previous
    previous = current
  }
  return previous[b.length]!
}

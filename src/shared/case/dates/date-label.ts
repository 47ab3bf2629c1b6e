/**
 * A field's label as it reads inside a sentence: quoted, so that a long label ("All agencies,
 * including the originating outreach referrers, told of the closure on") reads as the name of a
 * date, not as words of the sentence.
 */
export function quotedLabel(label: string): string {
  return `"${label}"`
}

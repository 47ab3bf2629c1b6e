import { ImmutableString } from '@automerge/automerge/slim'

/**
 * Homeward stores every string as an Automerge ImmutableString: a register that, edited on two
 * laptops at once, ends as one of the two values (the other kept as a visible conflict), never as
 * interleaved characters. Plain objects are what the rest of the code works with; these two
 * functions are the only crossing between the two shapes.
 */
export type Stored<T> = T extends string
  ? ImmutableString
  : T extends ImmutableString
    ? T
    : T extends readonly (infer U)[]
    ? Stored<U>[]
    : T extends object
      ? { [K in keyof T]: Stored<T[K]> }
      : T

/** Plain value to stored value: strings become registers, and undefined fields are left out
 * (Automerge cannot hold undefined). */
export function toStored<T>(value: T): Stored<T> {
  return convert(value, (text) => new ImmutableString(text)) as Stored<T>
}

/** Stored value (or a live Automerge document) to a plain, JSON-ready copy. */
export function toPlain<T>(value: Stored<NoInfer<T>>): T {
  return convert(value, (text) => text) as T
}

function convert(value: unknown, onString: (text: string) => unknown): unknown {
  if (typeof value === 'string') return onString(value)
  if (value instanceof ImmutableString) return onString(value.val)
  if (Array.isArray(value)) return value.map((item) => convert(item, onString))
  if (value instanceof Date || value instanceof Uint8Array) return value
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) copy[key] = convert(item, onString)
    }
    return copy
  }
  return value
}

/**
 * Wrong PINs are rate-limited: after 5 wrong in a row, a wait of 30 seconds, doubling with each
 * further wrong one, up to 15 minutes. A right PIN starts the count again. The laptop keeps the
 * count in its local settings, so restarting the app does not reset it.
 */
export const FREE_WRONG_PINS = 5
export const FIRST_WAIT_MS = 30_000
export const LONGEST_WAIT_MS = 15 * 60_000

/** Wrong PINs in a row, and until when (ISO) no PIN is tried. */
export interface WrongPins {
  wrong: number
  until: string | null
}

export const NO_WRONG_PINS: WrongPins = { wrong: 0, until: null }

/** The count after one more wrong PIN at `now`. */
export function afterWrongPin(state: WrongPins, now: Date): WrongPins {
  const wrong = state.wrong + 1
  if (wrong < FREE_WRONG_PINS) return { wrong, until: null }
  const wait = Math.min(FIRST_WAIT_MS * 2 ** (wrong - FREE_WRONG_PINS), LONGEST_WAIT_MS)
  return { wrong, until: new Date(now.getTime() + wait).toISOString() }
}

/** How long before a PIN may be tried again, in milliseconds (0: now). */
export function waitLeft(state: WrongPins, now: Date): number {
  if (!state.until) return 0
  return Math.max(0, Date.parse(state.until) - now.getTime())
}

/** A wait in words, rounded up: "30 seconds", "1 minute", "15 minutes". */
export function waitInWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`
}

/**
 * What a PIN or passphrase must be: at least 6 digits, or (anything with a letter or a space in it)
 * at least 8 characters. Six digits are a million guesses, which the wait after wrong ones
 * (`wrong-pin-wait.ts`) makes years of trying; a passphrase is for those who prefer words.
 */
export const MIN_PIN_DIGITS = 6
export const MIN_PASSPHRASE_LENGTH = 8
/** Longer is not safer here, only slower to hash; the API refuses more. */
export const MAX_PIN_LENGTH = 200

/** Why a PIN or passphrase cannot be used, in words; undefined when it can. */
export function pinProblem(pin: string): string | undefined {
  if (pin.length === 0) return 'Enter a PIN or passphrase'
  if (pin.length > MAX_PIN_LENGTH) return `A passphrase can be at most ${MAX_PIN_LENGTH} characters`
  if (/^\d+$/.test(pin)) return pin.length < MIN_PIN_DIGITS ? `A PIN needs at least ${MIN_PIN_DIGITS} digits` : undefined
  return [...pin].length < MIN_PASSPHRASE_LENGTH ? `A PIN is ${MIN_PIN_DIGITS} digits or more; a passphrase at least ${MIN_PASSPHRASE_LENGTH} characters` : undefined
}

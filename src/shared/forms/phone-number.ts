/**
 * A UK phone number as a person types it: a landline or mobile (0113 222 4444, +44 7700 900123),
 * a freephone number (0800 …), and the short service numbers a client is given: 111, 999, 101,
 * 116 123 (Samaritans). Spaces, brackets and dashes are kept as typed.
 */
export function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '').length
  return /^\+?[0-9 ()-]+$/.test(text) && digits >= 3 && digits <= 15
}

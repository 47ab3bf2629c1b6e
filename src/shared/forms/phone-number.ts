/**
 * A phone number as a person types it, with spaces, brackets and dashes kept as typed: a UK number
 * of the shape Ofcom's National Telephone Numbering Plan gives its leading digits, the same with +44
 * (or 0044, with or without the "(0)"), a short service number a client is given, or a number abroad.
 *
 * The lengths, counting the 0 (a rule that holds for every range, so it refuses slips without
 * refusing real numbers):
 * - 01: 11 digits, or 10 for the few areas whose local numbers are shorter (016977, 01204 and
 *   others); 011x and 01x1 are the big cities' 4-digit codes (0113 Leeds, 0121 Birmingham), whose
 *   local numbers are all 7 digits, so 11; of the 011x codes only 0113 to 0118 are in use.
 * - 02 (020 London, 029 Cardiff…), 03, 05, 07 and 09: 11.
 * - 08: 11, and freephone 0800 has 10 as well (0800 555 111), and Childline's 0800 1111.
 * - 00, 04, 06 and 010: no UK number starts so (00 is the way to dial abroad).
 *
 * An office's switchboard number may end in an extension ("01234 567890 ext 4", "x4"): the number
 * before it is checked, the extension is kept as typed.
 */
export function phoneNumberProblem(typed: string): string | undefined {
  const text = typed.replace(EXTENSION, '')
  if (!/^\+?[0-9 ()-]+$/.test(text)) return 'must be a phone number, like 0113 222 4444 or 111'
  const digits = text.replace(/\D/g, '')
  const abroad = text.startsWith('+') ? digits : digits.startsWith('00') ? digits.slice(2) : undefined
  if (abroad === undefined) return digits.startsWith('0') ? ukProblem(digits) : serviceProblem(digits)
  // +44 is the UK: the number is checked as dialled at home, with its 0 (written "(0)" or not).
  if (abroad.startsWith('44')) return ukProblem(`0${abroad.slice(2).replace(/^0/, '')}`)
  // E.164: a country code and number of at most 15 digits; fewer than 8 is a number cut short.
  if (abroad.length < 8 || abroad.length > 15) return `has ${abroad.length} digits: a number abroad has 8 to 15 after the +`
  return undefined
}

/** An extension after the number: "ext 4", "ext. 4", "extension 4", "x4", up to 6 digits. */
const EXTENSION = /\s*(?:,\s*)?(?:ext\.?|extension|x)\s*\d{1,6}$/i

export function isPhoneNumber(text: string): boolean {
  return phoneNumberProblem(text) === undefined
}

/** The short numbers a client may be given: 999 and 112 (emergency), 111, 101, 105 (power cut), 116 xxx (helplines such as Samaritans' 116 123), 118 xxx. */
function serviceProblem(digits: string): string | undefined {
  if (['111', '999', '112', '101', '105'].includes(digits) || /^11[68]\d{3}$/.test(digits)) return undefined
  return 'must start with 0 or +, like 0113 222 4444, or be a service number like 111'
}

/** A UK number as dialled at home, with its 0: does its length fit its leading digits? */
function ukProblem(digits: string): string | undefined {
  const start = digits.slice(0, 4)
  if (/^0[046]|^010|^011[0129]/.test(digits)) return `cannot start with ${/^011/.test(digits) ? start : digits.slice(0, 3)}: no UK number does`
  if (digits === '08001111') return undefined
  const [lengths, starting]: [number[], string] = /^011\d|^01\d1/.test(digits)
    ? [[11], start]
    : /^01/.test(digits)
      ? [[10, 11], '01']
      : /^0800/.test(digits)
        ? [[10, 11], '0800']
        : [[11], digits.slice(0, 2)]
  if (lengths.includes(digits.length)) return undefined
  return `has ${digits.length} digits: a UK number starting ${starting} has ${lengths.join(' or ')}`
}

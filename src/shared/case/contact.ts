import type { Field, FieldGroup, FieldValues } from '../forms/fields'

/**
 * How to reach the client (Phase 1: the client must be contactable). Their addresses are not here:
 * the current postal address is the referral's (Contact), and the new address in the destination
 * area is the reconnection day's, so each fact has one field and the closure letter reads them.
 */
export const CONTACT_METHODS = [
  { value: 'phone', label: 'Phone call' },
  { value: 'text', label: 'Text message' },
  { value: 'email', label: 'Email' },
  { value: 'in-person', label: 'In person, where they are usually seen' },
  { value: 'through-service', label: 'Through a day centre, hostel or support worker' },
  { value: 'letter', label: 'Letter' },
] as const

export const CONTACT_FIELDS = [
  { name: 'phone', label: 'Phone number', kind: 'phone' },
  { name: 'email', label: 'Email address', kind: 'email' },
  {
    name: 'aliases',
    label: 'Other names they are known by',
    hint: 'Aliases, nicknames, earlier names or other spellings, separated by commas',
    kind: 'text',
    max: 500,
  },
  { name: 'preferredContact', label: 'Preferred contact method', kind: 'choice', options: CONTACT_METHODS },
  { name: 'lastSeenWhere', label: 'Where last seen', kind: 'text' },
  { name: 'lastSeenOn', label: 'When last seen', kind: 'date', notFuture: true },
  // Reading's assessment, "Accessibility": what makes contact and the record reachable for the client.
  { name: 'language', label: 'First or preferred language', kind: 'text', max: 100 },
  { name: 'interpreter', label: 'Needs an interpreter?', kind: 'answer' },
  {
    name: 'accessNeeds',
    label: 'Help needed to read, write, get about or communicate',
    hint: 'Literacy, sight or hearing, mobility, learning difficulties: what helps',
    kind: 'paragraph',
    max: 2000,
  },
  // Homeless Link, the Genesis case study: beliefs asked about with what they mean for the support.
  // Religious belief is special category data (UK GDPR Article 9): only what the client wants taken into account.
  {
    name: 'beliefs',
    label: 'Cultural or religious beliefs to take into account',
    hint: 'Is there anything we need to consider or be aware of regarding these beliefs? For example prayer times, food, fasting, who should visit',
    kind: 'paragraph',
    max: 2000,
  },
] as const satisfies readonly Field[]
export type ContactDetails = FieldValues<typeof CONTACT_FIELDS>

const ACCESS = new Set<string>(['language', 'interpreter', 'accessNeeds', 'beliefs'])
/** The form's two parts: how to reach the client, and what helps them communicate. */
export const CONTACT_GROUPS = [
  { title: 'How to reach them', fields: CONTACT_FIELDS.filter((field) => !ACCESS.has(field.name)) },
  { title: 'Communication and access', fields: CONTACT_FIELDS.filter((field) => ACCESS.has(field.name)) },
] as const satisfies readonly FieldGroup[]

/** The other names as a list: each once, in the order typed. */
export function aliasesOf(contact: ContactDetails): string[] {
  const seen = new Set<string>()
  return (contact.aliases ?? '')
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '' && !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()))
}

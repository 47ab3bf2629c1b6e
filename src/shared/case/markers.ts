import type { Field, FieldValues } from '../forms/fields'

/**
 * The kinds of warning marker: what any worker meeting the client must know, before the move and
 * after it (Homeless Link's common assessment asks for "any MAPPA, MARAC, DARIM, RSO details" and
 * the associated risk, domestic abuse included).
 */
export const MARKER_KINDS = [
  { value: 'risk-to-staff', label: 'Risk to staff' },
  { value: 'mappa', label: 'MAPPA involvement' },
  { value: 'marac', label: 'MARAC involvement' },
  { value: 'domestic-abuse', label: 'Domestic abuse' },
  { value: 'other', label: 'Other warning' },
] as const
export type MarkerKind = (typeof MARKER_KINDS)[number]['value']

/** A warning marker on the case: raised, reviewed, and ended when no longer current. */
export const MARKER_FIELDS = [
  { name: 'kind', label: 'Type of marker', kind: 'choice', options: MARKER_KINDS, required: true, messages: { required: 'Choose the type of marker' } },
  { name: 'details', label: 'Details', hint: 'What workers need to know, and where it comes from', kind: 'paragraph', max: 4000 },
  {
    name: 'safetyPlan',
    label: 'Safety plan',
    // GM Think keeps safety plans rather than risk assessments, asked with the client.
    hint: 'Agreed with the client where possible: what keeps them and others safe, and what workers should do',
    kind: 'paragraph',
    max: 4000,
  },
  { name: 'raisedOn', label: 'Raised on', kind: 'date', notFuture: true, required: true },
  { name: 'reviewOn', label: 'Review by', kind: 'date' },
  { name: 'endedOn', label: 'Ended on', hint: 'When the marker is no longer current', kind: 'date', notFuture: true },
] as const satisfies readonly Field[]
export type WarningMarker = FieldValues<typeof MARKER_FIELDS>

import { fieldsOf, type Field, type FieldGroup, type FieldValues } from '../forms/fields'
import type { AttachmentType } from './attachments'

const DOCUMENT_STATUS = [
  { value: 'gathered', label: 'Gathered' },
  { value: 'to-get', label: 'Still to get' },
  { value: 'not-applicable', label: 'Not applicable' },
] as const

/** The presentation pack's documents (Toolkit, Phase 5), gathered during planning. */
export const PACK_DOCUMENTS = [
  { name: 'docIdentity', label: 'ID or birth certificate', kind: 'choice', options: DOCUMENT_STATUS },
  { name: 'docBenefits', label: 'Proof of benefits entitlement', kind: 'choice', options: DOCUMENT_STATUS },
  { name: 'docMedical', label: 'Medical information', kind: 'choice', options: DOCUMENT_STATUS },
  { name: 'docAddressHistory', label: 'Proof of address history', kind: 'choice', options: DOCUMENT_STATUS },
  { name: 'docPriorityNeed', label: 'Evidence of priority need', kind: 'choice', options: DOCUMENT_STATUS },
] as const satisfies readonly Field[]

/** Which scanned document type stands for each of the pack's documents. */
export const PACK_DOCUMENT_TYPES: Record<(typeof PACK_DOCUMENTS)[number]['name'], AttachmentType> = {
  docIdentity: 'identity',
  docBenefits: 'benefits',
  docMedical: 'medical',
  docAddressHistory: 'address-history',
  docPriorityNeed: 'priority-need',
}

/** Phase 4, Reconnection planning. */
export const PLAN_GROUPS = [
  {
    title: 'Destination',
    fields: [
      { name: 'destination', label: 'Destination local authority', kind: 'local-authority' },
      { name: 'housingOptionsName', label: 'Housing Options contact', kind: 'text' },
      { name: 'housingOptionsPhone', label: 'Housing Options phone', kind: 'phone' },
      { name: 'housingOptionsEmail', label: 'Housing Options email', kind: 'email' },
    ],
  },
  {
    title: 'Early contact with the destination authority',
    hint: 'Highlight that the client is rough sleeping; check whether they are already known; say a Part VII application is intended.',
    fields: [
      { name: 'earlyContactOn', label: 'Early contact made on', kind: 'date', notFuture: true },
      { name: 'earlyContactOutcome', label: 'Outcome of the early contact', kind: 'paragraph' },
      { name: 'alreadyKnown', label: 'Already known to the destination authority?', kind: 'answer' },
      { name: 'partSevenIntended', label: 'Part VII application intended', kind: 'answer' },
    ],
  },
  { title: 'Presentation pack documents', fields: PACK_DOCUMENTS },
  {
    title: 'Presentation pack: consent and covering letter',
    hint: 'The pack goes to the Housing Options Officer by email the day before the presentation, and by hand on the day. It holds only what the client agrees to share.',
    fields: [
      { name: 'packConsent', label: 'The client agrees the pack is shared with the destination Housing Options team', kind: 'answer' },
      { name: 'packHealthConsent', label: 'The client agrees their health and support needs are described in the pack', kind: 'answer' },
      {
        name: 'priorityNeed',
        label: 'Priority need',
        hint: 'The grounds, and the evidence: for example, vulnerable because of a mental illness, with a psychiatrist’s letter',
        kind: 'paragraph',
      },
      {
        name: 'presentationArrangements',
        label: 'Arrangements for the day of the presentation',
        hint: 'When you will arrive, who comes with the client, and anything the officer should know',
        kind: 'paragraph',
      },
    ],
  },
  {
    title: 'Before the move',
    fields: [
      { name: 'clientPrepared', label: 'Client prepared for the possible outcomes of the presentation', kind: 'answer' },
      { name: 'emergencyAccommodation', label: 'Emergency accommodation arranged before the move', kind: 'answer' },
      { name: 'emergencyAccommodationWhere', label: 'Where', kind: 'text' },
      { name: 'emergencyFrom', label: 'From', kind: 'date' },
      { name: 'emergencyTo', label: 'Until', kind: 'date' },
      {
        name: 'healthArrangements',
        label: 'Health and substance misuse arrangements',
        hint: 'For example, a substitution script available here until the move and then in the destination area',
        kind: 'paragraph',
      },
    ],
  },
  {
    title: "The client's view",
    fields: [
      { name: 'clientConcerns', label: "The client's concerns", kind: 'paragraph' },
      { name: 'otherOptions', label: 'Other options considered', kind: 'paragraph' },
    ],
  },
] as const satisfies readonly FieldGroup[]
export const PLAN_FIELDS = fieldsOf(PLAN_GROUPS)
export type ReconnectionPlan = FieldValues<typeof PLAN_FIELDS>

/**
 * The documents still missing from the presentation pack: neither marked gathered (or not needed)
 * in the plan, nor attached to the case as a scanned document of that type.
 */
export function missingPackDocuments(plan: ReconnectionPlan, attached: readonly { type: AttachmentType }[] = []): string[] {
  return PACK_DOCUMENTS.filter(
    (doc) => (!plan[doc.name] || plan[doc.name] === 'to-get') && !attached.some((attachment) => attachment.type === PACK_DOCUMENT_TYPES[doc.name]),
  ).map((doc) => doc.label)
}

/** Phase 5: the risk assessment before the move. */
export const RISK_FIELDS = [
  { name: 'assessedOn', label: 'Risk assessment done on', kind: 'date', notFuture: true },
  {
    name: 'flightRisk',
    label: 'Flight risk',
    kind: 'choice',
    options: [
      { value: 'low', label: 'Low' },
      { value: 'medium', label: 'Medium' },
      { value: 'high', label: 'High' },
    ],
  },
  { name: 'otherRisks', label: 'Other new risks from the move', kind: 'paragraph' },
  { name: 'mitigations', label: 'How the risks will be managed', kind: 'paragraph' },
] as const satisfies readonly Field[]
export type RiskAssessment = FieldValues<typeof RISK_FIELDS>

/**
 * The safety gate (Getting Connected 2.5 and 4.10; Kent policy 5.3 and 5.6): reconnection is not
 * appropriate if any answer is yes. Each must be answered no before the move.
 */
export const SAFETY_QUESTIONS = [
  {
    name: 'riskOfHarm',
    label: 'Would the client be at risk of physical, sexual or psychological harm in the destination area?',
    kind: 'answer',
  },
  { name: 'excluded', label: 'Is the client excluded from the area, for example by an ASBO or an injunction?', kind: 'answer' },
  { name: 'reoffending', label: 'Is the client an ex-offender at risk of re-offending there?', kind: 'answer' },
  {
    name: 'partSevenAccepted',
    label: 'Has a local authority here accepted a duty to the client under Part 7 of the Housing Act 1996?',
    kind: 'answer',
  },
] as const satisfies readonly Field[]

export const SAFETY_FIELDS = [...SAFETY_QUESTIONS, { name: 'safetyNotes', label: 'Notes', kind: 'paragraph' }] as const satisfies readonly Field[]
export type SafetyCheck = FieldValues<typeof SAFETY_FIELDS>

export const PRESENTATION_OUTCOMES = [
  { value: 'accepted-temporary', label: 'Application taken; placed in temporary accommodation' },
  { value: 'pending', label: 'Application taken; decision pending' },
  { value: 'placed-supported', label: 'Placed in a hostel or supported accommodation' },
  { value: 'refused', label: 'Refused to take an application' },
  { value: 'other', label: 'Other' },
] as const

/**
 * Phase 5's steps with the presentation pack and the client, in the toolkit's words: the pack "sent
 * to the Housing Options Officer or Manager by email a day in advance of the presentation and handed
 * over in hard copy on the day"; the client given "detailed information about what a client should
 * expect on the day of reconnection and the plans for the day, including what will be expected of
 * the client". Marked from the paperwork panel too (the pack's emailed and handed-over dates).
 */
export const PACK_DELIVERY_FIELDS = [
  {
    name: 'packEmailedOn',
    label: 'Presentation pack emailed to Housing Options on',
    kind: 'date',
    notFuture: true,
    hint: 'A day before the presentation. DD/MM/YYYY',
    messages: { future: 'The date the pack was emailed cannot be in the future' },
  },
  {
    name: 'clientToldAboutDayOn',
    label: 'Client told what to expect on the day, and what will be expected of them, on',
    kind: 'date',
    notFuture: true,
    messages: { future: 'The date the client was told cannot be in the future' },
  },
  {
    name: 'packHandedOverOn',
    label: 'Presentation pack handed over in hard copy on',
    kind: 'date',
    notFuture: true,
    hint: 'On the day. DD/MM/YYYY',
    messages: { future: 'The date the pack was handed over cannot be in the future' },
  },
] as const satisfies readonly Field[]

/** Phase 5: the day of the move (Getting Connected 4.7: travel, en route, arrival). */
export const RECONNECTION_DAY_GROUPS = [
  { title: 'The presentation pack and the day', fields: PACK_DELIVERY_FIELDS },
  {
    title: 'Travel',
    fields: [
      { name: 'date', label: 'Date of reconnection', kind: 'date' },
      { name: 'travelPlan', label: 'Travel plan', kind: 'paragraph' },
      { name: 'travelBooked', label: 'Travel booked', kind: 'answer' },
      { name: 'bookingReference', label: 'Booking reference', kind: 'text', width: 'medium' },
      { name: 'accompaniedBy', label: 'Who accompanies the client', kind: 'text' },
      { name: 'enRouteToldOn', label: 'Receiving authority told the client is en route on', kind: 'date', notFuture: true },
    ],
  },
  {
    title: 'Presentation and arrival',
    fields: [
      { name: 'presentationOutcome', label: 'Outcome of the presentation at Housing Options', kind: 'choice', options: PRESENTATION_OUTCOMES },
      { name: 'presentationNotes', label: 'Notes on the presentation', kind: 'paragraph' },
      { name: 'arrivedOn', label: 'Arrival confirmed on', kind: 'date', notFuture: true },
      {
        name: 'newAddress',
        label: "The client's new address",
        hint: 'Where they live in the destination area, with the postcode, once known: the closure letter is sent there',
        kind: 'paragraph',
      },
      {
        name: 'confidence',
        label: "The client's confidence in the reconnection",
        kind: 'number',
        min: 1,
        max: 5,
        scaleLabels: ['1 Very low', '2 Low', '3 Unsure', '4 Good', '5 Very good'],
      },
      { name: 'confidenceNotes', label: 'Concerns raised, and how they were addressed', kind: 'paragraph' },
    ],
  },
] as const satisfies readonly FieldGroup[]
export const RECONNECTION_DAY_FIELDS = fieldsOf(RECONNECTION_DAY_GROUPS)
export type ReconnectionDay = FieldValues<typeof RECONNECTION_DAY_FIELDS>

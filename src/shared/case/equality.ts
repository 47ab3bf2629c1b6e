import type { Field, FieldValues } from '../forms/fields'

/**
 * Equality monitoring (Getting Connected 4.11, Kent 1.9, the Connection Support review's appendix
 * of referrals by gender, ethnicity and age). Every question is voluntary: "Prefer not to say" is
 * an answer, and a question left blank was not asked (`equality-answers.ts` reads them so).
 */

export const NOT_ASKED = { value: 'not-asked', label: 'Not asked' } as const
const PREFER_NOT_TO_SAY = { value: 'prefer-not-to-say', label: 'Prefer not to say' } as const

/** The age bands the report counts by; the Connection Support review reports 18 to 24 on its own. */
export const AGE_BANDS = [
  { value: 'under-18', label: 'Under 18' },
  { value: '18-24', label: '18 to 24' },
  { value: '25-34', label: '25 to 34' },
  { value: '35-44', label: '35 to 44' },
  { value: '45-54', label: '45 to 54' },
  { value: '55-64', label: '55 to 64' },
  { value: '65-plus', label: '65 and over' },
] as const
export type AgeBand = (typeof AGE_BANDS)[number]['value']

/** The ONS 2021 census ethnic groups for England and Wales, under the five headings ONS groups them by. */
const ONS_ETHNIC_GROUPS = {
  'Asian, Asian British or Asian Welsh': [
    ['asian-bangladeshi', 'Bangladeshi'],
    ['asian-chinese', 'Chinese'],
    ['asian-indian', 'Indian'],
    ['asian-pakistani', 'Pakistani'],
    ['asian-other', 'Any other Asian background'],
  ],
  'Black, Black British, Black Welsh, Caribbean or African': [
    ['black-african', 'African'],
    ['black-caribbean', 'Caribbean'],
    ['black-other', 'Any other Black, Black British or Caribbean background'],
  ],
  'Mixed or Multiple ethnic groups': [
    ['mixed-white-asian', 'White and Asian'],
    ['mixed-white-black-african', 'White and Black African'],
    ['mixed-white-black-caribbean', 'White and Black Caribbean'],
    ['mixed-other', 'Any other Mixed or Multiple ethnic background'],
  ],
  White: [
    ['white-british', 'English, Welsh, Scottish, Northern Irish or British'],
    ['white-irish', 'Irish'],
    ['white-gypsy-traveller', 'Gypsy or Irish Traveller'],
    ['white-roma', 'Roma'],
    ['white-other', 'Any other White background'],
  ],
  'Other ethnic group': [
    ['other-arab', 'Arab'],
    ['other-any', 'Any other ethnic group'],
  ],
} as const

export const ETHNIC_GROUPS = Object.entries(ONS_ETHNIC_GROUPS).flatMap(([group, options]) =>
  options.map(([value, label]) => ({ value, label, group })),
) as { value: (typeof ONS_ETHNIC_GROUPS)[keyof typeof ONS_ETHNIC_GROUPS][number][0]; label: string; group: string }[]

export const EQUALITY_FIELDS = [
  {
    name: 'gender',
    label: 'Gender',
    kind: 'choice',
    options: [NOT_ASKED, { value: 'woman', label: 'Woman' }, { value: 'man', label: 'Man' }, { value: 'non-binary', label: 'Non-binary' }, { value: 'another', label: 'In another way' }, PREFER_NOT_TO_SAY],
  },
  { name: 'ethnicity', label: 'Ethnic group', hint: 'The 2021 census groups', kind: 'choice', options: [NOT_ASKED, ...ETHNIC_GROUPS, PREFER_NOT_TO_SAY] },
  {
    name: 'ageBand',
    label: 'Age band',
    hint: 'Only when the date of birth is not known: otherwise it comes from the date of birth',
    kind: 'choice',
    options: [NOT_ASKED, ...AGE_BANDS, PREFER_NOT_TO_SAY],
  },
  {
    name: 'disability',
    label: 'Do they consider themselves to have a disability or long-term health condition?',
    kind: 'choice',
    options: [NOT_ASKED, { value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }, PREFER_NOT_TO_SAY],
  },
  {
    name: 'sexualOrientation',
    label: 'Sexual orientation',
    kind: 'choice',
    options: [
      NOT_ASKED,
      { value: 'straight', label: 'Straight or heterosexual' },
      { value: 'gay-or-lesbian', label: 'Gay or lesbian' },
      { value: 'bisexual', label: 'Bisexual' },
      { value: 'another', label: 'Another sexual orientation' },
      PREFER_NOT_TO_SAY,
    ],
  },
  {
    name: 'religion',
    label: 'Religion',
    kind: 'choice',
    options: [
      NOT_ASKED,
      { value: 'none', label: 'No religion' },
      { value: 'christian', label: 'Christian' },
      { value: 'buddhist', label: 'Buddhist' },
      { value: 'hindu', label: 'Hindu' },
      { value: 'jewish', label: 'Jewish' },
      { value: 'muslim', label: 'Muslim' },
      { value: 'sikh', label: 'Sikh' },
      { value: 'other', label: 'Any other religion' },
      PREFER_NOT_TO_SAY,
    ],
  },
  {
    name: 'nationality',
    label: 'Nationality',
    hint: 'Immigration status and recourse to public funds are recorded with the referral (Identity)',
    kind: 'choice',
    options: [
      NOT_ASKED,
      { value: 'british', label: 'British' },
      { value: 'irish', label: 'Irish' },
      { value: 'eu-eea-swiss', label: 'EU, EEA or Swiss' },
      { value: 'other', label: 'Another nationality' },
      PREFER_NOT_TO_SAY,
    ],
  },
] as const satisfies readonly Field[]
export type EqualityMonitoring = FieldValues<typeof EQUALITY_FIELDS>

/** The line shown over the questions, and said to the client. */
export const EQUALITY_VOLUNTARY =
  'Answering is voluntary: the client may prefer not to say. The answers are used only to monitor that the service is fair to everyone, never to decide their case.'

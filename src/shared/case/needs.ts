import type { Field, FieldGroup, FieldValues } from '../forms/fields'

/**
 * How much support a domain calls for. The reference documents give no scale of their own
 * (Reading's common assessment asks open questions), so this is the plain one the sector uses;
 * "Not assessed" keeps a domain not yet asked about apart from one with no need.
 */
export const NEED_LEVELS = [
  { value: 'none', label: 'No need' },
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
  { value: 'not-assessed', label: 'Not assessed' },
] as const
export type NeedLevel = (typeof NEED_LEVELS)[number]['value']

/**
 * The needs assessment's domains: Reading's common assessment ("Strengths and Support Needs",
 * Homeless Link, Case Management in the Homelessness Sector), with ID and social networks, and the
 * benefit claims the toolkit's Phase 1 checklist asks the referrer for. Each hint is the
 * assessment's own question, asked of the client.
 */
export const NEED_DOMAINS = [
  { key: 'physicalHealth', title: 'Physical health', hint: 'Are you happy with your physical health? Any current illness or conditions, medication, recent hospital admissions, GP details.' },
  { key: 'mentalHealth', title: 'Emotional wellbeing and mental health', hint: 'What impacts on your mental health? What helps you feel better? Any diagnosis, medication, self-harm, current support.' },
  { key: 'drugs', title: 'Substance use', hint: 'What, how much, how often, for how long; any treatment and prescriptions; any wish to change.' },
  { key: 'alcohol', title: 'Alcohol use', hint: 'How much on a typical drinking day; treatment history and motivation to change.' },
  { key: 'offending', title: 'Offending', hint: 'What helps you reduce your offending? On probation? Previous convictions; any MAPPA or MARAC details go on a warning marker too.' },
  { key: 'money', title: 'Finances and benefits', hint: 'What is your income? Work or benefits, debts, budgeting, repayment plans.' },
  { key: 'id', title: 'ID', hint: 'What ID the client has, and what is needed for benefits and a housing application.' },
  { key: 'educationAndWork', title: 'Basic skills, training and employment', hint: 'Work now or before, training or qualifications, literacy support, learning difficulties.' },
  { key: 'tenancySkills', title: 'Tenancy sustainment', hint: 'Cooking, cleaning, shopping, paying bills; any previous evictions or stays in supported accommodation.' },
  { key: 'socialNetworks', title: 'Social networks and relationships', hint: 'Family, friends and others who support the client, and any who put them at risk.' },
] as const
export type NeedDomain = (typeof NEED_DOMAINS)[number]['key']

type DomainFields<K extends string> = readonly [
  { name: `${K}Level`; label: string; kind: 'choice'; options: typeof NEED_LEVELS },
  { name: `${K}ClientWords`; label: string; kind: 'paragraph'; max: number },
  { name: `${K}Notes`; label: string; kind: 'paragraph'; max: number },
]

/**
 * A domain's three fields: its level, the client's own words, and the caseworker's notes. The
 * client's words are kept in a field of their own, apart from the caseworker's and from the
 * referrer's account (the referral's "Support needs"). Each label names its domain, so an error,
 * the history and the subject access copy read alone.
 */
function domainFields<K extends string>(domain: { key: K; title: string; hint: string }): DomainFields<K> {
  return [
    { name: `${domain.key}Level`, label: `${domain.title}: level of need`, kind: 'choice', options: NEED_LEVELS },
    { name: `${domain.key}ClientWords`, label: `${domain.title}: in the client's words`, kind: 'paragraph', max: 4000 },
    { name: `${domain.key}Notes`, label: `${domain.title}: caseworker's notes`, kind: 'paragraph', max: 4000 },
  ]
}

const ASSESSMENT_FIELDS = [
  { name: 'assessedOn', label: 'Assessed on', kind: 'date', notFuture: true },
  { name: 'assessedBy', label: 'Assessed by', hint: 'Who carried out the assessment with the client', kind: 'text', max: 200 },
] as const satisfies readonly Field[]

/** Tool 2, Phase 1: "details of the client's benefits claims". */
const BENEFIT_CLAIMS_FIELD = {
  name: 'benefitClaims',
  label: 'Benefit claims',
  hint: 'Each benefit claimed, where it is paid, and any claim waiting or stopped',
  kind: 'paragraph',
  max: 4000,
} as const satisfies Field

/** Reading's assessment, Offending: "Is the client supervised by" probation, and by whom. */
const PROBATION_FIELDS = [
  { name: 'onProbation', label: 'Offending: supervised by probation now?', kind: 'answer' },
  { name: 'probationContact', label: 'Offending: probation officer or service', hint: 'Who supervises the client, and how to reach them', kind: 'text', max: 200 },
] as const satisfies readonly Field[]

/** What the client does now (Connection Support 13.4 counts clients in work): as it stands when the case closes, their outcome. */
export const WORK_OR_TRAINING = [
  { value: 'employed', label: 'In paid work' },
  { value: 'training', label: 'In training or education' },
  { value: 'volunteering', label: 'Volunteering' },
  { value: 'none', label: 'None of these' },
] as const
const WORK_FIELD = {
  name: 'workOrTraining',
  label: 'Basic skills, training and employment: in work or training now?',
  kind: 'choice',
  options: WORK_OR_TRAINING,
} as const satisfies Field

/** A domain's own questions beyond the three every domain has. */
const EXTRA_FIELDS: Partial<Record<NeedDomain, readonly Field[]>> = {
  offending: PROBATION_FIELDS,
  money: [BENEFIT_CLAIMS_FIELD],
  educationAndWork: [WORK_FIELD],
}

/** The assessment as the form shows it: when and by whom, then a group per domain. */
export const NEEDS_GROUPS = [
  { title: 'The assessment', fields: ASSESSMENT_FIELDS },
  ...NEED_DOMAINS.map((domain) => ({
    title: domain.title,
    hint: domain.hint,
    fields: [...domainFields(domain), ...(EXTRA_FIELDS[domain.key] ?? [])],
  })),
] as const satisfies readonly FieldGroup[]

export const NEEDS_FIELDS = [
  ...ASSESSMENT_FIELDS,
  ...NEED_DOMAINS.flatMap((domain) => domainFields(domain)),
  BENEFIT_CLAIMS_FIELD,
  ...PROBATION_FIELDS,
  WORK_FIELD,
] as const satisfies readonly Field[]
export type NeedsAssessment = FieldValues<typeof NEEDS_FIELDS>

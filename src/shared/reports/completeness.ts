import { PHASES, type Phase } from '../case/phases'
import type { CaseRecord } from '../case/record'

/**
 * An essential field: one the team must fill in once a case has come this far (the compliance
 * report an area-wide system such as CHAIN sends services). `from` is the first phase that needs it.
 */
interface EssentialField {
  label: string
  from: Phase
  /** Only for cases where this applies (a closed case, an accepted referral). */
  when?: (record: CaseRecord) => boolean
  filled: (record: CaseRecord) => boolean
}

const has = (value: unknown) => value !== undefined && value !== null && value !== ''
const accepted = (record: CaseRecord) => record.referral.status !== 'rejected'

export const ESSENTIAL_FIELDS: readonly EssentialField[] = [
  { label: 'CHAIN number', from: 'identify', filled: (r) => has(r.referral.chainNumber) },
  { label: 'Referral criteria answered', from: 'identify', filled: (r) => has(r.referral.criterionLocalConnection) && has(r.referral.criterionRoughSleeping) && has(r.referral.criterionMultipleNeeds) },
  { label: 'Recourse to public funds', from: 'identify', filled: (r) => has(r.referral.publicFunds) },
  { label: 'Support needs', from: 'identify', filled: (r) => has(r.referral.supportNeeds) },
  { label: 'Lead caseworker', from: 'allocate', when: accepted, filled: (r) => has(r.allocation.leadCaseworker) },
  { label: 'Lead worker recorded on CHAIN', from: 'allocate', when: accepted, filled: (r) => r.allocation.chainUpdated === 'yes' },
  { label: 'Consent to record', from: 'engage', when: accepted, filled: (r) => has(r.engagement.consentToRecord) },
  { label: 'Referral information confirmed with the client', from: 'engage', when: accepted, filled: (r) => has(r.engagement.referralConfirmedOn) },
  { label: 'Address history', from: 'reconnection-planning', when: accepted, filled: (r) => Object.keys(r.addresses).length > 0 },
  { label: 'Destination local authority', from: 'reconnection-planning', when: accepted, filled: (r) => has(r.plan.destination) },
  { label: 'Risk assessment date', from: 'reconnection', when: accepted, filled: (r) => has(r.risk.assessedOn) },
  { label: 'Arrival confirmed', from: 'intensive-support', when: accepted, filled: (r) => has(r.reconnectionDay.arrivedOn) },
  { label: 'Wellbeing at the start of support', from: 'intensive-support', when: accepted, filled: (r) => has(r.wellbeing.start) },
  { label: 'Support plan goal', from: 'intensive-support', when: accepted, filled: (r) => Object.keys(r.goals).length > 0 },
  { label: 'Closure letter made', from: 'closure-and-review', when: (r) => r.outcome?.type === 'planned', filled: (r) => has(r.closure.closureLetterOn) },
  { label: 'Team review of the case', from: 'closure-and-review', when: (r) => r.outcome?.type === 'planned', filled: (r) => has(r.closure.teamReviewOn) },
  { label: 'Wellbeing at closure', from: 'closure-and-review', when: (r) => r.outcome?.type === 'planned', filled: (r) => has(r.wellbeing.closure) },
]

export interface CompletenessGap {
  caseId: string
  clientName: string
  caseworker: string
  field: string
}

export interface CaseworkerCompleteness {
  caseworker: string
  cases: number
  expected: number
  filled: number
  /** Whole percent of the essential fields filled. */
  percent: number
}

export interface Completeness {
  perCaseworker: CaseworkerCompleteness[]
  gaps: CompletenessGap[]
  /** The cases looked at. */
  cases: string[]
}

/** The essential fields a case should have by now, given how far it has come. */
export function essentialFieldsFor(record: CaseRecord): readonly EssentialField[] {
  const reached = PHASES.indexOf(record.phase)
  return ESSENTIAL_FIELDS.filter((field) => PHASES.indexOf(field.from) <= reached && (field.when?.(record) ?? true))
}

/** The share of essential fields filled, per lead caseworker, and every gap. */
export function completeness(cases: readonly { id: string; record: CaseRecord }[]): Completeness {
  const per = new Map<string, CaseworkerCompleteness>()
  const gaps: CompletenessGap[] = []
  for (const { id, record } of cases) {
    const caseworker = record.allocation.leadCaseworker?.name ?? 'Not allocated'
    const entry = per.get(caseworker) ?? { caseworker, cases: 0, expected: 0, filled: 0, percent: 100 }
    per.set(caseworker, entry)
    entry.cases++
    for (const field of essentialFieldsFor(record)) {
      entry.expected++
      if (field.filled(record)) entry.filled++
      else gaps.push({ caseId: id, clientName: record.referral.clientName, caseworker, field: field.label })
    }
  }
  for (const entry of per.values()) entry.percent = entry.expected === 0 ? 100 : Math.floor((100 * entry.filled) / entry.expected)
  return {
    perCaseworker: [...per.values()].sort((a, b) => a.percent - b.percent || a.caseworker.localeCompare(b.caseworker, 'en-GB')),
    gaps: gaps.sort((a, b) => a.caseworker.localeCompare(b.caseworker, 'en-GB') || a.clientName.localeCompare(b.clientName, 'en-GB')),
    cases: cases.map((c) => c.id),
  }
}

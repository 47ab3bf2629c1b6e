import { z } from 'zod'
import type { CaseOutcome } from '../case/closure'
import { PHASES } from '../case/phases'
import { readCase } from '../case/case-doc'
import type { NeedLevel } from '../case/needs'
import { newCaseRecord, type CaseDoc, type CaseRecord } from '../case/record'
import type { Referral, ReferralDetails, ReferralIdentity } from '../case/referral'
import type { Expense } from '../case/support'
import type { IsoDate } from '../dates'
import { firstRecorded } from './first-recorded'
import type { FirstRecorded } from './income-and-work-change'

/**
 * What the monitoring report needs of a case, and nothing that identifies the person: dates, the
 * phase reached, how the referral was decided and the case closed, the destination area, and the
 * costs (amount, category, date). No name, date of birth, CHAIN number, notes, addresses, free text
 * or caseworkers. An erased case is kept as this (in the team document), so a period's figures do
 * not change when a case is erased.
 */
export const anonymisedCaseSchema = z.object({
  phase: z.enum(PHASES),
  status: z.enum(['open', 'closed']),
  receivedOn: z.string(),
  referralStatus: z.string(),
  decidedOn: z.string().optional(),
  rejectionReason: z.string().optional(),
  /** The referring organisation (an outreach team, never a person). */
  outreachTeam: z.string().optional(),
  referralConfirmedOn: z.string().optional(),
  /** The destination local authority's code: an area, not an address. */
  destination: z.string().optional(),
  arrivedOn: z.string().optional(),
  outcome: z.object({ type: z.string(), closedOn: z.string(), unplannedReason: z.string().optional(), inappropriateReason: z.string().optional() }).optional(),
  expenses: z.array(z.object({ date: z.string(), category: z.string(), amount: z.number() })),
  /** Case ids only (a re-referral, a merged duplicate): an id names no one. */
  previousCaseId: z.string().optional(),
  mergedInto: z.string().optional(),
  // What the report's later figures count (all optional: a record kept before them has none). No
  // equality answer is kept: they are special category data, and an erased case counts as not asked.
  /** Each follow-up check after closure: which, when, how contact was made, and its yes/no answers. */
  followUps: z
    .array(
      z.object({
        check: z.string(),
        doneOn: z.string(),
        contactMethod: z.string(),
        stillAccommodated: z.string().optional(),
        returnedToRoughSleeping: z.string().optional(),
        returnedToArea: z.string().optional(),
      }),
    )
    .optional(),
  /** Each wellbeing score's day and seven answers (start of support, each review, closure): numbers only. */
  wellbeing: z.array(z.object({ on: z.string(), items: z.array(z.number()) })).optional(),
  /** The levels of need for money and for work, and whether benefit claims were recorded (not what they are). */
  moneyLevel: z.string().optional(),
  educationAndWorkLevel: z.string().optional(),
  benefitClaimsRecorded: z.boolean().optional(),
  /** "In work or training now?", answered at closure, and what the assessment first recorded of money and work (income-and-work-change.ts): levels and answers, and whether claims were written, never what. */
  workOrTraining: z.string().optional(),
  firstRecorded: z
    .object({ moneyLevel: z.string().optional(), educationAndWorkLevel: z.string().optional(), workOrTraining: z.string().optional(), benefitClaimsAtFirst: z.boolean() })
    .optional(),
  financesCheckedOn: z.string().optional(),
  /** The days jobs began: no employer or place. */
  jobsFrom: z.array(z.string()).optional(),
  /** Each referral on to another agency's outcome: no agency or reason. */
  onwardReferralOutcomes: z.array(z.string()).optional(),
  reReferredAs: z.string().optional(),
})
export type AnonymisedCase = z.infer<typeof anonymisedCaseSchema>

/** A case document's anonymised record, what it first recorded read from its history. */
export function anonymisedCaseOf(doc: CaseDoc): AnonymisedCase {
  return anonymisedCase(readCase(doc), firstRecorded(doc))
}

/** A case's anonymised record: only what the report counts (see the schema above). `first`: what its history first recorded. */
export function anonymisedCase(record: CaseRecord, first?: FirstRecorded): AnonymisedCase {
  const { referral, outcome } = record
  return dropUndefined({
    phase: record.phase,
    status: record.status,
    receivedOn: referral.receivedOn,
    referralStatus: referral.status,
    decidedOn: referral.decidedOn,
    rejectionReason: referral.rejectionReason,
    outreachTeam: referral.outreachTeam,
    referralConfirmedOn: record.engagement.referralConfirmedOn,
    destination: record.plan.destination,
    arrivedOn: record.reconnectionDay.arrivedOn,
    outcome: outcome && dropUndefined({ type: outcome.type, closedOn: outcome.closedOn, unplannedReason: outcome.unplannedReason, inappropriateReason: outcome.inappropriateReason }),
    expenses: Object.values(record.expenses).map((expense) => ({ date: expense.date, category: expense.category, amount: expense.amount })),
    previousCaseId: record.previousCaseId,
    mergedInto: record.mergedInto,
    followUps: Object.values(record.followUps).map((followUp) =>
      dropUndefined({
        check: followUp.check,
        doneOn: followUp.doneOn,
        contactMethod: followUp.contactMethod,
        stillAccommodated: followUp.stillAccommodated,
        returnedToRoughSleeping: followUp.returnedToRoughSleeping,
        returnedToArea: followUp.returnedToArea,
      }),
    ),
    wellbeing: [
      record.wellbeing.start,
      ...Object.values(record.reviews).map((review) => ({
        on: review.reviewedOn,
        items: [review.item1, review.item2, review.item3, review.item4, review.item5, review.item6, review.item7],
      })),
      record.wellbeing.closure,
    ].filter((score): score is { on: IsoDate; items: number[] } => score !== undefined && score.items.every((item) => typeof item === 'number')),
    moneyLevel: record.needs.moneyLevel,
    educationAndWorkLevel: record.needs.educationAndWorkLevel,
    benefitClaimsRecorded: Boolean(record.needs.benefitClaims?.trim()),
    workOrTraining: record.needs.workOrTraining,
    firstRecorded: first && dropUndefined({ ...first }),
    financesCheckedOn: record.intensiveSupport.financesOn,
    jobsFrom: Object.values(record.employment).map((job) => job.from),
    onwardReferralOutcomes: Object.values(record.onwardReferrals).map((referral) => referral.outcome),
    reReferredAs: record.reReferredAs,
  })
}

/** What an anonymised case is called where a name would be: in the report's rows. */
export const ERASED_CASE_NAME = 'Erased case'

/** What a restricted case this laptop may not hold is called there (it is counted from its anonymised record). */
export const RESTRICTED_CASE_NAME = 'Restricted case'

/**
 * An anonymised case as the report reads a case: a record holding only the anonymised values, its
 * name "Erased case" (or "Restricted case"). The report counts it like any other (its data completeness excepted: there is
 * nothing left to complete).
 */
export function reportRecordOf(anonymised: AnonymisedCase, name: string = ERASED_CASE_NAME): CaseRecord {
  const nobody = { id: '', name: '' }
  const referralValues = { clientName: name } as ReferralIdentity & ReferralDetails
  const record = newCaseRecord(referralValues, { id: '', author: nobody, now: new Date(0), today: anonymised.receivedOn as IsoDate })
  const referral: Referral = dropUndefined({
    ...record.referral,
    status: anonymised.referralStatus as Referral['status'],
    decidedOn: anonymised.decidedOn as IsoDate | undefined,
    rejectionReason: anonymised.rejectionReason as Referral['rejectionReason'],
    outreachTeam: anonymised.outreachTeam,
  } as Referral)
  const expenses: Record<string, Expense> = Object.fromEntries(
    anonymised.expenses.map((expense, i) => [String(i), { date: expense.date, category: expense.category, amount: expense.amount, recordedBy: nobody } as Expense]),
  )
  return dropUndefined({
    ...record,
    phase: anonymised.phase as CaseRecord['phase'],
    status: anonymised.status,
    referral,
    engagement: dropUndefined({ referralConfirmedOn: anonymised.referralConfirmedOn as IsoDate | undefined }),
    plan: dropUndefined({ destination: anonymised.destination }),
    reconnectionDay: dropUndefined({ arrivedOn: anonymised.arrivedOn as IsoDate | undefined }),
    outcome: anonymised.outcome && ({ ...anonymised.outcome, closedBy: nobody } as CaseOutcome),
    expenses,
    previousCaseId: anonymised.previousCaseId,
    mergedInto: anonymised.mergedInto,
    // Each list keyed by its place: the report reads the values, never the keys.
    followUps: keyed(anonymised.followUps),
    // Every score as a review on its day: the report takes the first and last by date, whatever their kind.
    reviews: keyed(anonymised.wellbeing?.map(({ on, items }) => ({ reviewedOn: on, ...Object.fromEntries(items.map((item, i) => [`item${i + 1}`, item])) }))),
    needs: dropUndefined({
      moneyLevel: anonymised.moneyLevel,
      educationAndWorkLevel: anonymised.educationAndWorkLevel,
      // The report asks only whether claims were recorded: a word stands for them.
      benefitClaims: anonymised.benefitClaimsRecorded ? 'Recorded' : undefined,
      workOrTraining: anonymised.workOrTraining as CaseRecord['needs']['workOrTraining'],
    }),
    intensiveSupport: dropUndefined({ financesOn: anonymised.financesCheckedOn }),
    employment: keyed(anonymised.jobsFrom?.map((from) => ({ from }))),
    onwardReferrals: keyed(anonymised.onwardReferralOutcomes?.map((outcome) => ({ outcome }))),
    reReferredAs: anonymised.reReferredAs,
  }) as CaseRecord
}

/** What an anonymised case's needs assessment first recorded, as the report reads it of a case (ReportCase's `firstRecorded`). */
export function firstRecordedOf(anonymised: AnonymisedCase): FirstRecorded | undefined {
  const first = anonymised.firstRecorded
  return first && dropUndefined({
    moneyLevel: first.moneyLevel as NeedLevel | undefined,
    educationAndWorkLevel: first.educationAndWorkLevel as NeedLevel | undefined,
    workOrTraining: first.workOrTraining as FirstRecorded['workOrTraining'],
    benefitClaimsAtFirst: first.benefitClaimsAtFirst,
  })
}

/** A list as a record's map of entries, keyed by place. */
function keyed<T>(list: readonly T[] | undefined): Record<string, never> {
  return Object.fromEntries((list ?? []).map((item, i) => [String(i), item])) as Record<string, never>
}

/** Without keys whose value is undefined (Automerge refuses undefined; the record stays exact). */
function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

import { z } from 'zod'
import { toStored, type Stored } from '../automerge/registers'
import type { IsoDate } from '../dates'
import { ANSWERS, storedSchema, type Answer } from '../forms/fields'
import type { PersonRef } from '../people'
import {
  ATTACHMENT_FIELDS,
  EVIDENCE_COLLECTIONS,
  GENERATED_KINDS,
  MEDIA_TYPES,
  type AttachmentRecord,
  type GeneratedDocument,
} from './attachments'
import { CONTACT_FIELDS, type ContactDetails } from './contact'
import { EQUALITY_FIELDS, type EqualityMonitoring } from './equality'
import { CLOSURE_FIELDS, CLOSURE_TYPES, INAPPROPRIATE_REASONS, UNPLANNED_REASONS, type CaseOutcome, type ClosureChecklist } from './closure'
import { ENGAGEMENT_FIELDS, SHARING_CONSENT_FIELDS, type Engagement, type SharingConsent } from './engagement'
import {
  ADDRESS_FIELDS,
  EMPLOYMENT_FIELDS,
  FAMILY_FIELDS,
  SPECIAL_CIRCUMSTANCE_FIELDS,
  type AddressPeriod,
  type Employment,
  type FamilyMember,
  type SpecialCircumstance,
} from './local-connection'
import { INTENSIVE_SUPPORT_FIELDS, type IntensiveSupport } from './intensive-support'
import { MARKER_FIELDS, type WarningMarker } from './markers'
import { NEEDS_FIELDS, type NeedsAssessment } from './needs'
import { NOTE_TYPES, type CaseNote } from './notes'
import { PHASES, type Phase } from './phases'
import {
  PLAN_FIELDS,
  RECONNECTION_DAY_FIELDS,
  RISK_FIELDS,
  SAFETY_FIELDS,
  type ReconnectionDay,
  type ReconnectionPlan,
  type RiskAssessment,
  type SafetyCheck,
} from './reconnection'
import type { SafetyOverride } from './safety-gate'
import { FOLLOW_UP_FIELDS, type FollowUp } from './follow-ups'
import { ONWARD_REFERRAL_FIELDS, type OnwardReferral } from './onward-referrals'
import { PARTNER_ACTION_FIELDS, type PartnerAction } from './partner-actions'
import { REVIEW_FIELDS, type SupportPlanReview } from './reviews'
import type { CaseLearningPoint } from './learning-points'
import { REFERRAL_DETAIL_FIELDS, REFERRAL_IDENTITY_FIELDS, REJECTION_REASONS, type Referral, type ReferralDetails, type ReferralIdentity } from './referral'
import {
  ACTION_FIELDS,
  EXPENSE_FIELDS,
  GOAL_FIELDS,
  STEP_DOWN_FIELDS,
  type CaseAction,
  type Expense,
  type Goal,
  type StepDown,
  type WellbeingScore,
} from './support'

export const CASE_KIND = 'homeward/case'
/** 1: the first release (referral and notes). 2: the whole Safe Connections case. 3: adds scanned
 * documents and the record of generated paperwork. 4: adds the casework record around the toolkit
 * (`PARTS_ADDED` in added-parts.ts). 5: adds the case's learning points (learning-points.ts), once
 * in the team document. 6: adds the actions agreed with partners, any number per onward referral
 * (partner-actions.ts). */
export const CASE_SCHEMA_VERSION = 6

/** A step in the case's life: opened, moved on or back a phase, closed. */
export interface PhaseChange {
  id: string
  at: string
  by: PersonRef
  /** `merged`: a duplicate of this case was merged into it, in this phase. `reopened`: a closed
   * case opened again, in the phase it was closed in. */
  kind: 'opened' | 'forward' | 'back' | 'closed' | 'merged' | 'reopened'
  from?: Phase
  to: Phase
  reason?: string
  /** For `reopened`: the closure it undid, kept here once the case is no longer closed. */
  undid?: CaseOutcome
}

/**
 * A case as the rest of the code sees it: plain values, current schema. Collections are maps
 * keyed by id, so items added or edited on two laptops at once merge item by item; notes and the
 * phase history are append-only lists.
 */
export interface CaseRecord {
  kind: typeof CASE_KIND
  schemaVersion: number
  createdAt: string
  createdBy: PersonRef
  updatedAt: string
  phase: Phase
  status: 'open' | 'closed'
  outcome?: CaseOutcome
  phaseHistory: PhaseChange[]
  referral: Referral
  allocation: { leadCaseworker?: PersonRef; allocatedOn?: IsoDate; chainUpdated?: Answer }
  engagement: Engagement
  sharingConsents: Record<string, SharingConsent>
  addresses: Record<string, AddressPeriod>
  employment: Record<string, Employment>
  family: Record<string, FamilyMember>
  special: Record<string, SpecialCircumstance>
  plan: ReconnectionPlan
  risk: RiskAssessment
  safety: SafetyCheck & { override?: SafetyOverride }
  reconnectionDay: ReconnectionDay
  notes: CaseNote[]
  actions: Record<string, CaseAction>
  expenses: Record<string, Expense>
  goals: Record<string, Goal>
  wellbeing: { start?: WellbeingScore; closure?: WellbeingScore }
  stepDown: StepDown
  closure: ClosureChecklist
  /** Scanned documents, keyed by the id of the document holding each file. */
  attachments: Record<string, AttachmentRecord>
  /** Every presentation pack and closure letter made from the case. */
  generatedDocuments: Record<string, GeneratedDocument>
  // The casework record around the toolkit, added by schema 4 (added-parts.ts).
  contact: ContactDetails
  needs: NeedsAssessment
  /** Warning markers (risk to staff, MAPPA, MARAC, domestic abuse…), keyed by id. */
  markers: Record<string, WarningMarker>
  equality: EqualityMonitoring
  onwardReferrals: Record<string, OnwardReferral>
  /** The actions agreed with partners on the onward referrals, keyed by id, each naming its referral (schema 6). */
  partnerActions: Record<string, PartnerAction>
  intensiveSupport: IntensiveSupport
  followUps: Record<string, FollowUp>
  reviews: Record<string, SupportPlanReview>
  /** Tool 4, Step 11: the case's learning points for the team's log, keyed by id (schema 5). */
  learningPoints: Record<string, CaseLearningPoint>
  /** A re-referral links the new case and the closed one. */
  previousCaseId?: string
  reReferredAs?: string
  /** A duplicate (the same person, referred on two laptops at once) merged into this case. */
  mergedInto?: string
  /**
   * Entries that could not be read (one laptop's bad write, synced to the rest), when reading: each
   * is left out alone and named here, and the rest of the case reads as usual. Never stored.
   */
  unreadableEntries?: UnreadableEntry[]
}

/** An entry of one of a case's lists that could not be read: which list, and the entry's id. */
export interface UnreadableEntry {
  part: EntryList
  id: string
}

/** The parts of a case that are lists of entries: read entry by entry, so one bad entry hides only itself. */
export const ENTRY_LISTS = [
  'notes',
  'phaseHistory',
  'sharingConsents',
  'addresses',
  'employment',
  'family',
  'special',
  'actions',
  'expenses',
  'goals',
  'attachments',
  'generatedDocuments',
  'onwardReferrals',
  'partnerActions',
  'followUps',
  'reviews',
  'markers',
  'learningPoints',
] as const
export type EntryList = (typeof ENTRY_LISTS)[number]

/**
 * What the phase rules look at: the case without its logs and item lists. A domain change reads
 * this much of its draft (reading a draft is slow; the notes are most of it).
 */
export type CaseRules = Omit<CaseRecord, RuleFreeParts>
type RuleFreeParts = 'notes' | 'phaseHistory' | 'actions' | 'expenses' | 'goals' | 'sharingConsents' | 'wellbeing' | 'generatedDocuments'
export const RULE_FREE_PARTS: readonly RuleFreeParts[] = [
  'notes',
  'phaseHistory',
  'actions',
  'expenses',
  'goals',
  'sharingConsents',
  'wellbeing',
  'generatedDocuments',
]

/** A case as held in its Automerge document. */
export type CaseDoc = Stored<CaseRecord>

/** The empty sections and collections of a new case, made with the document so that no two
 * laptops ever create the same container concurrently (one of the two would be lost). */
function emptyParts() {
  return {
    allocation: {},
    engagement: {},
    sharingConsents: {},
    addresses: {},
    employment: {},
    family: {},
    special: {},
    plan: {},
    risk: {},
    safety: {},
    reconnectionDay: {},
    notes: [],
    actions: {},
    expenses: {},
    goals: {},
    wellbeing: {},
    stepDown: {},
    closure: {},
    attachments: {},
    generatedDocuments: {},
    contact: {},
    needs: {},
    markers: {},
    equality: {},
    onwardReferrals: {},
    partnerActions: {},
    intensiveSupport: {},
    followUps: {},
    reviews: {},
    learningPoints: {},
  } satisfies Partial<CaseRecord>
}

export function newCaseRecord(referral: ReferralIdentity & ReferralDetails, context: { id: string; author: PersonRef; now: Date; today: IsoDate }): CaseRecord {
  const at = context.now.toISOString()
  return {
    kind: CASE_KIND,
    schemaVersion: CASE_SCHEMA_VERSION,
    createdAt: at,
    createdBy: context.author,
    updatedAt: at,
    phase: 'identify',
    status: 'open',
    phaseHistory: [{ id: context.id, at, by: context.author, kind: 'opened', to: 'identify' }],
    referral: { ...referral, receivedOn: context.today, status: 'received' },
    ...emptyParts(),
  }
}

export function newCaseDoc(referral: ReferralIdentity & ReferralDetails, context: { id: string; author: PersonRef; now: Date; today: IsoDate }): CaseDoc {
  return toStored(newCaseRecord(referral, context))
}

const personRef = z.object({ id: z.string(), name: z.string() })
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const map = <T extends z.ZodType>(item: T) => z.record(z.string(), item)
const wellbeingScore = z.object({ on: isoDate, items: z.array(z.number().int().min(1).max(5)).length(7) })

const caseOutcomeSchema = z.object({
  type: z.enum(['rejected', ...CLOSURE_TYPES.map((t) => t.value)]),
  unplannedReason: z.enum(UNPLANNED_REASONS.map((r) => r.value) as [string, ...string[]]).optional(),
  inappropriateReason: z.enum(INAPPROPRIATE_REASONS.map((r) => r.value) as [string, ...string[]]).optional(),
  details: z.string().optional(),
  closedOn: isoDate,
  closedBy: personRef,
})

/** Checks a whole case in its plain shape: a document being read, or a `case show --json` file. */
export const caseRecordSchema = z.object({
  kind: z.literal(CASE_KIND),
  schemaVersion: z.literal(CASE_SCHEMA_VERSION),
  createdAt: z.string(),
  createdBy: personRef,
  updatedAt: z.string(),
  phase: z.enum(PHASES),
  status: z.enum(['open', 'closed']),
  outcome: caseOutcomeSchema.optional(),
  phaseHistory: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      by: personRef,
      kind: z.enum(['opened', 'forward', 'back', 'closed', 'merged', 'reopened']),
      from: z.enum(PHASES).optional(),
      to: z.enum(PHASES),
      reason: z.string().optional(),
      undid: caseOutcomeSchema.optional(),
    }),
  ),
  referral: storedSchema(REFERRAL_IDENTITY_FIELDS).and(storedSchema(REFERRAL_DETAIL_FIELDS)).and(
    z.object({
      receivedOn: isoDate,
      status: z.enum(['received', 'accepted', 'rejected']),
      decidedOn: isoDate.optional(),
      decidedBy: personRef.optional(),
      rejectionReason: z.enum(REJECTION_REASONS.map((r) => r.value) as [string, ...string[]]).optional(),
      signposting: z.string().optional(),
    }),
  ),
  allocation: z.object({ leadCaseworker: personRef.optional(), allocatedOn: isoDate.optional(), chainUpdated: z.enum(ANSWERS).optional() }),
  engagement: storedSchema(ENGAGEMENT_FIELDS),
  sharingConsents: map(storedSchema(SHARING_CONSENT_FIELDS)),
  addresses: map(storedSchema(ADDRESS_FIELDS)),
  employment: map(storedSchema(EMPLOYMENT_FIELDS)),
  family: map(storedSchema(FAMILY_FIELDS)),
  special: map(storedSchema(SPECIAL_CIRCUMSTANCE_FIELDS)),
  plan: storedSchema(PLAN_FIELDS),
  risk: storedSchema(RISK_FIELDS),
  safety: storedSchema(SAFETY_FIELDS).and(
    z.object({ override: z.object({ by: personRef, at: z.string(), reason: z.string() }).optional() }),
  ),
  reconnectionDay: storedSchema(RECONNECTION_DAY_FIELDS),
  notes: z.array(
    z.object({
      id: z.string(),
      date: isoDate,
      type: z.enum(NOTE_TYPES),
      text: z.string(),
      author: personRef,
      writtenAt: z.string(),
      corrects: z.string().optional(),
    }),
  ),
  actions: map(storedSchema(ACTION_FIELDS).and(z.object({ owner: personRef, createdAt: z.string(), createdBy: personRef }))),
  expenses: map(storedSchema(EXPENSE_FIELDS).and(z.object({ recordedBy: personRef }))),
  goals: map(storedSchema(GOAL_FIELDS)),
  wellbeing: z.object({ start: wellbeingScore.optional(), closure: wellbeingScore.optional() }),
  stepDown: storedSchema(STEP_DOWN_FIELDS),
  closure: storedSchema(CLOSURE_FIELDS).and(z.object({ learningPointsLoggedOn: isoDate.optional() })),
  attachments: map(
    storedSchema(ATTACHMENT_FIELDS).and(
      z.object({
        fileName: z.string(),
        mediaType: z.enum(MEDIA_TYPES),
        size: z.number().int().nonnegative(),
        sha256: z.string(),
        pages: z.number().int().positive(),
        position: z.number(),
        evidenceFor: z.object({ collection: z.enum(EVIDENCE_COLLECTIONS), itemId: z.string() }).optional(),
        addedAt: z.string(),
        addedBy: personRef,
      }),
    ),
  ),
  generatedDocuments: map(
    z.object({
      kind: z.enum(Object.keys(GENERATED_KINDS) as [keyof typeof GENERATED_KINDS]),
      fileName: z.string(),
      pages: z.number().int().positive(),
      at: z.string(),
      by: personRef,
      enclosures: z.array(z.object({ attachmentId: z.string(), fileName: z.string(), pages: z.number().int().positive() })),
    }),
  ),
  contact: storedSchema(CONTACT_FIELDS),
  needs: storedSchema(NEEDS_FIELDS),
  markers: map(storedSchema(MARKER_FIELDS)),
  equality: storedSchema(EQUALITY_FIELDS),
  onwardReferrals: map(storedSchema(ONWARD_REFERRAL_FIELDS)),
  partnerActions: map(storedSchema(PARTNER_ACTION_FIELDS).and(z.object({ referral: z.string() }))),
  intensiveSupport: storedSchema(INTENSIVE_SUPPORT_FIELDS),
  followUps: map(storedSchema(FOLLOW_UP_FIELDS)),
  reviews: map(storedSchema(REVIEW_FIELDS)),
  learningPoints: map(z.object({ text: z.string(), by: personRef, at: z.string(), reviewedAt: z.string().optional() })),
  previousCaseId: z.string().optional(),
  reReferredAs: z.string().optional(),
  mergedInto: z.string().optional(),
})

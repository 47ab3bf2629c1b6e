import type { z } from 'zod'
import { toPlain, toStored } from '../automerge/registers'
import { isIsoDate, type IsoDate } from '../dates'
import { checkStoredValues, type Field } from '../forms/fields'
import { typedDateProblem } from '../forms/typed-date'
import type { PersonRef, Role } from '../people'
import { ValidationError, type FieldIssue } from '../validation'
import { newActionDueBeforeToday } from './new-action-due'
import { ATTACHMENT_FIELDS, attachmentsInOrder, type AttachmentRecord, type EvidenceFor, type GeneratedDocument } from './attachments'
import { beginChange, readCase, readRules } from './case-doc'
import { afterToday } from './dates/happened-by-today'
import { refuseNewDateProblems } from './dates/no-new-date-problems'
import { CONTACT_FIELDS } from './contact'
import { EQUALITY_FIELDS } from './equality'
import { CLOSURE_FIELDS, type ClosureType, type InappropriateReason, type UnplannedReason } from './closure'
import { ENGAGEMENT_FIELDS, SHARING_CONSENT_FIELDS } from './engagement'
import { ADDRESS_FIELDS, EMPLOYMENT_FIELDS, FAMILY_FIELDS, SPECIAL_CIRCUMSTANCE_FIELDS } from './local-connection'
import { INTENSIVE_SUPPORT_FIELDS } from './intensive-support'
import { MARKER_FIELDS } from './markers'
import { NEEDS_FIELDS } from './needs'
import { advanceProblems, nextPhase, plannedClosureProblems, previousPhase } from './lifecycle'
import type { CaseNote, noteInputSchema } from './notes'
import { phaseLabel } from './phases'
import { ENTRY_LISTS, type CaseDoc, type CaseRecord, type CaseRules, type EntryList, type PhaseChange } from './record'
import { PLAN_FIELDS, RECONNECTION_DAY_FIELDS, RISK_FIELDS, SAFETY_FIELDS } from './reconnection'
import { REFERRAL_DETAIL_FIELDS, REFERRAL_IDENTITY_FIELDS, referralCriteriaProblems, type RejectionReason } from './referral'
import { ACTION_FIELDS, EXPENSE_FIELDS, GOAL_FIELDS, STEP_DOWN_FIELDS, type ActionValues, type WellbeingScore } from './support'
import { CaseRuleError } from './case-rule-error'
import { FOLLOW_UP_FIELDS } from './follow-ups'
import { contradictoryFollowUpAnswers } from './follow-up-answers'
import { FIRST_PARTNER_ACTION_FIELDS, ONWARD_REFERRAL_FIELDS } from './onward-referrals'
import { FIRST_ACTION_ID, PARTNER_ACTION_FIELDS } from './partner-actions'
import { REVIEW_FIELDS } from './reviews'

/** Who makes a change, when, and in what role (some changes are a manager's to make). */
export interface ChangeContext {
  author: PersonRef
  role: Role
  now: Date
  today: IsoDate
}

export { CaseRuleError } from './case-rule-error'

/** The parts of a case edited as forms, each with its catalogue of fields. */
export const CASE_SECTIONS = {
  referral: [...REFERRAL_IDENTITY_FIELDS, ...REFERRAL_DETAIL_FIELDS],
  allocation: [{ name: 'chainUpdated', label: 'Outreach team told, and the lead worker recorded on CHAIN', kind: 'answer' }],
  engagement: ENGAGEMENT_FIELDS,
  plan: PLAN_FIELDS,
  risk: RISK_FIELDS,
  safety: SAFETY_FIELDS,
  reconnectionDay: RECONNECTION_DAY_FIELDS,
  stepDown: STEP_DOWN_FIELDS,
  closure: CLOSURE_FIELDS,
  contact: CONTACT_FIELDS,
  equality: EQUALITY_FIELDS,
  needs: NEEDS_FIELDS,
  intensiveSupport: INTENSIVE_SUPPORT_FIELDS,
} as const satisfies Record<string, readonly Field[]>
export type CaseSection = keyof typeof CASE_SECTIONS

/** The lists of a case edited item by item. */
export const CASE_COLLECTIONS = {
  sharingConsents: SHARING_CONSENT_FIELDS,
  addresses: ADDRESS_FIELDS,
  employment: EMPLOYMENT_FIELDS,
  family: FAMILY_FIELDS,
  special: SPECIAL_CIRCUMSTANCE_FIELDS,
  actions: ACTION_FIELDS,
  expenses: EXPENSE_FIELDS,
  goals: GOAL_FIELDS,
  onwardReferrals: ONWARD_REFERRAL_FIELDS,
  partnerActions: PARTNER_ACTION_FIELDS,
  followUps: FOLLOW_UP_FIELDS,
  reviews: REVIEW_FIELDS,
  markers: MARKER_FIELDS,
} as const satisfies Record<string, readonly Field[]>
export type CaseCollection = keyof typeof CASE_COLLECTIONS

/** Refuses names that are not fields of the form: a typo must not vanish silently. */
function refuseUnknown(fields: readonly Field[], values: Record<string, unknown>): void {
  const unknown = Object.keys(values).filter((name) => !fields.some((field) => field.name === name))
  if (unknown.length > 0) throw new ValidationError(unknown.map((field) => ({ field, message: 'Not a field of this form' })))
}

/** Checks a new item's values as the form would, and returns them as stored. */
function checkNewItem(fields: readonly Field[], values: Record<string, unknown>, today: IsoDate): Record<string, unknown> {
  refuseUnknown(fields, values)
  const checked = checkStoredValues(fields, values, today, { complete: true })
  if (!checked.ok) throw new ValidationError(checked.issues)
  return checked.value
}

/** Sets the fields that changed; an undefined value clears a field. Values are checked first. */
function applyChanges(target: Record<string, unknown>, fields: readonly Field[], changes: Record<string, unknown>, today: IsoDate): void {
  refuseUnknown(fields, changes)
  const known = new Map(fields.map((field) => [field.name, field]))
  const checked = checkStoredValues(fields, changes, today)
  if (!checked.ok) throw new ValidationError(checked.issues)
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) {
      if (known.get(name)?.required) throw new ValidationError([{ field: name, message: 'This cannot be left empty' }])
      delete target[name]
    } else {
      target[name] = toStored(value)
    }
  }
}

/**
 * A closed case is read-only until it is reopened with a reason (reopenCase). What stays possible
 * once closed is what follows the closure or records rather than edits: the contact log (a team
 * meeting's discussion, Tool 4's review), Step 11's learning points, the closure letter made,
 * the link to a re-referral, and a scan taken off the case when the team removes it.
 */
function requireOpen(doc: CaseDoc): void {
  if (String(doc.status) === 'closed') throw new CaseRuleError(['The case is closed: reopen it to change it'])
}

/**
 * A list's items are read-only once the case is closed, but for the follow-up checks: they are
 * made 3 and 6 months after closure by their nature (follow-ups-due.ts), and reopening a case to
 * record one would count it as open again, and its closure twice, in the monitoring report.
 */
function requireOpenFor(doc: CaseDoc, collection: CaseCollection): void {
  if (collection !== 'followUps') requireOpen(doc)
}

/** Saves what changed in one of the case's forms. */
export function updateSection(doc: CaseDoc, section: CaseSection, changes: Record<string, unknown>, context: ChangeContext): void {
  beginChange(doc, context)
  requireOpen(doc)
  keepingDatesTrue(doc, context, section, Object.keys(changes), () =>
    applyChanges(doc[section] as unknown as Record<string, unknown>, CASE_SECTIONS[section], changes, context.today),
  )
}

/** Runs a save of the form at `path`, refusing a date it makes impossible (the rules in ./dates). */
function keepingDatesTrue(doc: CaseDoc, context: ChangeContext, path: string, changed: string[], save: () => void): void {
  const catalogues = { sections: CASE_SECTIONS, collections: CASE_COLLECTIONS }
  // Read twice a save, so only what the save can put out of order, as it is: the form saved and
  // the forms whose dates are ordered against each other; everything, when the date of birth
  // changes. The rest is read as empty (its problems, if any, are not this save's). A follow-up
  // check is ordered against the case's closures: its outcome, and those a reopening undid.
  const all = ['referral', 'allocation', 'outcome', 'wellbeing', 'closure', ...Object.keys(catalogues.sections), ...Object.keys(catalogues.collections)]
  const ordered = [
    'referral',
    'reconnectionDay',
    'stepDown',
    ...(path.startsWith('followUps.') ? ['outcome', 'phaseHistory'] : []),
    // An agreed action's dates are ordered against its referral's.
    ...(path.startsWith('partnerActions.') || path.startsWith('onwardReferrals.') ? ['onwardReferrals', 'partnerActions'] : []),
    path.split('.')[0]!,
  ]
  const parts = path === 'referral' && changed.includes('dateOfBirth') ? all : ordered
  const read = () =>
    ({
      ...Object.fromEntries(all.map((part) => [part, {}])),
      notes: [],
      phaseHistory: [],
      ...Object.fromEntries(parts.map((part) => [part, toPlain(doc[part as keyof CaseDoc] as never) ?? {}])),
    }) as unknown as CaseRecord
  refuseNewDateProblems(read, context.today, catalogues, { path, changed }, save)
}

/** A list's answers that contradict each other, by list (the rule files named in each). */
const ITEM_ANSWER_RULES: Partial<Record<CaseCollection, (item: Record<string, unknown>) => FieldIssue[]>> = {
  followUps: contradictoryFollowUpAnswers,
}

/**
 * Runs a save of a list's item, refusing answers it makes contradict each other. As with dates, a
 * save may not add a problem, but one the item already had (written before the rule) does not stop
 * other work on it, and the item is still read and shown as it is.
 */
function keepingAnswersAgreed(doc: CaseDoc, collection: CaseCollection, id: string, save: () => void): void {
  const rule = ITEM_ANSWER_RULES[collection]
  if (!rule) return save()
  const item = () => (toPlain((doc[collection] as unknown as Record<string, unknown>)[id] as never) ?? {}) as Record<string, unknown>
  const before = new Set(rule(item()).map((issue) => issue.message))
  save()
  const added = rule(item()).filter((issue) => !before.has(issue.message))
  if (added.length > 0) throw new ValidationError(added)
}

/**
 * Settles a field two people saved at once (see `fieldConflict`): the chosen value replaces every
 * value the field holds, so the conflict ends on every laptop, and the change (signed, like every
 * change) shows in the field's history as a choice.
 */
export function chooseValue(doc: CaseDoc, section: CaseSection, field: string, value: unknown, context: ChangeContext): void {
  beginChange(doc, context)
  const target = doc[section] as unknown as Record<string, unknown>
  // Deleted first, so the choice is written even when it is the value already shown.
  delete target[field]
  keepingDatesTrue(doc, context, section, [field], () => applyChanges(target, CASE_SECTIONS[section], { [field]: value }, context.today))
}

/** Settles a field of a list's item two people saved at once, as chooseValue does for a form's field. */
export function chooseItemValue(doc: CaseDoc, collection: CaseCollection, id: string, field: string, value: unknown, context: ChangeContext): void {
  beginChange(doc, context)
  const item = (doc[collection] as unknown as Record<string, Record<string, unknown>>)[id]
  if (!item) throw new CaseRuleError(['That item is no longer on this case'])
  delete item[field]
  keepingAnswersAgreed(doc, collection, id, () =>
    keepingDatesTrue(doc, context, `${collection}.${id}`, [field], () => applyChanges(item, CASE_COLLECTIONS[collection], { [field]: value }, context.today)),
  )
}

/** The lists whose items carry more than their form: added by their own change (an action's owner, an agreed action's referral). */
export type PlainCollection = Exclude<CaseCollection, 'actions' | 'partnerActions'>

/** Adds an item to one of the case's lists, under a new id made by the caller. */
export function addItem(
  doc: CaseDoc,
  collection: PlainCollection,
  id: string,
  values: Record<string, unknown>,
  context: ChangeContext,
): void {
  beginChange(doc, context)
  requireOpenFor(doc, collection)
  const checked = checkNewItem(CASE_COLLECTIONS[collection], values, context.today)
  const extra = collection === 'expenses' ? { recordedBy: context.author } : {}
  keepingAnswersAgreed(doc, collection, id, () =>
    keepingDatesTrue(doc, context, `${collection}.${id}`, Object.keys(checked), () => {
      ;(doc[collection] as unknown as Record<string, unknown>)[id] = toStored({ ...checked, ...extra })
    }),
  )
}

/** Adds an action with its owner. */
export function addAction(doc: CaseDoc, id: string, values: Record<string, unknown>, owner: PersonRef, context: ChangeContext): void {
  beginChange(doc, context)
  requireOpen(doc)
  const checked = checkNewItem(ACTION_FIELDS, values, context.today) as ActionValues
  const dueBeforeToday = newActionDueBeforeToday(checked, context.today)
  if (dueBeforeToday) throw new ValidationError([dueBeforeToday])
  doc.actions[id] = toStored({ ...checked, owner, createdAt: context.now.toISOString(), createdBy: context.author })
}

/** Adds an action agreed with the partner on one of the case's onward referrals. */
export function addPartnerAction(doc: CaseDoc, referral: string, id: string, values: Record<string, unknown>, context: ChangeContext): void {
  beginChange(doc, context)
  requireOpen(doc)
  if (!(referral in doc.onwardReferrals)) throw new CaseRuleError(['That onward referral is no longer on this case'])
  const checked = checkNewItem(PARTNER_ACTION_FIELDS, values, context.today)
  keepingDatesTrue(doc, context, `partnerActions.${id}`, Object.keys(checked), () => {
    doc.partnerActions[id] = toStored({ ...checked, referral } as never)
  })
}

/**
 * Changes an agreed action, where it is held: the list's item, or the referral's own action from
 * before schema 6 (`FIRST_ACTION_ID`), in the referral's fields of the same names.
 */
export function updatePartnerAction(doc: CaseDoc, referral: string, id: string, changes: Record<string, unknown>, context: ChangeContext): void {
  if (id !== FIRST_ACTION_ID) {
    if (String(doc.partnerActions[id]?.referral ?? referral) !== referral) throw new CaseRuleError(['That action was agreed on another referral'])
    updateItem(doc, 'partnerActions', id, changes, context)
    return
  }
  refuseUnknown(PARTNER_ACTION_FIELDS, changes)
  // Required as the list's is, though the referral's field of that name is not (a referral may hold no action).
  if ('partnerAction' in changes && !changes.partnerAction) throw new ValidationError([{ field: 'partnerAction', message: 'Say what was agreed with the partner' }])
  updateItem(doc, 'onwardReferrals', referral, changes, context)
}

/** Takes an agreed action added by mistake off its referral, where it is held. */
export function removePartnerAction(doc: CaseDoc, referral: string, id: string, context: ChangeContext): void {
  if (id !== FIRST_ACTION_ID) return removeItem(doc, 'partnerActions', id, context)
  updateItem(doc, 'onwardReferrals', referral, Object.fromEntries(FIRST_PARTNER_ACTION_FIELDS.map((field) => [field.name, undefined])), context)
}

/** Edits an item of a list: only the fields that changed. */
export function updateItem(
  doc: CaseDoc,
  collection: CaseCollection,
  id: string,
  changes: Record<string, unknown>,
  context: ChangeContext,
  owner?: PersonRef,
): void {
  beginChange(doc, context)
  requireOpenFor(doc, collection)
  const item = (doc[collection] as unknown as Record<string, Record<string, unknown>>)[id]
  if (!item) throw new CaseRuleError(['That item is no longer on this case'])
  keepingAnswersAgreed(doc, collection, id, () =>
    keepingDatesTrue(doc, context, `${collection}.${id}`, Object.keys(changes), () => applyChanges(item, CASE_COLLECTIONS[collection], changes, context.today)),
  )
  if (owner && collection === 'actions') item.owner = toStored(owner)
}

/** Removes an item added by mistake. (Notes are never removed: see corrections.) */
export function removeItem(doc: CaseDoc, collection: CaseCollection, id: string, context: ChangeContext): void {
  beginChange(doc, context)
  requireOpenFor(doc, collection)
  // Its agreed actions would be left without it: they are taken off first, each on purpose.
  if (collection === 'onwardReferrals' && Object.values(doc.partnerActions).some((action) => String(action.referral) === id)) {
    throw new CaseRuleError(['This referral has actions agreed with the partner: remove them first'])
  }
  delete (doc[collection] as unknown as Record<string, unknown>)[id]
}

function recordPhaseChange(doc: CaseDoc, change: Omit<PhaseChange, 'at' | 'by'>, context: ChangeContext): void {
  doc.phaseHistory.push(toStored({ ...change, at: context.now.toISOString(), by: context.author }))
}

/**
 * A date a person gives for something done: given (`missing` says which, when it is left empty),
 * real (as typed-date.ts words it everywhere), and not after today.
 */
function requireDate(on: string, today: IsoDate, label: string, missing: string, field = 'on'): void {
  if (on.trim() === '') throw new ValidationError([{ field, message: missing }])
  const problem = isIsoDate(on) ? undefined : typedDateProblem(on, 'Enter a real date, like 27/03/2026')
  if (problem) throw new ValidationError([{ field, message: problem }])
  const future = afterToday(field, label, on, today)
  if (future) throw new ValidationError([future])
}

/** The referral meets the three criteria and is taken on. */
export function acceptReferral(doc: CaseDoc, on: IsoDate, context: ChangeContext): void {
  requireDate(on, context.today, 'Date of decision', 'Enter the date of the decision')
  beginChange(doc, context)
  const record = readRules(doc)
  if (record.status === 'closed') throw new CaseRuleError(['The case is closed'])
  const problems = referralCriteriaProblems(record.referral)
  if (problems.length > 0) throw new CaseRuleError(problems)
  doc.referral.status = toStored('accepted')
  doc.referral.decidedOn = toStored(on)
  doc.referral.decidedBy = toStored(context.author)
}

/** The referral is not taken on: the case ends here, with the reason and any signposting. */
export function rejectReferral(
  doc: CaseDoc,
  decision: { on: IsoDate; reason: RejectionReason; signposting?: string; id: string },
  context: ChangeContext,
): void {
  requireDate(decision.on, context.today, 'Date of decision', 'Enter the date of the decision')
  beginChange(doc, context)
  const record = readRules(doc)
  if (record.status === 'closed') throw new CaseRuleError(['The case is already closed'])
  doc.referral.status = toStored('rejected')
  doc.referral.decidedOn = toStored(decision.on)
  doc.referral.decidedBy = toStored(context.author)
  doc.referral.rejectionReason = toStored(decision.reason)
  if (decision.signposting) doc.referral.signposting = toStored(decision.signposting)
  close(doc, record, { type: 'rejected', details: decision.signposting, on: decision.on, id: decision.id }, context)
}

/**
 * Appends a checked note to the contact log. Notes are never edited or removed: a correction is a
 * new note naming the one it corrects.
 */
export function addNote(
  doc: CaseDoc,
  note: z.output<ReturnType<typeof noteInputSchema>>,
  context: ChangeContext & { id: string },
): void {
  beginChange(doc, context)
  if (note.corrects !== undefined && !doc.notes.some((existing) => existing.id.val === note.corrects)) {
    throw new CaseRuleError(['The note being corrected is not in this case'])
  }
  const stored: CaseNote = {
    id: context.id,
    date: note.date,
    type: note.type,
    text: note.text,
    author: context.author,
    writtenAt: context.now.toISOString(),
    ...(note.corrects === undefined ? {} : { corrects: note.corrects }),
  }
  doc.notes.push(toStored(stored))
}

/** Names the lead caseworker (a team member). */
export function allocate(doc: CaseDoc, lead: PersonRef, on: IsoDate, context: ChangeContext): void {
  requireDate(on, context.today, 'Allocated on', 'Enter the date it was allocated')
  beginChange(doc, context)
  requireOpen(doc)
  doc.allocation.leadCaseworker = toStored(lead)
  doc.allocation.allocatedOn = toStored(on)
}

/** Moves the case to the next phase, if the rules allow; else says what is missing. */
export function advancePhase(doc: CaseDoc, id: string, context: ChangeContext): void {
  beginChange(doc, context)
  const record = readRules(doc)
  const problems = advanceProblems(record, context)
  if (problems.length > 0) throw new CaseRuleError(problems)
  const to = nextPhase(record.phase)!
  doc.phase = toStored(to)
  recordPhaseChange(doc, { id, kind: 'forward', from: record.phase, to }, context)
}

/** Goes back a phase (plans change); the reason is kept in the history. */
export function movePhaseBack(doc: CaseDoc, id: string, reason: string, context: ChangeContext): void {
  beginChange(doc, context)
  const record = readRules(doc)
  const to = previousPhase(record.phase)
  if (record.status === 'closed') throw new CaseRuleError(['The case is closed'])
  if (!to) throw new CaseRuleError([`${phaseLabel(record.phase)} is the first phase`])
  if (!reason.trim()) throw new ValidationError([{ field: 'reason', message: 'Say why the case is going back a phase' }])
  doc.phase = toStored(to)
  recordPhaseChange(doc, { id, kind: 'back', from: record.phase, to, reason: reason.trim() }, context)
}

/** The short Warwick-Edinburgh scale, at the start of support or at closure. */
export function recordWellbeing(doc: CaseDoc, when: 'start' | 'closure', score: WellbeingScore, context: ChangeContext): void {
  requireDate(score.on, context.today, 'Wellbeing scored on', 'Enter the date it was scored')
  if (score.items.length !== 7 || !score.items.every((item) => Number.isInteger(item) && item >= 1 && item <= 5)) {
    throw new ValidationError([{ field: 'items', message: 'Answer all seven statements, each from 1 to 5' }])
  }
  beginChange(doc, context)
  requireOpen(doc)
  doc.wellbeing[when] = toStored(score)
}

/** Step 11 done: learning points from this case are in the team's log. */
export function markLearningPointsLogged(doc: CaseDoc, on: IsoDate, context: ChangeContext): void {
  requireDate(on, context.today, 'Learning points logged on', 'Enter the date they were logged')
  beginChange(doc, context)
  doc.closure.learningPointsLoggedOn = toStored(on)
}

export interface Closure {
  type: ClosureType
  unplannedReason?: UnplannedReason
  inappropriateReason?: InappropriateReason
  details?: string
  on: IsoDate
  /** An id for the history entry. */
  id: string
}

/**
 * Closes the case. A planned closure follows Tool 4 to the end; any other closure can happen from
 * any phase, with its reason.
 */
export function closeCase(doc: CaseDoc, closure: Closure, context: ChangeContext): void {
  requireDate(closure.on, context.today, 'Case closed on', 'Enter the date the case closed')
  beginChange(doc, context)
  const record = readRules(doc)
  if (record.status === 'closed') throw new CaseRuleError(['The case is already closed'])
  if (closure.type === 'planned') {
    const problems = plannedClosureProblems(record, context)
    if (problems.length > 0) throw new CaseRuleError(problems)
  } else if (closure.type === 'unplanned' && !closure.unplannedReason) {
    throw new ValidationError([{ field: 'unplannedReason', message: 'Choose the reason for the unplanned closure' }])
  } else if (closure.type === 'inappropriate' && !closure.inappropriateReason) {
    throw new ValidationError([{ field: 'inappropriateReason', message: 'Choose why reconnection is not appropriate' }])
  } else if (closure.type !== 'unplanned' && !closure.details?.trim()) {
    throw new ValidationError([{ field: 'details', message: 'Say why the case is closing' }])
  }
  close(doc, record, closure, context)
}

function close(
  doc: CaseDoc,
  record: CaseRules,
  closure: Omit<Closure, 'type'> & { type: ClosureType | 'rejected' },
  context: ChangeContext,
): void {
  doc.status = toStored('closed')
  doc.outcome = toStored({
    type: closure.type,
    ...(closure.type === 'unplanned' && closure.unplannedReason ? { unplannedReason: closure.unplannedReason } : {}),
    ...(closure.type === 'inappropriate' && closure.inappropriateReason ? { inappropriateReason: closure.inappropriateReason } : {}),
    ...(closure.details?.trim() ? { details: closure.details.trim() } : {}),
    closedOn: closure.on,
    closedBy: context.author,
  })
  recordPhaseChange(doc, { id: closure.id, kind: 'closed', from: record.phase, to: record.phase, ...(closure.details ? { reason: closure.details } : {}) }, context)
}

/**
 * Opens a closed case again, with the reason, in the phase it was closed in. The closure it undoes
 * moves into the history entry (who closed it, when, how): the case is no longer closed, so the
 * monitoring report counts it as open, and counts its closure when it next closes. A referral that
 * was not taken on is back to be decided. A duplicate merged into another case is not reopened:
 * its notes and history are in that case now.
 */
export function reopenCase(doc: CaseDoc, reopening: { reason: string; id: string }, context: ChangeContext): void {
  beginChange(doc, context)
  const record = readRules(doc)
  if (record.status !== 'closed') throw new CaseRuleError(['The case is not closed'])
  if (record.mergedInto) throw new CaseRuleError([`This case was merged into case ${record.mergedInto}: work on that case instead`])
  if (record.reReferredAs) throw new CaseRuleError([`This client was referred again as case ${record.reReferredAs}: work on that case instead`])
  const reason = reopening.reason.trim()
  if (!reason) throw new ValidationError([{ field: 'reason', message: 'Say why the case is being reopened' }])
  doc.status = toStored('open')
  delete doc.outcome
  if (record.outcome?.type === 'rejected') doc.referral.status = toStored('received')
  recordPhaseChange(doc, { id: reopening.id, kind: 'reopened', to: record.phase, reason, ...(record.outcome ? { undid: record.outcome } : {}) }, context)
}

/** Links a closed case to the new case opened when the person was referred again. */
export function markReReferred(doc: CaseDoc, newCaseId: string, context: ChangeContext): void {
  beginChange(doc, context)
  doc.reReferredAs = toStored(newCaseId)
}

/** What the core knows of a file it has checked and stored, for the case to list it. */
export type StoredFile = Pick<AttachmentRecord, 'fileName' | 'mediaType' | 'size' | 'sha256' | 'pages'>

/** Checks what a caseworker says about a document before its file is stored (ValidationError if wrong). */
export function checkAttachmentDetails(details: Record<string, unknown>, today: IsoDate): void {
  checkNewItem(ATTACHMENT_FIELDS, details, today)
}

/** Lists a scanned document on the case, last in the pack's order. */
export function addAttachment(doc: CaseDoc, id: string, file: StoredFile, details: Record<string, unknown>, context: ChangeContext): void {
  beginChange(doc, context)
  requireOpen(doc)
  const checked = checkNewItem(ATTACHMENT_FIELDS, details, context.today)
  const positions = Object.values(doc.attachments).map((attachment) => Number(attachment.position))
  doc.attachments[id] = toStored({
    ...checked,
    ...file,
    position: positions.length ? Math.max(...positions) + 1 : 1,
    addedAt: context.now.toISOString(),
    addedBy: context.author,
  } as AttachmentRecord)
}

/** Edits what a document is said to be (its type, date, note, and the client's consent). */
export function updateAttachment(doc: CaseDoc, id: string, changes: Record<string, unknown>, context: ChangeContext): void {
  beginChange(doc, context)
  requireOpen(doc)
  const attachment = doc.attachments[id]
  if (!attachment) throw new CaseRuleError(['That document is no longer on this case'])
  applyChanges(attachment as unknown as Record<string, unknown>, ATTACHMENT_FIELDS, changes, context.today)
}

/** Marks a document as the evidence for an entry of the local connection lists, or unlinks it. */
export function linkEvidence(doc: CaseDoc, id: string, evidenceFor: EvidenceFor | null, context: ChangeContext): void {
  beginChange(doc, context)
  requireOpen(doc)
  const attachment = doc.attachments[id]
  if (!attachment) throw new CaseRuleError(['That document is no longer on this case'])
  if (evidenceFor === null) {
    delete attachment.evidenceFor
    return
  }
  if (!(evidenceFor.itemId in doc[evidenceFor.collection])) throw new CaseRuleError(['That entry is no longer on this case'])
  attachment.evidenceFor = toStored(evidenceFor)
}

/** Moves a document one place earlier or later in the pack. */
export function moveAttachment(doc: CaseDoc, id: string, direction: 'earlier' | 'later', context: ChangeContext): void {
  beginChange(doc, context)
  requireOpen(doc)
  const order = attachmentsInOrder(Object.fromEntries(Object.entries(doc.attachments).map(([key, a]) => [key, { position: Number(a.position), addedAt: a.addedAt.val }])))
  const index = order.findIndex((attachment) => attachment.id === id)
  if (index < 0) throw new CaseRuleError(['That document is no longer on this case'])
  const other = order[direction === 'earlier' ? index - 1 : index + 1]
  if (!other) return
  // Distinct positions even where two were added at once on two laptops with the same number.
  order.forEach((attachment, i) => (doc.attachments[attachment.id]!.position = i + 1))
  doc.attachments[id]!.position = direction === 'earlier' ? index : index + 2
  doc.attachments[other.id]!.position = index + 1
}

/** Takes a document off the case (the core also deletes the file's own document). */
export function removeAttachment(doc: CaseDoc, id: string, context: ChangeContext): void {
  beginChange(doc, context)
  delete doc.attachments[id]
}

/** Records a presentation pack or closure letter made from the case. */
export function recordGeneratedDocument(doc: CaseDoc, id: string, generated: GeneratedDocument, context: ChangeContext): void {
  beginChange(doc, context)
  doc.generatedDocuments[id] = toStored(generated)
  // The closure letter is how Tool 4, Step 7 informs the client: the first letter made records the
  // day it was made (the step waits for the answer that the client was informed); a date the
  // caseworker already gave (a letter written earlier, by hand) stands.
  if (generated.kind === 'closure-letter' && !doc.closure.closureLetterOn) doc.closure.closureLetterOn = toStored(context.today)
}

/**
 * The lists of a case whose items, keyed by id, a merge brings across: every entry list but the two
 * append-only ones, merged on their own below. Derived, so that a list added to the case is merged too.
 */
const MERGED_COLLECTIONS = ENTRY_LISTS.filter((part): part is Exclude<EntryList, 'notes' | 'phaseHistory'> => part !== 'notes' && part !== 'phaseHistory')

/**
 * Brings a duplicate case into this one (the same person, referred on two laptops while they were
 * apart): every note, action, document and list item and all its history are kept; where this
 * case has left a field of a form empty, the duplicate's answer fills it. Nothing here is lost.
 */
export function mergeDuplicateInto(doc: CaseDoc, duplicate: CaseRecord, duplicateId: string, context: ChangeContext & { id: string }): void {
  beginChange(doc, context)
  requireOpen(doc)
  const target = readCase(doc)
  const noteIds = new Set(target.notes.map((note) => note.id))
  for (const note of duplicate.notes) if (!noteIds.has(note.id)) doc.notes.push(toStored(note))
  for (const collection of MERGED_COLLECTIONS) {
    const into = doc[collection] as unknown as Record<string, unknown>
    for (const [id, item] of Object.entries(duplicate[collection])) if (!(id in into)) into[id] = toStored(item)
  }
  for (const section of Object.keys(CASE_SECTIONS) as CaseSection[]) {
    const into = doc[section] as unknown as Record<string, unknown>
    const have = target[section] as unknown as Record<string, unknown>
    for (const [field, value] of Object.entries(duplicate[section] as unknown as Record<string, unknown>)) {
      if (have[field] === undefined && value !== undefined) into[field] = toStored(value)
    }
  }
  for (const entry of duplicate.phaseHistory) doc.phaseHistory.push(toStored({ ...entry, id: `${duplicateId}:${entry.id}`, reason: [entry.reason, 'in the duplicate case merged in'].filter(Boolean).join(' — ') }))
  recordPhaseChange(doc, { id: context.id, kind: 'merged', to: target.phase, reason: `Merged in the duplicate case ${duplicateId} (the same person, referred twice)` }, context)
}

/** Closes a duplicate once merged: it points to the case that now holds everything of it. */
export function markMergedInto(doc: CaseDoc, intoId: string, context: ChangeContext & { id: string }): void {
  beginChange(doc, context)
  const record = readRules(doc)
  doc.status = toStored('closed')
  doc.mergedInto = toStored(intoId)
  recordPhaseChange(doc, { id: context.id, kind: 'closed', from: record.phase, to: record.phase, reason: `Merged into case ${intoId}: the same person, referred twice` }, context)
}

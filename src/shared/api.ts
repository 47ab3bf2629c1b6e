import { z } from 'zod'
import { ERASE_REASON_MAX, type Erasure } from './team/erasures'
import { retentionSchema, type Retention, type RetentionDue } from './team/retention'
import type { WithheldCases } from './team/withheld-cases'
import type { AnonymisedCase } from './reports/anonymised-case'
import type { SyncStatus } from './sync/status'
import type { JoinCode, TeamDevice } from './sync/team-api'
import type { Board } from './board/board'
import type { BoardStart } from './board/board-start'
import { boardViewSchema } from './board/board-view'
import type { MyTasks } from './tasks/my-tasks'
import type { MonitoringReport } from './reports/monitoring'
import { PHASES, type Phase } from './case/phases'
import type { CaseSummary, ListedCase } from './case/summary'
import type { ReferralDetails, ReferralInput } from './case/referral'
import { ROLES, type Person, type PersonRef, type ProfileInput } from './people'
import type { FieldIssue } from './validation'
import { MAX_PIN_LENGTH } from './session/pin-rule'
import { MAX_WORKSPACE_PASSPHRASE_LENGTH, type WorkspaceLock } from './session/workspace-passphrase'
import { EVIDENCE_COLLECTIONS, GENERATED_KINDS, MAX_ATTACHMENT_BYTES, type GeneratedKind } from './case/attachments'
import { DIRECTORIES, type Directory } from './team/team-doc'
import type { AuditRow } from './audit/audit-entry'
import type { Agency, HousingOptionsContact, Letterhead, OutreachTeam } from './team/settings'
import type { Withheld } from './meeting/withheld-cases'
import type { ImportResult } from './import/import-plan'
import { MAX_IMPORT_BYTES } from './import/limits'

/** Windows name their repo peer with this prefix; the core shares with them only what they ask for. */
export const WINDOW_PEER_PREFIX = 'window-'

/** Where a search term was found in a case. */
export type MatchedIn = 'name' | 'identifiers' | 'addresses' | 'referral' | 'casework' | 'notes'

/** The case list's filters (each left out matches every case) and which page of it, from 1. */
export const caseListQuery = z.object({
  status: z.enum(['open', 'closed']).optional(),
  /** Cases whose lead caseworker is the person using the laptop. */
  mine: z.boolean().optional(),
  phase: z.enum(PHASES).optional(),
  /** A lead caseworker's member id. */
  caseworkerId: z.string().max(100).optional(),
  page: z.number().int().min(1).max(1_000_000).optional(),
})
export type CaseListQuery = z.infer<typeof caseListQuery>

/** A page of the case list, most recently changed first: `total` cases match the filters; the page starts after `offset` of them. */
export interface CasePage {
  cases: ListedCase[]
  total: number
  offset: number
  pageSize: number
}

export interface SearchHit extends CaseSummary {
  matchedIn: MatchedIn
}

/** A case document this laptop could not read, and why, in words: named, never hidden. */
export interface UnreadableCase {
  id: string
  reason: string
}

/**
 * One change to a case, as its history lists it: who the change says made it, and whose laptop
 * sent it, as the team's server recorded on arrival (or this laptop, for its own).
 */
export interface CaseChange {
  /** The change's Automerge hash. */
  hash: string
  /** When, as the change says (ISO); null if it says nothing. */
  at: string | null
  /** Who the change says made it; null for a change that names nobody (not made by Homeward). */
  declaredAuthor: PersonRef | null
  /** The person whose laptop sent it; null when not attested. */
  attestedBy: PersonRef | null
  /** Sent from someone else's laptop than the declared author's: shown as such, never hidden. */
  mismatch: boolean
  /** 'none': from before the server recorded who sent what, or from a laptop of before people. */
  attestation: 'server' | 'this laptop' | 'none'
  /** What the change kept where two values were saved at once, in words (see choicesMade); mostly none. */
  choices: string[]
}

/** A case's latest changes, newest first, and how many older ones are not listed. */
export interface CaseChanges {
  changes: CaseChange[]
  more: number
}

export interface Session {
  /** Who is using this laptop, or null on the first run. On a team's laptop, the person the team's server says it is. */
  profile: Person | null
  /** Whether this laptop is in a team: then its person's name and role are the team's to say, not the laptop's. */
  inTeam: boolean
  /** The people of this laptop, who may sign in on it (none before the first run). */
  people: LaptopPerson[]
  /** Who was signed in when the app locked (offered first on the sign-in page); null after "Switch user". */
  lockedFor: string | null
  /** The team's "Lock after N minutes idle". */
  lockAfterMinutes: number
}

/** One of the people who may sign in on this laptop, and whether they have chosen a PIN yet. */
export interface LaptopPerson extends PersonRef {
  hasPin: boolean
}

/** A restricted case: the people whose laptops hold it, by name, and who restricted it. */
export interface CaseRestriction {
  to: PersonRef[]
  by: PersonRef
  at: string
}

/**
 * A case's correction, as its page needs it: when its record was rebuilt to remove a corrected
 * value (and which field), and, for an old id, the case's id now (a page open on it follows).
 */
export interface CaseCorrection {
  rebuiltAt?: string
  field?: string
  replacedBy?: string
  /**
   * For an old id this laptop has followed: what a window still holding the old document carries
   * onto the new one (`windowReplayFrom`). Absent while the new document is not here yet: the old
   * one is kept, and a page open on it stays.
   */
  followed?: FollowedCorrection
}

/** An old document this laptop's core let go: the one that replaced it, and what of the old copy is on it. */
export interface FollowedCorrection {
  replacedBy: string
  /**
   * The hash of every change the core's copy of the old document held when it replayed it onto the
   * new one ([] if it had none): a window carries over only its own changes not among them.
   */
  held: string[]
  /** The field corrected (empty for a meeting rebuilt on an erasure). */
  field: string
  /** For a meeting rebuilt on an erasure: the case erased, whose items are never carried over. */
  erasedCase?: string
}

/** An erased (or anonymised) case as the manager sees it listed: no name, only what the team keeps. */
export interface ErasedCase {
  id: string
  at: string
  /** Who erased it, by name. */
  by: string
  reason: string
  kind: Erasure['kind']
  record: AnonymisedCase
}

/** A small image (a logo, a signature) as the window receives it. */
export interface ImageView {
  mediaType: 'image/png' | 'image/jpeg'
  base64: string
}

/** The team's settings as the window shows them. */
export interface TeamSettingsView {
  letterhead: Partial<Letterhead>
  logo?: ImageView
  housingOptions: Record<string, HousingOptionsContact>
  agencies: Record<string, Agency>
  outreachTeams: Record<string, OutreachTeam>
  /** The signature of each member who has given one, by member id. */
  signatures: Record<string, ImageView>
  /** Every phase's caseload weight: the team's own, or the default. */
  caseloadWeights: Record<Phase, number>
  /** Lock after this many minutes idle (the team's, or the default). */
  lockAfterMinutes: number
}

/** The longest search text the core takes. */
export const MAX_SEARCH_LENGTH = 200

/**
 * Base64 takes four characters for every three bytes. Files somewhat over the limit still reach
 * the file check, which refuses them with the size in words; far bigger is not from the app.
 */
const MAX_FILE_BASE64 = Math.ceil((2 * MAX_ATTACHMENT_BYTES) / 3) * 4
/** The same allowance for a spreadsheet to import: a bit over its limit is refused by the core in words. */
const MAX_IMPORT_BASE64 = Math.ceil((2 * MAX_IMPORT_BYTES) / 3) * 4

const id = z.string().min(1).max(100)
/** A short typed value: a server address, a code, a name. */
const text = z.string().max(200)
const none = z.object({})
/** A PIN or passphrase: its rule (`session/pin-rule.ts`) says what is wrong in words. */
const pin = z.string().max(MAX_PIN_LENGTH)
const values = z.record(z.string(), z.unknown())
const fileTransfer = z.object({ fileName: z.string().min(1).max(500), base64: z.string().max(MAX_FILE_BASE64) })
/** A file the window sends, or receives to save when the system cannot open it. */
export type FileTransfer = z.infer<typeof fileTransfer>
/** The dates are checked with the report's own rules, which say what is wrong in words. */
const range = z.object({ from: z.string().max(10), to: z.string().max(10) })

/**
 * A form's values: here only checked to be an object. The domain checks each field against its
 * catalogue and says what is wrong with each in words, which a schema here could not.
 */
const form = <T extends object>() =>
  z.custom<T>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'form values')

/** A method of the API: its parameters' schema, and (as a type only) what it answers. */
interface Method<Params extends z.ZodType, Result> {
  params: Params
  /** Never set: carries the result's type, which the core makes and the window trusts. */
  result?: Result
}
const method =
  <Result>() =>
  <Params extends z.ZodType>(params: Params): Method<Params, Result> => ({ params })

/**
 * The typed query API between the renderer and the core: cross-case views and the few actions
 * the core must do itself. Editing an open case does not go through here; the renderer changes
 * the case's Automerge document directly.
 *
 * This object is the contract's one source: the core parses every request's parameters with the
 * schema here before a handler sees them, and the window's calls are typed from the same schemas.
 * Each method's handler lives in its domain module in the core (see docs/ARCHITECTURE.md).
 */
export const API = {
  // The workspace passphrase page, before the workspace is open (src/main/core/storage/workspace-gate.ts).
  getWorkspaceLock: method<WorkspaceLock>()(none),
  /** Opens the workspace with its passphrase; at the first run, the one just chosen sets it. */
  unlockWorkspace: method<Record<string, never>>()(z.object({ passphrase: z.string().min(1).max(MAX_WORKSPACE_PASSPHRASE_LENGTH) })),

  // The person using this laptop, and the team's people.
  getSession: method<Session>()(none),
  setProfile: method<Person>()(form<ProfileInput>()),
  listMembers: method<Person[]>()(none),

  // Signing in and locking (see src/main/core/session/).
  signIn: method<Record<string, never>>()(z.object({ personId: id, pin })),
  /** The first PIN of one of the laptop's people who has none yet; signs them in. */
  setFirstPin: method<Record<string, never>>()(z.object({ personId: id, pin })),
  /** Locks the app: the same person signs in again to carry on where they were. */
  lock: method<Record<string, never>>()(none),
  /** "Switch user": locks, and the sign-in page offers nobody first. */
  signOut: method<Record<string, never>>()(none),
  /**
   * "Someone else uses this laptop": a team's laptop redeems a join code made for the new person
   * (`name` for a code made for anyone); they become one of its people and choose their PIN next.
   */
  addLaptopPerson: method<{ id: string; name: string }>()(z.object({ code: text, name: text.optional() })),
  /** The window was used (a key, a click): the core's idle timer starts again. */
  sessionActivity: method<Record<string, never>>()(none),
  /**
   * The workspace's draft key (256 bits, base64), only for a signed-in window: it seals the unsaved
   * forms it keeps in its local storage with it (src/renderer/forms/sealed-drafts.ts).
   */
  draftKey: method<{ key: string }>()(none),
  /** The manager's: "Lock after N minutes idle". */
  setLockAfterMinutes: method<Record<string, never>>()(z.object({ minutes: z.number() })),

  // Cases.
  /**
   * `requestId`, made once per referral typed, makes saving it again harmless; `allowDuplicate`
   * once the person has seen the possible duplicates and still wants a new case.
   */
  createCase: method<{ id: string }>()(
    z.intersection(
      form<ReferralInput & Partial<ReferralDetails>>(),
      z.object({ requestId: z.string().max(100).optional(), allowDuplicate: z.boolean().optional() }),
    ),
  ),
  /**
   * Referrals from a spreadsheet (CSV): `mapping` is the person's choice of field for a column (null
   * to leave it out); a dry run says what would happen and opens nothing. The rows opened so far
   * are reported as `progress` events for `taskId`.
   */
  importReferrals: method<ImportResult>()(
    z.object({
      fileName: z.string().min(1).max(500),
      base64: z.string().max(MAX_IMPORT_BASE64),
      mapping: z.record(z.string().max(500), z.string().max(500).nullable()).optional(),
      dryRun: z.boolean().optional(),
      taskId: id.optional(),
    }),
  ),
  checkDuplicates: method<CaseSummary[]>()(
    z.object({ clientName: z.string().max(200), dateOfBirth: z.string().max(10), chainNumber: z.string().max(20).optional() }),
  ),
  /** Tool 4, Step 11: the text is checked by the team's learning log, which words its problems. */
  addLearningPoint: method<{ id: string }>()(z.object({ caseId: id, text: z.unknown() })),
  reRefer: method<{ id: string }>()(z.object({ caseId: id })),
  listCases: method<CasePage>()(caseListQuery),
  /** Cases left out of the lists because they could not be read (damaged on this laptop, or newer). */
  unreadableCases: method<UnreadableCase[]>()(none),
  searchCases: method<SearchHit[]>()(z.object({ text: z.string().max(MAX_SEARCH_LENGTH) })),
  duplicatesOf: method<CaseSummary[]>()(z.object({ caseId: id })),
  /** Every change to a case, newest first (the latest few hundred): declared author and sender. */
  caseChanges: method<CaseChanges>()(z.object({ caseId: id })),
  mergeCases: method<Record<string, never>>()(z.object({ keepId: id, duplicateId: id })),
  /**
   * Restricts a case to people of the team (by id; whoever restricts it is always among them), or
   * clears its restriction (`to` null): the case's lead caseworker's or a manager's, through the server.
   */
  restrictCase: method<{ restriction: CaseRestriction | null }>()(z.object({ caseId: id, to: z.array(id).max(500).nullable() })),
  /** Whom a case is restricted to, by name; null when it is not restricted. */
  caseRestriction: method<{ restriction: CaseRestriction | null }>()(z.object({ caseId: id })),
  /** The cases this laptop may not hold (restricted to others, or erased), by id: the window lets them go and deletes the drafts typed into them. */
  withheldCases: method<WithheldCases>()(none),
  /** A manager erases a case, for a reason: gone from every laptop and the server, its figures kept anonymised (erasures.ts). */
  eraseCase: method<Record<string, never>>()(z.object({ caseId: id, reason: z.string().trim().min(1, 'Give the reason for erasing the case').max(ERASE_REASON_MAX) })),
  erasedCases: method<ErasedCase[]>()(none),
  /**
   * The case's lead caseworker or a manager corrects a value so that the old one is removed from
   * the case's history on every laptop (correct-value.ts): the case gets a new id, answered.
   */
  correctValue: method<{ id: string }>()(z.object({ caseId: id, field: z.string().min(1).max(200), value: z.string().max(20_000) })),
  caseCorrection: method<CaseCorrection>()(z.object({ caseId: id })),
  /** The team's retention of closed cases (retention.ts), and the cases due on this laptop. */
  retention: method<{ retention: Retention; due: RetentionDue[] }>()(none),
  setRetention: method<Record<string, never>>()(z.object({ retention: retentionSchema })),
  /** The manager applies the retention: each case due erased or anonymised (of `caseIds`, those the manager confirmed, if given). */
  applyRetention: method<{ applied: string[] }>()(z.object({ caseIds: z.array(z.string()).optional() })),
  getBoard: method<Board>()(none),
  /** The board's first rows as the page's filters and order have them, and its counts: drawn before the whole board comes. */
  getBoardStart: method<BoardStart>()(boardViewSchema),
  /** A person's tasks across cases, from the index (tasks/my-tasks.ts): the signed-in person's, or a manager's choice of another. */
  myTasks: method<MyTasks>()(z.object({ personId: id.optional(), dueBefore: z.iso.date('Give the date as YYYY-MM-DD').optional() })),

  // Case review meetings.
  listMeetings: method<{ id: string; startedAt: string }[]>()(none),
  /** The manager's: the agenda is built from the board and the learning log. */
  startMeeting: method<{ id: string }>()(none),
  /** Writes the action into the case, then records it in the meeting. */
  addMeetingAction: method<{ id: string }>()(
    z.object({ meetingId: id, itemId: id, description: z.string().max(1000), ownerId: id, due: z.string().max(10) }),
  ),
  finishMeeting: method<Record<string, never>>()(z.object({ meetingId: id })),
  meetingMinutes: method<FileTransfer>()(z.object({ meetingId: id })),
  /** The meeting's cases this laptop shows only as "Erased case" or "Restricted case", by case id. */
  meetingWithheldCases: method<Record<string, Withheld>>()(z.object({ meetingId: id })),
  /** The open cases "Add to the agenda" offers, by name: never a restricted case. */
  meetingAgendaCases: method<{ id: string; title: string }[]>()(none),

  // The monitoring report.
  /** Counted from every case document: a second or two for thousands of cases. */
  /** `on`: the day "people supported on" counts (the range's last by default). */
  getMonitoringReport: method<MonitoringReport>()(range.extend({ on: z.string().max(10).optional() })),
  exportMonitoringReport: method<FileTransfer>()(range.extend({ on: z.string().max(10).optional(), as: z.enum(['pdf', 'figures-csv', 'cases-csv']) })),

  // The team's settings.
  setCaseloadWeights: method<Record<string, never>>()(z.object({ weights: z.record(z.enum(PHASES), z.number()) })),
  getTeamSettings: method<TeamSettingsView>()(none),
  /** The outreach teams referrals come from, as the referral form offers them. */
  listOutreachTeams: method<string[]>()(none),
  /** Adds an outreach team to the list (anyone may, as they type a referral); answers the list's spelling of it. */
  knowOutreachTeam: method<{ name: string }>()(z.object({ name: text })),
  updateLetterhead: method<Record<string, never>>()(z.object({ values })),
  saveDirectoryEntry: method<{ id: string }>()(
    z.object({ directory: z.enum(Object.keys(DIRECTORIES) as [Directory, ...Directory[]]), id: id.optional(), values }),
  ),
  removeDirectoryEntry: method<Record<string, never>>()(
    z.object({ directory: z.enum(Object.keys(DIRECTORIES) as [Directory, ...Directory[]]), id }),
  ),
  /** Two outreach teams on the list that are one organisation: the merged one's names kept as the other's aliases. */
  mergeOutreachTeams: method<Record<string, never>>()(z.object({ mergedId: id, keepId: id })),
  /** A logo (the manager's) or your own signature; null removes it. */
  setTeamImage: method<Record<string, never>>()(z.object({ which: z.enum(['logo', 'signature']), file: fileTransfer.nullable() })),

  // Scanned documents.
  /** Checks a scanned file and attaches it; a refused file comes back as a message naming it. */
  addAttachment: method<{ id: string }>()(
    fileTransfer.extend({
      caseId: id,
      details: values,
      evidenceFor: z.object({ collection: z.enum(EVIDENCE_COLLECTIONS), itemId: id }).optional(),
    }),
  ),
  /** Also deletes the packs made on this laptop that enclose the document (they hold a copy). */
  removeAttachment: method<{ packsDeleted: number }>()(z.object({ caseId: id, attachmentId: id })),

  // Generated paperwork.
  /** Makes a presentation pack or closure letter; reports progress as `progress` events for `taskId`. */
  generateDocument: method<{ id: string }>()(
    z.object({
      caseId: id,
      kind: z.enum(Object.keys(GENERATED_KINDS) as [GeneratedKind, ...GeneratedKind[]]),
      without: z.array(id).max(500).optional(),
      taskId: id.optional(),
    }),
  ),
  readGeneratedDocument: method<FileTransfer>()(z.object({ caseId: id, documentId: id })),
  /**
   * Opens a generated PDF in the system's viewer, or a ready-to-send email of it in the mail
   * client. Where this computer cannot open it, the file comes back to be saved instead.
   */
  openGeneratedDocument: method<{ opened: true } | ({ opened: false } & FileTransfer)>()(
    z.object({ caseId: id, documentId: id, as: z.enum(['pdf', 'email']) }),
  ),
  /**
   * A subject access copy of a case (a manager or its lead caseworker): one ZIP of its PDF, scans and
   * record.json, with how many notes are on the pages for the reviewer and which scans are not here yet.
   */
  makeSubjectAccessCopy: method<FileTransfer & { heldForReview: number; missingScans: string[] }>()(z.object({ caseId: id })),

  // The team sync.
  getSyncStatus: method<SyncStatus>()(none),
  /** Creates the team on its server; answers a join code for a caseworker's laptop. */
  createTeam: method<JoinCode>()(z.object({ server: text, setupCode: text, name: text, deviceName: text.optional() })),
  joinTeam: method<Record<string, never>>()(z.object({ server: text, code: text, deviceName: text.optional() })),
  leaveTeam: method<Record<string, never>>()(none),
  listDevices: method<TeamDevice[]>()(none),
  revokeDevice: method<Record<string, never>>()(z.object({ deviceId: id })),
  /** A manager takes someone else who shares a laptop off it (its own person: revoke it instead). */
  removeDevicePerson: method<Record<string, never>>()(z.object({ deviceId: id, personId: id })),
  /** A manager's join code for one laptop: for a person by name (theirs if in the team, else a new person's), in a role. */
  newJoinCode: method<JoinCode>()(z.object({ for: text.optional(), role: z.enum(ROLES).optional() })),
  /** "Start again" on a laptop taken off the team: the notice goes, and the window opens as a first run. */
  dismissTakenOffTeam: method<Record<string, never>>()(none),

  // The audit (the manager's).
  /** Who has seen, changed, exported or printed a case, newest first. */
  caseAudit: method<AuditRow[]>()(z.object({ caseId: id })),
  /** What each person (or one) viewed in a period (ISO dates), with the views of cases outside their caseload. */
  personAudit: method<PersonAudit[]>()(range.extend({ personId: id.optional() })),
}

/** A person's views in a period, as the manager's Audit page shows them. */
export interface PersonAudit {
  person: PersonRef
  viewed: AuditRow[]
  /** Views of cases whose lead caseworker is someone else, or nobody (Mainstay's rule). */
  outsideCaseload: AuditRow[]
}

export type ApiMethod = keyof typeof API
/** What a method's handler receives: its parameters as the schema gives them once checked. */
export type ApiParams<M extends ApiMethod> = z.output<(typeof API)[M]['params']>
export type ApiResult<M extends ApiMethod> = NonNullable<(typeof API)[M]['result']>
/** Each method's parameters as a window sends them, and what it answers. */
export type ApiMethods = { [M in ApiMethod]: { params: z.input<(typeof API)[M]['params']>; result: ApiResult<M> } }

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && Object.hasOwn(API, value)
}

export interface ApiRequest<M extends ApiMethod = ApiMethod> {
  id: number
  method: M
  params: ApiMethods[M]['params']
}

export interface ApiError {
  message: string
  /** Per-field messages when the input was refused. */
  issues?: FieldIssue[]
}

export type ApiResponse = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ApiError }

/**
 * Pushed by the core: cross-case views may have changed; the team's settings changed; long work
 * asked for by this window moved on.
 */
export type ApiEvent =
  | { type: 'index-changed' }
  | { type: 'team-changed' }
  | { type: 'progress'; taskId: string; done: number; total: number }
  /** The team sync's state changed (connected, offline, changes sent, cases arriving). */
  | { type: 'sync-status'; status: SyncStatus }
  /** Someone signed in, or the app locked: the window asks for the session again. */
  | { type: 'session-changed' }

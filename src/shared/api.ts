import type { SyncStatus, TeamDevice } from './sync/status'
import type { Board } from './board/board'
import type { DateRange, MonitoringReport } from './reports/monitoring'
import type { Phase } from './case/phases'
import type { CaseSummary, ListedCase } from './case/summary'
import type { ReferralInput } from './case/referral'
import type { Person, ProfileInput } from './people'
import type { ReferralDetails } from './case/referral'
import type { FieldIssue } from './validation'
import type { EvidenceFor, GeneratedKind } from './case/attachments'
import type { Directory } from './team/team-doc'
import type { Agency, HousingOptionsContact, Letterhead } from './team/settings'

/** Windows name their repo peer with this prefix; the core shares with them only what they ask for. */
export const WINDOW_PEER_PREFIX = 'window-'

/** Where a search term was found in a case. */
export type MatchedIn = 'name' | 'identifiers' | 'notes'

export interface SearchHit extends CaseSummary {
  matchedIn: MatchedIn
}

export interface Session {
  /** Who is using this laptop, or null on the first run. */
  profile: Person | null
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
  /** The signature of each member who has given one, by member id. */
  signatures: Record<string, ImageView>
  /** Every phase's caseload weight: the team's own, or the default. */
  caseloadWeights: Record<Phase, number>
}

/** A file the window sends, or receives to save when the system cannot open it. */
export interface FileTransfer {
  fileName: string
  base64: string
}

/**
 * The typed query API between the renderer and the core: cross-case views and the few actions
 * the core must do itself. Editing an open case does not go through here; the renderer changes
 * the case's Automerge document directly.
 */
export interface ApiMethods {
  getSession: { params: Record<string, never>; result: Session }
  setProfile: { params: ProfileInput; result: Person }
  listMembers: { params: Record<string, never>; result: Person[] }
  /**
   * `requestId`, made once per referral typed, makes saving it again harmless; `allowDuplicate`
   * once the person has seen the possible duplicates and still wants a new case.
   */
  createCase: {
    params: ReferralInput & Partial<ReferralDetails> & { requestId?: string; allowDuplicate?: boolean }
    result: { id: string }
  }
  checkDuplicates: { params: { clientName: string; dateOfBirth: string; chainNumber?: string }; result: CaseSummary[] }
  addLearningPoint: { params: { caseId: string; text: string }; result: { id: string } }
  reRefer: { params: { caseId: string }; result: { id: string } }
  listCases: { params: Record<string, never>; result: ListedCase[] }
  searchCases: { params: { text: string }; result: SearchHit[] }
  getBoard: { params: Record<string, never>; result: Board }
  listMeetings: { params: Record<string, never>; result: { id: string; startedAt: string }[] }
  /** The manager's: the agenda is built from the board and the learning log. */
  startMeeting: { params: Record<string, never>; result: { id: string } }
  /** Writes the action into the case, then records it in the meeting. */
  addMeetingAction: {
    params: { meetingId: string; itemId: string; description: string; ownerId: string; due: string }
    result: { id: string }
  }
  finishMeeting: { params: { meetingId: string }; result: Record<string, never> }
  meetingMinutes: { params: { meetingId: string }; result: FileTransfer }
  /** Counted from every case document: a second or two for thousands of cases. */
  getMonitoringReport: { params: DateRange; result: MonitoringReport }
  exportMonitoringReport: { params: DateRange & { as: 'pdf' | 'figures-csv' | 'cases-csv' }; result: FileTransfer }
  setCaseloadWeights: { params: { weights: Record<Phase, number> }; result: Record<string, never> }
  getTeamSettings: { params: Record<string, never>; result: TeamSettingsView }
  updateLetterhead: { params: { values: Record<string, unknown> }; result: Record<string, never> }
  saveDirectoryEntry: { params: { directory: Directory; id?: string; values: Record<string, unknown> }; result: { id: string } }
  removeDirectoryEntry: { params: { directory: Directory; id: string }; result: Record<string, never> }
  /** A logo (the manager's) or your own signature; null removes it. */
  setTeamImage: { params: { which: 'logo' | 'signature'; file: FileTransfer | null }; result: Record<string, never> }
  /** Checks a scanned file and attaches it; a refused file comes back as a message naming it. */
  addAttachment: {
    params: FileTransfer & { caseId: string; details: Record<string, unknown>; evidenceFor?: EvidenceFor }
    result: { id: string }
  }
  /** Also deletes the packs made on this laptop that enclose the document (they hold a copy). */
  removeAttachment: { params: { caseId: string; attachmentId: string }; result: { packsDeleted: number } }
  /** Makes a presentation pack or closure letter; reports progress as `progress` events for `taskId`. */
  generateDocument: { params: { caseId: string; kind: GeneratedKind; without?: string[]; taskId?: string }; result: { id: string } }
  readGeneratedDocument: { params: { caseId: string; documentId: string }; result: FileTransfer }
  /**
   * Opens a generated PDF in the system's viewer, or a ready-to-send email of it in the mail
   * client. Where this computer cannot open it, the file comes back to be saved instead.
   */
  duplicatesOf: { params: { caseId: string }; result: CaseSummary[] }
  mergeCases: { params: { keepId: string; duplicateId: string }; result: Record<string, never> }
  getSyncStatus: { params: Record<string, never>; result: SyncStatus }
  createTeam: { params: { server: string; setupCode: string; name: string; deviceName?: string }; result: { joinCode: string } }
  joinTeam: { params: { server: string; code: string; deviceName?: string }; result: Record<string, never> }
  leaveTeam: { params: Record<string, never>; result: Record<string, never> }
  listDevices: { params: Record<string, never>; result: TeamDevice[] }
  revokeDevice: { params: { deviceId: string }; result: Record<string, never> }
  newJoinCode: { params: Record<string, never>; result: { joinCode: string } }
  openGeneratedDocument: {
    params: { caseId: string; documentId: string; as: 'pdf' | 'email' }
    result: { opened: true } | ({ opened: false } & FileTransfer)
  }
}
export type ApiMethod = keyof ApiMethods

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

export type ApiResponse =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: ApiError }

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

export const API_METHODS: readonly ApiMethod[] = [
  'getSession',
  'setProfile',
  'listMembers',
  'createCase',
  'checkDuplicates',
  'listCases',
  'searchCases',
  'getBoard',
  'listMeetings',
  'startMeeting',
  'addMeetingAction',
  'finishMeeting',
  'meetingMinutes',
  'getMonitoringReport',
  'exportMonitoringReport',
  'setCaseloadWeights',
  'addLearningPoint',
  'reRefer',
  'getTeamSettings',
  'updateLetterhead',
  'saveDirectoryEntry',
  'removeDirectoryEntry',
  'setTeamImage',
  'addAttachment',
  'removeAttachment',
  'generateDocument',
  'readGeneratedDocument',
  'openGeneratedDocument',
  'duplicatesOf',
  'mergeCases',
  'getSyncStatus',
  'createTeam',
  'joinTeam',
  'leaveTeam',
  'listDevices',
  'revokeDevice',
  'newJoinCode',
]

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && (API_METHODS as readonly string[]).includes(value)
}

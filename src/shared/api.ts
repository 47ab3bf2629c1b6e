import type { CaseSummary } from './case/summary'
import type { ReferralInput } from './case/referral'
import type { Person, ProfileInput } from './people'
import type { ReferralDetails } from './case/referral'
import type { FieldIssue } from './validation'

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
  listCases: { params: Record<string, never>; result: CaseSummary[] }
  searchCases: { params: { text: string }; result: SearchHit[] }
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

/** Pushed by the core when cross-case views may have changed. */
export type ApiEvent = { type: 'index-changed' }

export const API_METHODS: readonly ApiMethod[] = [
  'getSession',
  'setProfile',
  'listMembers',
  'createCase',
  'checkDuplicates',
  'listCases',
  'searchCases',
  'addLearningPoint',
  'reRefer',
]

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && (API_METHODS as readonly string[]).includes(value)
}

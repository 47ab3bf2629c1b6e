import { createContext, use, useContext } from 'react'
import type { Repo } from '@automerge/automerge-repo/slim'
import type { Person } from '../../shared/people'
import type { ApiClient } from '../platform/api-client'

export const ApiContext = createContext<ApiClient | null>(null)
/**
 * The window's repo, started on first asking (`main.tsx`): the same promise every time, so that
 * `useRepo` suspends only until it is first ready.
 */
export type WindowRepo = () => Promise<Repo>
export const RepoContext = createContext<WindowRepo | null>(null)

/** Who is signed in on this laptop, and whether the team says so (then their name and role are the team's). */
export interface SessionValue {
  /** Who is signed in. */
  profile: Person
  inTeam: boolean
  /** Whether several people sign in on this laptop (then "Switch user" is offered). */
  sharedLaptop: boolean
  /** Asks the core again: joining or leaving a team changes whose laptop it is. */
  refresh: () => Promise<void>
}
export const SessionContext = createContext<SessionValue | null>(null)

function required<T>(value: T | null, name: string): T {
  if (value === null) throw new Error(`${name} is not provided`)
  return value
}

export const useApi = () => required(useContext(ApiContext), 'ApiContext')
/** The repo, for the pages that open a document; the first asks it to start (a Suspense shows meanwhile). */
export const useRepo = () => use(required(useContext(RepoContext), 'RepoContext')())
/** The session; every page after the first run has one. */
export const useSession = () => required(useContext(SessionContext), 'SessionContext')
/** The person using this laptop; every page after the first run has one. */
export const useProfile = () => useSession().profile

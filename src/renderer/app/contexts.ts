import { createContext, useContext } from 'react'
import type { Repo } from '@automerge/automerge-repo/slim'
import type { Person } from '../../shared/people'
import type { ApiClient } from '../platform/api-client'

export const ApiContext = createContext<ApiClient | null>(null)
export const RepoContext = createContext<Repo | null>(null)
export const ProfileContext = createContext<Person | null>(null)

function required<T>(value: T | null, name: string): T {
  if (value === null) throw new Error(`${name} is not provided`)
  return value
}

export const useApi = () => required(useContext(ApiContext), 'ApiContext')
export const useRepo = () => required(useContext(RepoContext), 'RepoContext')
/** The person using this laptop; every page after the first run has one. */
export const useProfile = () => required(useContext(ProfileContext), 'ProfileContext')

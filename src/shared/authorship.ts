import type { PersonRef } from './people'

/**
 * Every Automerge change Homeward makes carries its author in the change message, so a case's
 * history says who changed what even on a laptop that has never seen the team's member list.
 */
export interface ChangeOptions {
  message: string
  time: number
}

interface AuthorMessage {
  by: string
  name: string
}

/**
 * How the team's sync server signs the changes it makes to the team document; laptops know the
 * server's own changes by it.
 */
export const SERVER_AUTHOR = { id: 'homeward-sync-server', name: 'The team’s sync server' }

export function authoredBy(author: PersonRef, now: Date = new Date()): ChangeOptions {
  const message: AuthorMessage = { by: author.id, name: author.name }
  return { message: JSON.stringify(message), time: Math.floor(now.getTime() / 1000) }
}

/** The author recorded on a change, or undefined for changes made outside Homeward. */
export function authorOf(message: string | null | undefined): PersonRef | undefined {
  if (!message) return undefined
  try {
    const parsed: unknown = JSON.parse(message)
    if (typeof parsed === 'object' && parsed !== null && 'by' in parsed && 'name' in parsed) {
      const { by, name } = parsed as Record<string, unknown>
      if (typeof by === 'string' && typeof name === 'string') return { id: by, name }
    }
  } catch {
    // Not one of ours.
  }
  return undefined
}

import { z } from 'zod'
import type { Role } from './roles'

export { ROLES, ROLE_LABELS, type Role } from './roles'

/** A member of the team: the person using a laptop, named on every change they make. */
export interface Person {
  id: string
  name: string
  role: Role
}

/** How a person is named inside a case (as a note's author, the lead caseworker...). */
export interface PersonRef {
  id: string
  name: string
}

/**
 * The first run's question on a laptop with no team: the person's name. Alone on a laptop, they are
 * its manager; a team's laptop takes its person, and their role, from the team's server.
 */
export const profileInputSchema = z.object({
  name: z
    .string({ message: 'Enter your name' })
    .trim()
    .min(1, 'Enter your name')
    .max(100, 'Your name must be 100 characters or fewer'),
})
export type ProfileInput = z.input<typeof profileInputSchema>

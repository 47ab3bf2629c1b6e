import { isValidDocumentId } from '@automerge/automerge-repo/slim'
import { z } from 'zod'

/**
 * The sync server's HTTP side, as one contract: creating and joining the team, and the manager's
 * device list. The server checks each request's body with these schemas, and a laptop checks each
 * answer with them (a server's answer is bytes from outside like any other).
 */

const deviceName = z.string().trim().min(1).max(100)
const credential = z.string().min(1).max(200)
const documentId = z.string().max(100).refine((id): boolean => isValidDocumentId(id), 'not a document id')

/** A device of the team, as the manager sees it. */
const teamDevice = z.object({
  id: z.string().max(100),
  name: z.string().max(100),
  createdAt: z.string().max(40),
  lastSeen: z.string().max(40).nullable(),
  revoked: z.boolean(),
  manager: z.boolean(),
})
export type TeamDevice = z.infer<typeof teamDevice>

/** A new device's place in the team: what the laptop keeps to sync from then on. */
const membership = z.object({ team: z.string().max(100), teamDocumentId: documentId, deviceId: z.string().max(100), credential })

export const TEAM_API = {
  /** The manager's laptop creates the team on a new server, with the setup code it printed. */
  createTeam: {
    method: 'POST',
    path: '/api/team',
    body: z.object({ setupCode: z.string().max(50), name: z.string().trim().min(1).max(100), deviceName, teamDocumentId: documentId }),
    answer: membership.extend({ joinCode: z.string().max(50) }),
  },
  /** A laptop joins with the manager's join code. */
  join: {
    method: 'POST',
    path: '/api/join',
    body: z.object({ joinCode: z.string().max(50), deviceName }),
    answer: membership,
  },
  devices: { method: 'GET', path: '/api/devices', body: z.undefined(), answer: z.array(teamDevice).max(10_000) },
  newJoinCode: { method: 'POST', path: '/api/join-code', body: z.undefined(), answer: z.object({ joinCode: z.string().max(50) }) },
  revoke: { method: 'POST', path: '/api/devices/:id/revoke', body: z.undefined(), answer: z.object({ revoked: z.string().max(100) }) },
} as const

/** What the server says when it refuses, in words for the person. */
export const refusalSchema = z.object({ error: z.string().max(500) })

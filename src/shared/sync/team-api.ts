import { isValidDocumentId } from '@automerge/automerge-repo/slim'
import { ERASE_REASON_MAX } from '../team/erasures'
import { z } from 'zod'
import { ROLES } from '../people'
import { AUDIT_BATCH, attestedAuditEntrySchema, auditEntrySchema } from '../audit/audit-entry'

/**
 * The sync server's HTTP side, as one contract: creating and joining the team, and the manager's
 * device list. The server checks each request's body with these schemas, and a laptop checks each
 * answer with them (a server's answer is bytes from outside like any other).
 */

const deviceName = z.string().trim().min(1).max(100)
const credential = z.string().min(1).max(200)
const documentId = z.string().max(100).refine((id): boolean => isValidDocumentId(id), 'not a document id')

/**
 * A person's id: becomes a key in the team document, so plain characters only, and never a name
 * JavaScript objects give meaning to (`__proto__` cannot be a key there at all).
 */
const personId = z
  .string()
  .min(1)
  .max(100)
  .refine((id) => !/\p{Cc}/u.test(id) && !/^(__proto__|constructor|prototype|toString|valueOf|hasOwnProperty)$/.test(id), 'not a person id')
const personName = z.string().trim().min(1).max(100)
const role = z.enum(ROLES)
/** One of the team's people, as the server holds them: their role is the server's to say. */
const person = z.object({ id: personId, name: personName, role })

/**
 * The header a shared laptop's request names the person signed in by (their id). The server acts
 * as them only if they are one of the device's people, and refuses a request naming anyone else;
 * without it, it acts as the device's own person.
 */
export const PERSON_HEADER = 'x-homeward-person'

/** A device of the team, as the manager sees it, with the person it belongs to (none for a device from before people were the server's). */
const teamDevice = z.object({
  id: z.string().max(100),
  name: z.string().max(100),
  createdAt: z.string().max(40),
  lastSeen: z.string().max(40).nullable(),
  revoked: z.boolean(),
  manager: z.boolean(),
  person: person.nullable(),
  /** Everyone else who shares the laptop, added with a code of their own (see `addDevicePerson`). */
  people: z.array(person).max(100),
})
export type TeamDevice = z.infer<typeof teamDevice>

/** A new device's place in the team: what the laptop keeps to sync from then on, and whose laptop it is. */
const membership = z.object({ team: z.string().max(100), teamDocumentId: documentId, deviceId: z.string().max(100), credential, person })

/** A join code, for one laptop, until it expires. */
const joinCode = z.object({ joinCode: z.string().max(50), expiresAt: z.string().max(40), for: personName.nullable(), role })
export type JoinCode = z.infer<typeof joinCode>

export const TEAM_API = {
  /** The manager's laptop creates the team on a new server, with the setup code it printed. */
  /**
   * The manager's laptop creates the team on a new server, with the setup code it printed. The
   * people its workspace already names become the team's (`you`, the manager), and a join code
   * for a caseworker's laptop comes back.
   */
  createTeam: {
    method: 'POST',
    path: '/api/team',
    body: z.object({
      setupCode: z.string().max(50),
      name: z.string().trim().min(1).max(100),
      deviceName,
      teamDocumentId: documentId,
      you: z.object({ id: personId, name: personName }),
      people: z.array(person).max(500),
    }),
    answer: membership.extend({ joinCode }),
  },
  /**
   * A laptop joins with a join code. A code for a named person makes it that person's; a code for
   * no one in particular makes a new person named as the laptop's user (`you`).
   */
  join: {
    method: 'POST',
    path: '/api/join',
    body: z.object({ joinCode: z.string().max(50), deviceName, you: z.object({ id: personId, name: personName }).optional() }),
    answer: membership,
  },
  /** The team's people, and which of them this laptop is. */
  team: { method: 'GET', path: '/api/team', body: z.undefined(), answer: z.object({ team: z.string().max(100), people: z.array(person).max(10_000), you: person.nullable() }) },
  devices: { method: 'GET', path: '/api/devices', body: z.undefined(), answer: z.array(teamDevice).max(10_000) },
  /** A manager issues a join code: for one laptop, for a person by name (theirs, or a new one's) or for anyone, in a role. */
  newJoinCode: {
    method: 'POST',
    path: '/api/join-code',
    body: z.object({ for: personName.optional(), role: role.optional() }),
    answer: joinCode,
  },
  /**
   * Someone else who uses this laptop: the laptop redeems a join code made for them, and the server
   * records them among the device's people (it attests their uploads, and sends them their
   * restricted cases). The code is used up as for joining; the answer is the person it was for.
   */
  addDevicePerson: {
    method: 'POST',
    path: '/api/device-people',
    body: z.object({ joinCode: z.string().max(50), you: z.object({ id: personId, name: personName }).optional() }),
    answer: person,
  },
  /** A manager takes a person off a device (not its own person: revoke the device for that). */
  removeDevicePerson: { method: 'POST', path: '/api/devices/:id/people/:person/remove', body: z.undefined(), answer: z.object({ removed: personId }) },
  revoke: { method: 'POST', path: '/api/devices/:id/revoke', body: z.undefined(), answer: z.object({ revoked: z.string().max(100) }) },
  /**
   * A manager takes a document (a case, a scanned document, a meeting) out of the team: the
   * server deletes it and the team document stops listing it. No laptop can do this by editing.
   */
  removeDocument: { method: 'POST', path: '/api/documents/:id/remove', body: z.undefined(), answer: z.object({ removed: documentId }) },
  /**
   * A laptop's new audit entries: the server keeps each with the device that sent it and that
   * device's person (an entry naming someone else is kept marked forged). There is no route to
   * change or remove one.
   */
  sendAudit: { method: 'POST', path: '/api/audit', body: z.object({ entries: z.array(auditEntrySchema).min(1).max(AUDIT_BATCH) }), answer: z.object({ stored: z.number().int() }) },
  /** The manager's: the team's audit entries numbered after `?after=N`, oldest first. */
  readAudit: { method: 'GET', path: '/api/audit', body: z.undefined(), answer: z.object({ entries: z.array(attestedAuditEntrySchema).max(AUDIT_BATCH) }) },
  /**
   * The case's lead caseworker or a manager restricts a case to named people (the one restricting
   * is always among them), or clears its restriction (`to` null): the server then sends the case
   * and its scanned documents only to those people's laptops (src/shared/team/restrictions.ts).
   */
  restrict: {
    method: 'POST',
    path: '/api/restrict',
    body: z.object({ caseId: documentId, to: z.array(personId).max(500).nullable() }),
    answer: z.object({ caseId: documentId, to: z.array(personId).max(501).nullable() }),
  },
  /**
   * A manager erases a case (src/shared/team/erasures.ts): the server deletes every chunk of it and
   * its scanned documents, refuses their ids for ever, and records the erasure, with the case's
   * anonymised record, in the team document, so every laptop deletes its copy.
   */
  erase: {
    method: 'POST',
    path: '/api/erase',
    body: z.object({ caseId: documentId, reason: z.string().trim().min(1).max(ERASE_REASON_MAX), kind: z.enum(['erased', 'anonymised']).optional() }),
    answer: z.object({ caseId: documentId, documents: z.array(documentId).max(10_000) }),
  },
  /**
   * The case's lead caseworker or a manager corrects a value so that the old one is gone from the
   * history (src/shared/case/correct-value.ts): the server rebuilds the case as a new document,
   * retires the old id for ever and records the correction in the team document.
   */
  correct: {
    method: 'POST',
    path: '/api/correct',
    body: z.object({ caseId: documentId, field: z.string().max(200), value: z.string().max(20_000) }),
    answer: z.object({ caseId: documentId, replacedBy: documentId }),
  },
} as const

export const JOIN_CODE_DAYS = 7

/** What the server says when it refuses, in words for the person. */
export const refusalSchema = z.object({ error: z.string().max(500) })

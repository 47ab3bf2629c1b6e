import { z } from 'zod'

/**
 * The audit of who looked at and changed which case (issue 17, item 3; Mainstay's and Primero's
 * rule that access to someone's notes is recorded). One contract for the laptop that records an
 * entry, the server that attests and keeps it, and the manager's laptop that reads it back.
 *
 * An entry carries no case data: the case's id, what was done, and a short detail in the app's own
 * words ("presentation pack"), never a client's name or notes.
 */
/** `restricted`: restricting a case or clearing its restriction, recorded by the server itself. */
export const AUDIT_ACTIONS = ['viewed', 'changed', 'exported', 'printed', 'erased', 'restricted'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** What the laptop records and sends: who (the signed-in person), when, what, which case. */
export const auditEntrySchema = z.object({
  /** Made once on the laptop: sending it again is harmless, a different entry under it is refused. */
  id: z.string().uuid(),
  caseId: z.string().min(1).max(100),
  action: z.enum(AUDIT_ACTIONS),
  detail: z.string().max(100),
  personId: z.string().min(1).max(100),
  personName: z.string().min(1).max(100),
  /** ISO time on the laptop's clock. */
  at: z.string().max(40).refine((at) => !Number.isNaN(Date.parse(at)), 'not a time'),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

/**
 * An entry as the server kept it: numbered in arrival order, with the device that sent it and the
 * person the server holds for that device. `forged` when the entry names someone else: what it
 * claims is not attested, and it is shown as such, never hidden or dropped.
 */
export const attestedAuditEntrySchema = auditEntrySchema.extend({
  seq: z.number().int().min(1),
  deviceId: z.string().max(100),
  deviceName: z.string().max(100),
  sentBy: z.string().max(100).nullable(),
  forged: z.boolean(),
  /**
   * The server's name for `personId` (null where it knows no such person): what is shown, since
   * `personName` is only the laptop's word, and a raw client can put anyone's name there.
   */
  attestedName: z.string().max(100).nullable(),
  /** When the server received it (ISO), on the server's clock: `at` is only the laptop's clock. */
  receivedAt: z.string().max(40),
})
export type AttestedAuditEntry = z.infer<typeof attestedAuditEntrySchema>

/** How many entries go to the server, or come back from it, in one request. */
export const AUDIT_BATCH = 100

/**
 * An entry as the manager reads it (the window, `homeward audit --json`): `who`, `when`, `action`,
 * `caseId`, and the laptop it was made on. `forged`: the server received it from a laptop that is
 * not that person's.
 */
export interface AuditRow {
  id: string
  who: string
  personId: string
  when: string
  action: AuditAction
  caseId: string
  detail: string
  /** The laptop's name; null for a laptop not in a team. */
  device: string | null
  forged: boolean
  /** When the team's server received it, on its own clock; null for an entry made on this laptop. */
  received: string | null
}

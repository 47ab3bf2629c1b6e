/**
 * A team manager's override of the safety gate (`safety-gate.ts`), written on the case with its
 * reason, and withdrawn when the situation changes.
 */
import { toStored } from '../automerge/registers'
import { requirePermission } from '../team/permissions'
import { ValidationError } from '../validation'
import { beginChange } from './case-doc'
import type { ChangeContext } from './changes'
import type { CaseDoc } from './record'

/** A manager lets a reconnection go ahead despite the safety gate; who, when and why are kept. */
export function overrideSafetyGate(doc: CaseDoc, reason: string, context: ChangeContext): void {
  requirePermission(context.role, 'override-safety-checks')
  if (!reason.trim()) throw new ValidationError([{ field: 'reason', message: 'Write the reason for overriding the safety checks' }])
  beginChange(doc, context)
  doc.safety.override = toStored({ by: context.author, at: context.now.toISOString(), reason: reason.trim() })
}

/** Withdraws an override (the situation changed). */
export function withdrawSafetyOverride(doc: CaseDoc, context: ChangeContext): void {
  requirePermission(context.role, 'withdraw-safety-override')
  beginChange(doc, context)
  delete doc.safety.override
}

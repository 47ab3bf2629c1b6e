/**
 * The safety gate (Getting Connected 2.5 and 4.10; Kent policy 5.3 and 5.6): a move goes ahead only
 * when every safety question (Phase 4, in reconnection.ts) is answered no and the client has a local
 * connection somewhere, or when a team manager overrides it with a written reason, kept on record
 * (`safety-override.ts`). Evaluating it reads no document, so the board's flags and the lists use it
 * without loading Automerge.
 */
import type { PersonRef } from '../people'
import type { AreaConnection } from './local-connection'
import { SAFETY_QUESTIONS, type SafetyCheck } from './reconnection'

/** A manager's decision to go ahead despite the gate, with their reason. */
export interface SafetyOverride {
  by: PersonRef
  at: string
  reason: string
}

export interface SafetyGate {
  passes: boolean
  /** Why it does not pass, in words. */
  problems: string[]
  /** A failure that makes reconnection inappropriate (an answer yes, or no connection anywhere). */
  inappropriate: boolean
  override?: SafetyOverride
}

/**
 * Evaluates the gate: every question answered no, and a local connection somewhere. A manager's
 * override lets the move go ahead, but the problems stay on record.
 */
export function evaluateSafetyGate(check: SafetyCheck, areas: AreaConnection[], override?: SafetyOverride): SafetyGate {
  const problems: string[] = []
  let inappropriate = false
  for (const question of SAFETY_QUESTIONS) {
    const answer = check[question.name]
    if (answer === 'yes') {
      problems.push(`Safety check: ${SAFETY_FAILURES[question.name]}`)
      inappropriate = true
    } else if (answer !== 'no') {
      problems.push(`Safety check not answered: ${question.label}`)
    }
  }
  if (!areas.some((area) => area.connected)) {
    problems.push('Safety check: the client has no local connection anywhere on the evidence recorded')
    inappropriate = true
  }
  return { passes: problems.length === 0 || override !== undefined, problems, inappropriate, ...(override ? { override } : {}) }
}

const SAFETY_FAILURES: Record<(typeof SAFETY_QUESTIONS)[number]['name'], string> = {
  riskOfHarm: 'the client would be at risk of harm in the destination area',
  excluded: 'the client is excluded from the area',
  reoffending: 'the client is at risk of re-offending there',
  partSevenAccepted: 'a local authority here has accepted a Part 7 duty',
}

import type { NeedLevel, NeedsAssessment } from '../case/needs'

/**
 * Income and employment, first to last: what a case's needs assessment first recorded of the
 * client's money and work (read from its history, `first-recorded.ts`), against what it holds at
 * the end. Kept apart from the reading so the report page compares without loading Automerge.
 */
export interface FirstRecorded {
  moneyLevel?: NeedLevel
  educationAndWorkLevel?: NeedLevel
  workOrTraining?: NonNullable<NeedsAssessment['workOrTraining']>
  /** Benefit claims written in the first save of the needs assessment. */
  benefitClaimsAtFirst: boolean
}

/** The levels of need in order; "Not assessed" is no level, and compares with none. */
export const NEED_LEVEL_ORDER: readonly NeedLevel[] = ['none', 'low', 'medium', 'high']

export type LevelChange = 'less' | 'same' | 'more' | 'not-assessed'

/** From the first level of need assessed to the last: less need is better. A level assessed once is the same. */
export function levelChange(first: NeedLevel | undefined, last: NeedLevel | undefined): LevelChange {
  const from = first ? NEED_LEVEL_ORDER.indexOf(first) : -1
  const to = last ? NEED_LEVEL_ORDER.indexOf(last) : -1
  if (from < 0 || to < 0) return 'not-assessed'
  return to < from ? 'less' : to > from ? 'more' : 'same'
}

export type WorkChange = 'into' | 'stayed' | 'left' | 'neither' | 'not-recorded'

/** In paid work or in training or education: what the Connection Support review counts (13.4). Volunteering is neither. */
const IN_WORK_OR_TRAINING: readonly string[] = ['employed', 'training']

/** From the first answer to "in work or training now?" to the last. */
export function workChange(first: string | undefined, last: string | undefined): WorkChange {
  if (!first || !last) return 'not-recorded'
  const before = IN_WORK_OR_TRAINING.includes(first)
  const after = IN_WORK_OR_TRAINING.includes(last)
  return before ? (after ? 'stayed' : 'left') : after ? 'into' : 'neither'
}

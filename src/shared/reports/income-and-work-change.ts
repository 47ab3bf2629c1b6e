import { fieldHistory, keysFirstWritten } from '../automerge/field-history'
import type { CaseDoc } from '../case/record'
import { WORK_OR_TRAINING, type NeedLevel, type NeedsAssessment } from '../case/needs'

/**
 * Income and employment, first to last: what a case's needs assessment first recorded of the
 * client's money and work, against what it holds at the end. The assessment keeps one value a
 * field (the latest), so the first is read from the case's history: each field's first value
 * saved, and whether benefit claims were written the first time the assessment was saved.
 */
export interface FirstRecorded {
  moneyLevel?: NeedLevel
  educationAndWorkLevel?: NeedLevel
  workOrTraining?: NonNullable<NeedsAssessment['workOrTraining']>
  /** Benefit claims written in the first save of the needs assessment. */
  benefitClaimsAtFirst: boolean
}

/** What a case document's history first recorded (a level of need is never "Not assessed": that is no level). */
export function firstRecorded(doc: CaseDoc): FirstRecorded {
  const first = <T extends string>(field: string, among: readonly string[]) =>
    fieldHistory(doc, ['needs'], field)
      .map(({ value }) => value)
      .find((value): value is T => typeof value === 'string' && among.includes(value))
  return dropUndefined({
    moneyLevel: first<NeedLevel>('moneyLevel', ORDER),
    educationAndWorkLevel: first<NeedLevel>('educationAndWorkLevel', ORDER),
    workOrTraining: first<NonNullable<FirstRecorded['workOrTraining']>>('workOrTraining', WORK_OR_TRAINING.map((answer) => answer.value)),
    benefitClaimsAtFirst: keysFirstWritten(doc, ['needs']).has('benefitClaims'),
  })
}

/** The levels of need in order; "Not assessed" is no level, and compares with none. */
const ORDER: readonly NeedLevel[] = ['none', 'low', 'medium', 'high']

export type LevelChange = 'less' | 'same' | 'more' | 'not-assessed'

/** From the first level of need assessed to the last: less need is better. A level assessed once is the same. */
export function levelChange(first: NeedLevel | undefined, last: NeedLevel | undefined): LevelChange {
  const from = first ? ORDER.indexOf(first) : -1
  const to = last ? ORDER.indexOf(last) : -1
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

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

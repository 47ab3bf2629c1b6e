import { fieldHistory, keysFirstWritten } from '../automerge/field-history'
import type { CaseDoc } from '../case/record'
import { WORK_OR_TRAINING, type NeedLevel } from '../case/needs'
import { NEED_LEVEL_ORDER, type FirstRecorded } from './income-and-work-change'

/**
 * What a case's needs assessment first recorded of money and work. The assessment keeps one value
 * a field (the latest), so the first is read from the case's history: each field's first value
 * saved, and whether benefit claims were written the first time the assessment was saved. Read by
 * the core and the server (it needs Automerge), never by the window. A level of need is never "Not
 * assessed": that is no level.
 */
export function firstRecorded(doc: CaseDoc): FirstRecorded {
  const first = <T extends string>(field: string, among: readonly string[]) =>
    fieldHistory(doc, ['needs'], field)
      .map(({ value }) => value)
      .find((value): value is T => typeof value === 'string' && among.includes(value))
  return dropUndefined({
    moneyLevel: first<NeedLevel>('moneyLevel', NEED_LEVEL_ORDER),
    educationAndWorkLevel: first<NeedLevel>('educationAndWorkLevel', NEED_LEVEL_ORDER),
    workOrTraining: first<NonNullable<FirstRecorded['workOrTraining']>>('workOrTraining', WORK_OR_TRAINING.map((answer) => answer.value)),
    benefitClaimsAtFirst: keysFirstWritten(doc, ['needs']).has('benefitClaims'),
  })
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

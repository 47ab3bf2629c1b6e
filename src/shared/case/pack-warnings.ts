import { formatLongDate, type IsoDate } from '../dates'
import { PACK_DOCUMENT_TYPES, PACK_DOCUMENTS, PLAN_FIELDS } from './reconnection'
import type { PackPlan } from './presentation-pack'
import type { CaseRecord } from './record'
import { REFERRAL_DETAIL_FIELDS } from './referral'

/** Words by which a caseworker's writing points the council to a document in the pack. */
const POINTS_TO_A_DOCUMENT = /\b(enclos\w*|attached)\b/i

/**
 * What a caseworker should know before making a presentation pack that can be made: evidence the
 * toolkit lists for the pack (Phase 5: ID, benefits, medical information, address history,
 * priority need) that is not in it, and writing in the covering letter that says a document is
 * "enclosed" when nothing is. The pack may still be made ("Make it anyway"): a council can be
 * sent what is missing later, but should not be told a document is there when it is not. A pack
 * for a day already past (`today` given) is said too: its letter speaks of the presentation to come.
 */
export function packWarnings(record: CaseRecord, plan: Pick<PackPlan, 'includesHealth' | 'enclosures'>, today?: IsoDate): string[] {
  const warnings: string[] = []
  const day = record.reconnectionDay.date
  if (today && day && day < today) {
    const firstName = record.referral.clientName.trim().split(/\s+/)[0] || 'the client'
    warnings.push(`The day ${firstName} presents, ${formatLongDate(day)}, has passed: check the date before sending`)
  }
  const enclosedTypes = new Set(plan.enclosures.map((enclosure) => record.attachments[enclosure.id]?.type))
  for (const document of PACK_DOCUMENTS) {
    const status = record.plan[document.name]
    // Not needed for this client; medical information stays out without their agreement, as the letter says.
    if (status === 'not-applicable' || (document.name === 'docMedical' && !plan.includesHealth)) continue
    if (enclosedTypes.has(PACK_DOCUMENT_TYPES[document.name])) continue
    warnings.push(
      status === 'gathered'
        ? `${document.label} is not in the pack, though the plan says it is gathered: add a scan of it under Documents`
        : `${document.label} is not in the pack`,
    )
  }
  for (const { label, word } of saysEnclosedWithNothingEnclosed(record, plan)) warnings.push(`The letter's "${label}" says "${word}", but nothing is enclosed`)
  return warnings
}

/** The caseworker's writing the pack prints, by field: what the letter and summary say of the client. */
export type PackWriting = 'priorityNeed' | 'presentationArrangements' | 'supportNeeds' | 'healthArrangements'

/**
 * The caseworker's writing in the pack that points the council to a document ("enclosed",
 * "attached") when nothing is enclosed: warned of before the pack is made, and, if it is made
 * anyway, printed with `NOTHING_ENCLOSED` after it, so the council is not sent looking for a
 * document that is not there.
 */
export function saysEnclosedWithNothingEnclosed(
  record: CaseRecord,
  plan: Pick<PackPlan, 'includesHealth' | 'enclosures'>,
): { name: PackWriting; label: string; word: string }[] {
  if (plan.enclosures.length > 0) return []
  const written: { name: PackWriting; label: string; text: string | undefined }[] = [
    { name: 'priorityNeed', label: label(PLAN_FIELDS, 'priorityNeed'), text: record.plan.priorityNeed },
    { name: 'presentationArrangements', label: label(PLAN_FIELDS, 'presentationArrangements'), text: record.plan.presentationArrangements },
    ...(plan.includesHealth
      ? [
          { name: 'supportNeeds' as const, label: label(REFERRAL_DETAIL_FIELDS, 'supportNeeds'), text: record.referral.supportNeeds },
          { name: 'healthArrangements' as const, label: label(PLAN_FIELDS, 'healthArrangements'), text: record.plan.healthArrangements },
        ]
      : []),
  ]
  return written.flatMap(({ name, label, text }) => {
    const word = text && POINTS_TO_A_DOCUMENT.exec(text)?.[0]
    return word ? [{ name, label, word: word.toLowerCase() }] : []
  })
}

/** Printed after such writing in the pack. */
export const NOTHING_ENCLOSED = '(no document is enclosed with this pack)'

function label(fields: readonly { name: string; label: string }[], name: string): string {
  return fields.find((field) => field.name === name)?.label ?? name
}

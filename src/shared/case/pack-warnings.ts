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
  if (plan.enclosures.length === 0) {
    const written = [
      { label: label(PLAN_FIELDS, 'priorityNeed'), text: record.plan.priorityNeed },
      { label: label(PLAN_FIELDS, 'presentationArrangements'), text: record.plan.presentationArrangements },
      ...(plan.includesHealth
        ? [
            { label: label(REFERRAL_DETAIL_FIELDS, 'supportNeeds'), text: record.referral.supportNeeds },
            { label: label(PLAN_FIELDS, 'healthArrangements'), text: record.plan.healthArrangements },
          ]
        : []),
    ]
    for (const { label, text } of written) {
      const word = text && POINTS_TO_A_DOCUMENT.exec(text)?.[0]
      if (word) warnings.push(`The letter's "${label}" says "${word.toLowerCase()}", but nothing is enclosed`)
    }
  }
  return warnings
}

function label(fields: readonly { name: string; label: string }[], name: string): string {
  return fields.find((field) => field.name === name)?.label ?? name
}

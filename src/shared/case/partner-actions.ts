import type { Field, FieldValues } from '../forms/fields'
import { FIRST_PARTNER_ACTION_FIELDS, type OnwardReferral } from './onward-referrals'

/**
 * The actions agreed with a partner agency on an onward referral (Homeless Link, the SAFE case
 * study: "actions and accountability"): what, who will do it, due by, done on. A referral holds any
 * number; one past its due date and not done is SAFE's red flag (`missed-partner-actions.ts`).
 * Kept in the case's `partnerActions` list (schema 6), each naming its referral by id.
 */
const [what, by, due, doneOn] = FIRST_PARTNER_ACTION_FIELDS
export const PARTNER_ACTION_FIELDS = [
  { ...what, required: true, messages: { required: 'Say what was agreed with the partner' } },
  by,
  due,
  doneOn,
] as const satisfies readonly Field[]
export type PartnerActionValues = FieldValues<typeof PARTNER_ACTION_FIELDS>

/** An action in the case's list: its values and the onward referral it was agreed on. */
export type PartnerAction = PartnerActionValues & { referral: string }

/** The id by which a referral's own action from before schema 6 is named among its agreed actions. */
export const FIRST_ACTION_ID = 'agreed-with-the-referral'

/** One agreed action as read, wherever it is held. */
export interface AgreedAction {
  /** The list's id, or FIRST_ACTION_ID for the action the referral itself holds. */
  id: string
  referral: string
  values: Partial<PartnerActionValues>
}

/**
 * Every action agreed with a partner on the case (or on one referral): for each referral, the one
 * it holds itself from before schema 6 first, then the list's, by due date (none last) and id.
 * An action of the list whose referral is gone is still read, under its referral's id: nothing is hidden.
 */
export function agreedActions(
  record: { onwardReferrals: Record<string, OnwardReferral>; partnerActions: Record<string, PartnerAction> },
  referralId?: string,
): AgreedAction[] {
  const referralIds = referralId === undefined ? [...new Set([...Object.keys(record.onwardReferrals), ...Object.values(record.partnerActions).map((action) => action.referral)])] : [referralId]
  return referralIds.flatMap((referral) => {
    const held = record.onwardReferrals[referral]
    const first: AgreedAction[] = held && heldAction(held) ? [{ id: FIRST_ACTION_ID, referral, values: heldAction(held)! }] : []
    const listed = Object.entries(record.partnerActions)
      .filter(([, action]) => action.referral === referral)
      .sort(([a, x], [b, y]) => (x.partnerActionDue ?? '9999').localeCompare(y.partnerActionDue ?? '9999') || a.localeCompare(b))
      .map(([id, { referral: _referral, ...values }]) => ({ id, referral, values }))
    return [...first, ...listed]
  })
}

/** The action a referral holds itself, if it holds one (any of its fields filled in). */
function heldAction(referral: OnwardReferral): Partial<PartnerActionValues> | undefined {
  const values = Object.fromEntries(FIRST_PARTNER_ACTION_FIELDS.flatMap((field) => (referral[field.name] === undefined ? [] : [[field.name, referral[field.name]]])))
  return Object.keys(values).length > 0 ? values : undefined
}

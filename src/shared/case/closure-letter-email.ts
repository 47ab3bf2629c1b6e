import type { CaseRecord } from './record'

/**
 * Whom the closure letter is emailed to: the client, at the email address their contact details
 * record. Without one there is no one to send it to, and the letter is printed, to post or hand
 * over: said in one line, where the email would have been offered.
 */
export function closureLetterEmail(record: Pick<CaseRecord, 'contact' | 'referral'>): { to: string } | { whyNot: string } {
  const to = record.contact.email?.trim()
  if (to) return { to }
  const firstName = record.referral.clientName.trim().split(/\s+/)[0] || 'the client'
  return { whyNot: `No email address is recorded for ${firstName}: print the closure letter to post or give to them.` }
}

import type { EntryList } from '../../shared/case/record'
import { useOpenCase } from './CaseContext'

const ENTRY_NAMES: Record<EntryList, [one: string, many: string]> = {
  notes: ['note', 'notes'],
  phaseHistory: ['phase history entry', 'phase history entries'],
  sharingConsents: ['consent to share', 'consents to share'],
  addresses: ['address', 'addresses'],
  employment: ['employment', 'employments'],
  family: ['family member', 'family members'],
  special: ['special circumstance', 'special circumstances'],
  actions: ['action', 'actions'],
  expenses: ['expense', 'expenses'],
  goals: ['goal', 'goals'],
  attachments: ['scanned document', 'scanned documents'],
  generatedDocuments: ['record of a pack or letter', 'records of packs or letters'],
  onwardReferrals: ['onward referral', 'onward referrals'],
  partnerActions: ['action agreed with a partner', 'actions agreed with partners'],
  followUps: ['follow-up check', 'follow-up checks'],
  reviews: ['support plan review', 'support plan reviews'],
  markers: ['warning marker', 'warning markers'],
  learningPoints: ['learning point', 'learning points'],
}

/**
 * Entries of this case that could not be read (written badly on one laptop and synced): each is
 * left out alone, and said so here, so that nothing is silently missing from the record.
 */
export function UnreadableEntries() {
  const { record } = useOpenCase()
  const entries = record.unreadableEntries ?? []
  if (entries.length === 0) return null
  const counts = new Map<EntryList, number>()
  for (const { part } of entries) counts.set(part, (counts.get(part) ?? 0) + 1)
  const named = [...counts].map(([part, count]) => `${count} ${ENTRY_NAMES[part][count === 1 ? 0 : 1]}`).join(', ')
  return (
    <p className="banner banner--warning banner--above-list" role="status">
      Part of this case could not be read and is not shown: {named}. Nothing has been deleted, and the rest of the case is as it was.
      Tell whoever looks after Homeward.
    </p>
  )
}

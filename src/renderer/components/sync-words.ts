import { formatUkDateTime, isoDateOf } from '../../shared/dates'
import type { SyncStatus } from '../../shared/sync/status'

/** The team sync in a few words, for the footer and the settings page. */
export function describeSync(status: SyncStatus, now = new Date()): { text: string; tone: 'ok' | 'busy' | 'away' | 'refused' } {
  const last = status.lastSyncedAt ? `last synced ${whenSynced(status.lastSyncedAt, now)}` : 'not synced yet'
  const waiting = status.pending > 0 ? ` · ${status.pending} ${status.pending === 1 ? 'change' : 'changes'} not yet sent` : ''
  switch (status.state) {
    case 'not-in-team':
      return { text: 'Not in a team: cases stay on this laptop', tone: 'away' }
    case 'connecting':
      return { text: `${status.lastSyncedAt ? 'Reconnecting' : 'Connecting'} to the team server…${waiting}`, tone: 'busy' }
    case 'connected':
      if (status.catchUp) return { text: `Syncing ${status.catchUp.received} of ${status.catchUp.total} cases and documents${waiting}`, tone: 'busy' }
      return { text: status.pending > 0 ? `Sending ${status.pending} ${status.pending === 1 ? 'change' : 'changes'} to the team` : `Synced with the team · ${last}`, tone: status.pending > 0 ? 'busy' : 'ok' }
    case 'offline':
      return { text: `Offline: work is kept on this laptop and sent when the team server can be reached (${last})${waiting}`, tone: 'away' }
    case 'refused':
      return { text: `Not syncing: ${status.reason ?? 'the team server refused this laptop.'}`, tone: 'refused' }
  }
}

function whenSynced(instant: string, now: Date): string {
  const time = formatUkDateTime(instant)
  // Today: the time is enough.
  return isoDateOf(new Date(instant)) === isoDateOf(now) ? `at ${time.slice(-5)}` : `on ${time}`
}

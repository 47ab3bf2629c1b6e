import { isMeetingDoc, readMeeting, type MeetingDoc, type MeetingRecord } from '../../shared/meeting/meeting-doc'
import { useLiveDocument } from '../hooks/useLiveDocument'

export type MeetingState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; meeting: MeetingRecord; change: (edit: (doc: MeetingDoc) => void) => void }

/** A meeting, live: what anyone in it records appears here as it syncs; edits go straight into it. */
export function useMeeting(id: string): MeetingState {
  const live = useLiveDocument<MeetingDoc, MeetingRecord>(id, isMeetingDoc, readMeeting)
  if (live.status !== 'ready') return live
  // A meeting document is plain data: reading it cannot fail once it is known to be one.
  if (live.value instanceof Error) return { status: 'missing' }
  return { status: 'ready', meeting: live.value, change: live.change }
}

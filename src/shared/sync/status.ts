/** What the app shows of the team sync, always: where it is, when it last synced, what is waiting. */
export interface SyncStatus {
  state: SyncState
  /** The team's name, once in one. */
  team?: string
  deviceName?: string
  server?: string
  /** Whether this laptop's person is a team manager (they can issue join codes and revoke devices). */
  manager?: boolean
  /** Why the server refused this laptop, or why it cannot be reached, in words for the person. */
  reason?: string
  /** The server put back part of a change from this laptop (it took documents out of the team, or changed a role), in words. */
  notice?: string
  lastSyncedAt?: string
  /** Changes made on this laptop the server does not have yet. */
  pending: number
  /**
   * When the team's server proved this laptop was taken off the team (revoked), and the team's data
   * on it was deleted: the window shows takenOffTeamNotice instead of anything else.
   */
  takenOffTeam?: string
  /** While catching up: how many of the documents to receive have arrived. */
  catchUp?: { received: number; total: number }
}

export type SyncState =
  /** This laptop is not in a team: everything stays on it. */
  | 'not-in-team'
  | 'connecting'
  | 'connected'
  /** The server cannot be reached: work goes on, and is sent once it can. */
  | 'offline'
  /** The server turned this laptop away (removed from the team): nothing more is sent or received. */
  | 'refused'

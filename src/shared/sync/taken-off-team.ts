import { formatUkDateTime } from '../dates'

/**
 * What a laptop says once the team's server has proved it was taken off the team (a lost or
 * stolen laptop, revoked by a manager) and it has deleted the team's data: said by the window's
 * full-page notice, the command line and the sync status alike.
 */
export function takenOffTeamNotice(at: string): string {
  const [day, time] = formatUkDateTime(at).split(' at ')
  return `This laptop was taken off the team on ${day} at ${time} by the team's server. The team's data on it was deleted.`
}

/** A server said this laptop was taken off the team, but could not prove it: nothing is deleted. */
export const UNPROVEN_REVOCATION =
  "The server said this laptop was taken off the team, but its answer could not be trusted, so nothing was deleted. Check the server's address with the team manager."

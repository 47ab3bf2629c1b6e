/**
 * The app locks after a period idle: the team's setting "Lock after N minutes idle" (the
 * manager's), 15 minutes unless the team has chosen otherwise, between 1 and 60.
 */
export const DEFAULT_LOCK_AFTER_MINUTES = 15
export const MIN_LOCK_AFTER_MINUTES = 1
export const MAX_LOCK_AFTER_MINUTES = 60

/** The team's setting, or the default where it has none (or one out of range from elsewhere). */
export function lockAfterMinutes(saved: unknown): number {
  return typeof saved === 'number' && Number.isInteger(saved) && saved >= MIN_LOCK_AFTER_MINUTES && saved <= MAX_LOCK_AFTER_MINUTES
    ? saved
    : DEFAULT_LOCK_AFTER_MINUTES
}

/** Why a chosen number of minutes cannot be the setting, in words; undefined when it can. */
export function lockAfterProblem(minutes: number): string | undefined {
  if (!Number.isInteger(minutes)) return 'Enter a whole number of minutes'
  if (minutes < MIN_LOCK_AFTER_MINUTES || minutes > MAX_LOCK_AFTER_MINUTES) {
    return `Choose between ${MIN_LOCK_AFTER_MINUTES} and ${MAX_LOCK_AFTER_MINUTES} minutes`
  }
  return undefined
}

/** Whether a session last used at `lastActivity` has been idle long enough to lock at `now`. */
export function idleTooLong(lastActivity: Date, now: Date, minutes: number): boolean {
  return now.getTime() - lastActivity.getTime() >= minutes * 60_000
}

import { randomBytes } from 'node:crypto'
import type { LocalSettings } from '../storage/workspace-files'

/** The key the window seals its unsaved forms with (local settings, in the encrypted store; never synced). */
const SETTING_DRAFT_KEY = 'draft-key'

/**
 * The workspace's draft key: 256 random bits, made the first time a signed-in window asks, base64.
 * The window keeps unsaved forms in its own local storage (a crash or a closed window loses nothing
 * typed), which is outside the encrypted store: it seals each with this key (AES-GCM,
 * `src/renderer/forms/sealed-drafts.ts`), so what reaches its disk is never the text. The key stays
 * here, under the workspace key, so a laptop's profile folder read without the workspace passphrase
 * gives no word typed. Handed only to a signed-in window (`guardHandlers`); deleted with the team's
 * data when the laptop is taken off its team (the drafts with it).
 */
export function draftKey(settings: LocalSettings): string {
  const kept = settings.get<string>(SETTING_DRAFT_KEY)
  if (kept !== undefined) return kept
  const made = randomBytes(32).toString('base64')
  settings.set(SETTING_DRAFT_KEY, made)
  return made
}

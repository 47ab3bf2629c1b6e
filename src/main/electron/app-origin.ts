/**
 * Where the desktop app's own page lives, and the check that IPC comes from it. Pure, so it is
 * tested in Node. Node's URL gives "null" as the origin of a custom scheme, so the check compares
 * scheme and host, never `.origin`.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'homeward'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

export function isAppPage(url: string, devServerOrigin?: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
  return devServerOrigin !== undefined && parsed.origin === devServerOrigin
}

import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * The workspace `npm start`, the desktop app and the command line open when not told otherwise:
 * the user's own data folder, or HOMEWARD_DATA when set.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.HOMEWARD_DATA) return env.HOMEWARD_DATA
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Homeward', 'workspace')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Homeward', 'workspace')
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'homeward', 'workspace')
}

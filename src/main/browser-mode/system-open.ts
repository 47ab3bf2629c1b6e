import { spawn } from 'node:child_process'

/** How long to wait for the desktop's opener to say whether it managed. */
const OPENER_TIMEOUT_MS = 10_000

/**
 * Opens a file with the computer's own program for it: a PDF in the PDF viewer, an email in the
 * mail client, a page in the browser. Resolves false where there is no desktop to open it on.
 * `HOMEWARD_OPEN_WITH` names another command to use (a kiosk's, or the tests').
 */
export function openWithSystem(path: string): Promise<boolean> {
  const [command, ...args] = opener()
  return new Promise((resolve) => {
    try {
      const child = spawn(command!, [...args, path], { stdio: 'ignore', detached: true, windowsHide: true })
      const timer = setTimeout(() => (child.unref(), resolve(true)), OPENER_TIMEOUT_MS)
      child.once('error', () => (clearTimeout(timer), resolve(false)))
      child.once('exit', (code) => (clearTimeout(timer), resolve(code === 0)))
    } catch {
      resolve(false)
    }
  })
}

function opener(): string[] {
  if (process.env.HOMEWARD_OPEN_WITH) return [process.env.HOMEWARD_OPEN_WITH]
  if (process.platform === 'darwin') return ['open']
  // Windows' own handler for "open this file", without a command shell to parse the path.
  if (process.platform === 'win32') return ['rundll32', 'url.dll,FileProtocolHandler']
  return ['xdg-open']
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The browser keeps unsaved drafts per origin (host and port), so the browser mode serves a
 * workspace at the same port each time it starts: a new port would hide every draft typed before.
 * The port is kept in a small file in the workspace folder, beside the workspace it belongs to.
 */
const FILE = 'browser-mode-port'

/** The port this workspace was served at last time, if there was one. */
export function rememberedPort(dataDir: string): number | undefined {
  let text: string
  try {
    text = readFileSync(join(dataDir, FILE), 'utf8').trim()
  } catch {
    return undefined // never started in the browser mode: any free port will do
  }
  const port = Number(text)
  return Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined
}

/** Keeps the port, in a workspace folder made now if it is new (on a new laptop the page has yet to ask for its passphrase). */
export function rememberPort(dataDir: string, port: number): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  writeFileSync(join(dataDir, FILE), `${port}\n`, { mode: 0o600 })
}

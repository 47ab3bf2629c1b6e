import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** The project's root folder. */
export const ROOT = resolve(import.meta.dirname, '../..')

/**
 * The command line and the browser mode are tested as built (`out/`), as a user runs them.
 * `npm test` builds first; run `npm run build` before a bare `npx vitest`.
 */
export function builtEntry(name: 'cli' | 'browser-mode' | 'server'): string {
  const file = resolve(ROOT, 'out/main', `${name}.js`)
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`)
  return file
}

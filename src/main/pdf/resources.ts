import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The app's resources folder (fonts, examples), found by walking up from this file: it sits at a
 * different depth in the sources (tests) and in the build (out/main).
 */
export function resourcesDir(start = import.meta.dirname): string {
  let dir = start
  for (;;) {
    if (existsSync(join(dir, 'resources', 'fonts', 'OFL.txt'))) return join(dir, 'resources')
    const parent = dirname(dir)
    if (parent === dir) throw new Error('The resources folder (fonts) was not found next to the app')
    dir = parent
  }
}

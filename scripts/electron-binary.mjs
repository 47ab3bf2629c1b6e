// Where the Electron binary is, without triggering the download that require('electron') attempts.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export function electronBinary() {
  try {
    const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
    const pathFile = join(packageDir, 'path.txt')
    if (!existsSync(pathFile)) return undefined
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : undefined
  } catch {
    return undefined
  }
}

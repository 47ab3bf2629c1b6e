import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../../tests/support/temp-dir'
import { kdfCost, keyOpensWorkspace, unlockWorkspaceKey, WORKSPACE_KEY_FILE } from './workspace-key'

const folders: Array<{ remove: () => void }> = []
afterEach(() => folders.splice(0).forEach((folder) => folder.remove()))

describe('a kept workspace key (the desktop app’s, sealed)', () => {
  it('is the workspace’s while the folder’s key file says so, and not once it has another or none', () => {
    const folder = tempDir('homeward-key')
    folders.push(folder)
    const key = unlockWorkspaceKey(folder.path, 'tea at four o’clock')
    expect(keyOpensWorkspace(folder.path, key)).toBe(true)
    expect(keyOpensWorkspace(folder.path, Buffer.alloc(32, 1))).toBe(false)

    // The folder given a new passphrase (here: its key file made again): the kept key is stale.
    rmSync(join(folder.path, WORKSPACE_KEY_FILE))
    expect(keyOpensWorkspace(folder.path, key)).toBe(false)
    unlockWorkspaceKey(folder.path, 'tea at four o’clock')
    expect(keyOpensWorkspace(folder.path, key)).toBe(false)
  })
})

describe('the cost of guessing a workspace’s passphrase', () => {
  const low = { HOMEWARD_KDF_COST: '1024' }

  it('is lowered by HOMEWARD_KDF_COST only for a folder in the temporary folder, where tests make theirs', () => {
    const folder = tempDir('homeward-key')
    folders.push(folder)
    expect(kdfCost(join(folder.path, 'not-made-yet'), low)).toBe(1024)
    expect(kdfCost(folder.path, {})).toBe(2 ** 15)
  })

  it('is never lowered for a workspace elsewhere, whatever the variable says', () => {
    const home = mkdtempSync(join(process.cwd(), '.kdf-cost-'))
    folders.push({ remove: () => rmSync(home, { recursive: true, force: true }) })
    expect(kdfCost(home, low)).toBe(2 ** 15)
    expect(kdfCost(join(home, 'new workspace'), low)).toBe(2 ** 15)

    // A link from elsewhere into the temporary folder is judged by where it leads, and the other way round.
    const inTemp = tempDir('homeward-key')
    folders.push(inTemp)
    symlinkSync(home, join(inTemp.path, 'link'))
    expect(kdfCost(join(inTemp.path, 'link'), low)).toBe(2 ** 15)
  })

  it('writes the full cost into a real workspace’s key file with the variable set', () => {
    const home = mkdtempSync(join(process.cwd(), '.kdf-cost-'))
    folders.push({ remove: () => rmSync(home, { recursive: true, force: true }) })
    const before = process.env.HOMEWARD_KDF_COST
    process.env.HOMEWARD_KDF_COST = '1024'
    try {
      unlockWorkspaceKey(home, 'tea at four o’clock')
    } finally {
      process.env.HOMEWARD_KDF_COST = before
    }
    expect(JSON.parse(readFileSync(join(home, WORKSPACE_KEY_FILE), 'utf8')).N).toBe(2 ** 15)
  })

  it('ignores a value that would not lower it (nonsense, too low for scrypt, or higher)', () => {
    const folder = tempDir('homeward-key')
    folders.push(folder)
    for (const value of ['lots', '0', '512', '1500.5', String(2 ** 16)]) expect(kdfCost(folder.path, { HOMEWARD_KDF_COST: value })).toBe(2 ** 15)
  })
})

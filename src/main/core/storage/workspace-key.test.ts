import { readFileSync, rmSync, symlinkSync } from 'node:fs'
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
  /** Two folders of this test's own: one standing for the system's temporary folder, one for anywhere else. */
  function places() {
    const temporary = tempDir('homeward-tmp')
    const elsewhere = tempDir('homeward-home')
    folders.push(temporary, elsewhere)
    return { temporary: temporary.path, elsewhere: elsewhere.path }
  }

  it('is lowered by HOMEWARD_KDF_COST only for a folder in the temporary folder, where tests make theirs', () => {
    const { temporary } = places()
    expect(kdfCost(join(temporary, 'not-made-yet'), low, temporary)).toBe(1024)
    expect(kdfCost(temporary, {}, temporary)).toBe(2 ** 15)
  })

  it('is never lowered for a workspace elsewhere, whatever the variable says, nor through a link into the temporary folder', () => {
    const { temporary, elsewhere } = places()
    expect(kdfCost(elsewhere, low, temporary)).toBe(2 ** 15)
    expect(kdfCost(join(elsewhere, 'new workspace'), low, temporary)).toBe(2 ** 15)
    // A link is judged by where it leads.
    symlinkSync(elsewhere, join(temporary, 'link'))
    expect(kdfCost(join(temporary, 'link'), low, temporary)).toBe(2 ** 15)
  })

  it('writes the full cost into a real workspace’s key file with the variable set', () => {
    const { temporary, elsewhere } = places()
    unlockWorkspaceKey(elsewhere, 'tea at four o’clock', kdfCost(elsewhere, low, temporary))
    expect(JSON.parse(readFileSync(join(elsewhere, WORKSPACE_KEY_FILE), 'utf8')).N).toBe(2 ** 15)
  })

  it('ignores a value that would not lower it (nonsense, too low for scrypt, or higher)', () => {
    const { temporary } = places()
    for (const value of ['lots', '0', '512', '1500.5', String(2 ** 16)]) expect(kdfCost(temporary, { HOMEWARD_KDF_COST: value }, temporary)).toBe(2 ** 15)
  })
})

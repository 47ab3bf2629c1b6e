import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../../tests/support/temp-dir'
import { keyOpensWorkspace, unlockWorkspaceKey, WORKSPACE_KEY_FILE } from './workspace-key'

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

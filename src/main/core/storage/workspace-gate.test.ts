import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../../tests/support/temp-dir'
import { createApiHandler } from '../api/api-handler'
import { unlockWorkspaceKey } from './workspace-key'
import { workspaceGate } from './workspace-gate'

const folders: Array<{ remove: () => void }> = []
afterEach(() => folders.splice(0).forEach((folder) => folder.remove()))

/** A gate on a fresh folder whose `open` derives the real key, as the browser mode's does. */
function gateOnNewFolder(now: () => Date = () => new Date()) {
  const folder = tempDir('homeward-gate')
  folders.push(folder)
  const opened: string[] = []
  const gate = workspaceGate({
    dataDir: folder.path,
    now,
    open: async (passphrase) => {
      unlockWorkspaceKey(folder.path, passphrase)
      opened.push(passphrase)
    },
  })
  let id = 0
  const handle = createApiHandler(gate)
  const call = (method: string, params: object = {}) => handle({ id: ++id, method, params })
  return { call, opened, dataDir: folder.path }
}

describe('the workspace passphrase page’s API', () => {
  it('asks to choose at the first run, refuses a short one, then asks to enter it', async () => {
    const { call, opened } = gateOnNewFolder()
    expect(await call('getWorkspaceLock')).toMatchObject({ ok: true, result: { state: 'choose' } })
    expect(await call('unlockWorkspace', { passphrase: 'too short' })).toMatchObject({ ok: false, error: { message: 'A workspace passphrase needs at least 10 characters' } })
    expect(await call('getWorkspaceLock')).toMatchObject({ result: { state: 'choose' } })
    expect(await call('unlockWorkspace', { passphrase: 'tea at four' })).toMatchObject({ ok: true })
    expect(await call('getWorkspaceLock')).toMatchObject({ result: { state: 'open' } })
    expect(opened).toEqual(['tea at four'])
  })

  it('admits nothing else before the workspace is open', async () => {
    const { call } = gateOnNewFolder()
    expect(await call('getSession')).toMatchObject({ ok: false, error: { message: 'Enter the workspace passphrase first' } })
    expect(await call('listCases', {})).toMatchObject({ ok: false, error: { message: 'Enter the workspace passphrase first' } })
  })

  it('refuses a wrong passphrase in one line, and waits after five as after wrong PINs', async () => {
    let now = new Date('2026-11-30T10:00:00Z')
    const { call, dataDir } = gateOnNewFolder(() => now)
    await call('unlockWorkspace', { passphrase: 'tea at four' })
    // The same folder at a later start: a new process, so a new gate.
    const later = workspaceGate({ dataDir, now: () => now, open: async (passphrase) => void unlockWorkspaceKey(dataDir, passphrase) })
    const handle = createApiHandler(later)
    const unlock = (passphrase: string) => handle({ id: 1, method: 'unlockWorkspace', params: { passphrase } })
    expect(await handle({ id: 1, method: 'getWorkspaceLock', params: {} })).toMatchObject({ result: { state: 'enter' } })
    for (let i = 0; i < 4; i++) expect(await unlock('coffee at five')).toMatchObject({ ok: false, error: { message: 'That passphrase does not open this workspace' } })
    expect(await unlock('coffee at five')).toMatchObject({ error: { message: 'That passphrase does not open this workspace. Try again in 30 seconds.' } })
    // Even the right one waits.
    expect(await unlock('tea at four')).toMatchObject({ error: { message: 'Too many wrong passphrases. Try again in 30 seconds.' } })
    now = new Date(now.getTime() + 30_000)
    expect(await unlock('tea at four')).toMatchObject({ ok: true })
  })
})

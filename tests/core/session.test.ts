import { join } from 'node:path'
import { MessageChannel } from 'node:worker_threads'
import { Repo, type DocumentId, type PeerId } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import { describe, expect, it, vi } from 'vitest'
import { createApiHandler } from '../../src/main/core/api/api-handler'
import { windowPortAdapter } from '../../src/main/core/network/window-port'
import { openEncrypted } from '../support/passphrase'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import type { ApiResponse, Session } from '../../src/shared/api'
import { likeMessagePortMain } from '../support/message-port-main'
import { JO, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

type Answer = ApiResponse & { result?: never; error?: { message: string; issues?: { field: string; message: string }[] } }

/** The window's API on a workspace, as the desktop window and the browser mode call it. */
function windowApi(workspace: Workspace) {
  const handle = createApiHandler(workspace)
  let id = 1
  return async (method: string, params: unknown = {}) => (await handle({ id: id++, method, params })) as Answer
}

/** A laptop after its first run: Amina set up with her PIN, signed in. */
async function firstRun(workspace: Workspace, pin = '246810') {
  const call = windowApi(workspace)
  const profile = await call('setProfile', { name: 'Amina Okafor' })
  expect(profile.ok).toBe(true)
  const personId = (profile as { result: { id: string } }).result.id
  expect(await call('setFirstPin', { personId, pin })).toMatchObject({ ok: true })
  return { call, personId }
}

describe('signing in on a laptop', () => {
  it('refuses the window everything but the sign-in page until someone signs in, and makes changes as them', async () => {
    const dir = tempDir('session-sign-in')
    const workspace = await openWorkspace({ dataDir: dir.path })
    try {
      const call = windowApi(workspace)
      expect(await call('listCases')).toMatchObject({ ok: false, error: { message: 'Sign in first' } })
      expect(((await call('getSession')) as { result: Session }).result).toMatchObject({ profile: null, people: [] })

      const { personId } = await firstRun(workspace)
      const session = ((await call('getSession')) as { result: Session }).result
      expect(session).toMatchObject({ profile: { name: 'Amina Okafor' }, people: [{ id: personId, name: 'Amina Okafor', hasPin: true }], lockAfterMinutes: 15 })
      expect(await call('listCases')).toMatchObject({ ok: true })
      // The first run's questions are closed once the laptop has a person.
      expect(await call('lock')).toMatchObject({ ok: true })
      expect(await call('listMembers')).toMatchObject({ ok: false, error: { message: 'Sign in first' } })
      expect(await call('setProfile', { name: 'Someone Else' })).toMatchObject({ ok: false, error: { message: 'Sign in first' } })
      expect(await call('createCase', referral())).toMatchObject({ ok: false, error: { message: 'Sign in first' } })

      // A second person shares the laptop: each signs in as themselves, and changes are theirs.
      workspace.session.addPerson(JO)
      expect(await call('setFirstPin', { personId: JO.id, pin: 'jo likes tea' })).toMatchObject({ ok: true })
      expect(workspace.currentContext().author).toEqual({ id: JO.id, name: JO.name })
      expect(await call('signOut')).toMatchObject({ ok: true })
      expect(await call('signIn', { personId, pin: '246810' })).toMatchObject({ ok: true })
      expect(workspace.currentContext().author).toMatchObject({ id: personId, name: 'Amina Okafor' })
    } finally {
      await workspace.close()
      dir.remove()
    }
  })

  it('tells a locked window which cases this laptop may not hold, by id alone, so it deletes their drafts before anyone signs in', async () => {
    const dir = tempDir('session-withheld')
    const workspace = await openWorkspace({ dataDir: dir.path })
    try {
      const call = windowApi(workspace)
      await firstRun(workspace)
      const { id } = ((await call('createCase', referral())) as { result: { id: string } }).result
      expect(await call('eraseCase', { caseId: id, reason: 'The client asked to be forgotten' })).toMatchObject({ ok: true })
      expect(await call('lock')).toMatchObject({ ok: true })
      expect(await call('withheldCases')).toEqual({ id: expect.any(Number), ok: true, result: { restricted: [], erased: [id] } })
    } finally {
      await workspace.close()
      dir.remove()
    }
  })

  it('hands the draft key only to a signed-in window: 256 bits, the same after a restart, kept in the encrypted store', async () => {
    const dir = tempDir('session-draft-key')
    let workspace = await openWorkspace({ dataDir: dir.path })
    try {
      let call = windowApi(workspace)
      // Before anyone is on the laptop, and while locked: refused like every case's data.
      expect(await call('draftKey')).toMatchObject({ ok: false, error: { message: 'Sign in first' } })
      const { personId } = await firstRun(workspace)
      const given = ((await call('draftKey')) as { result: { key: string } }).result.key
      expect(Buffer.from(given, 'base64')).toHaveLength(32)
      expect(await call('lock')).toMatchObject({ ok: true })
      expect(await call('draftKey')).toMatchObject({ ok: false, error: { message: 'Sign in first' } })

      // Drafts sealed before a restart open after it: the key is kept, not made again.
      await workspace.close()
      workspace = await openWorkspace({ dataDir: dir.path })
      call = windowApi(workspace)
      expect(await call('signIn', { personId, pin: '246810' })).toMatchObject({ ok: true })
      expect(await call('draftKey')).toMatchObject({ ok: true, result: { key: given } })
      await workspace.close()
      const file = openEncrypted(join(dir.path, 'homeward.sqlite'), { readonly: true })
      const stored = file.prepare<[], { value: string }>("SELECT value FROM local_settings WHERE name = 'draft-key'").get()!.value
      file.close()
      expect(JSON.parse(stored)).toBe(given)
    } finally {
      await workspace.close()
      dir.remove()
    }
  })

  it('keeps only a slow hash of the PIN, and refuses a short one', async () => {
    const dir = tempDir('session-pin-hash')
    // At the real cost: the tests' lowered one (HOMEWARD_KDF_COST) is for the workspaces of tests not about it.
    const lowered = process.env.HOMEWARD_KDF_COST
    delete process.env.HOMEWARD_KDF_COST
    const workspace = await openWorkspace({ dataDir: dir.path }).finally(() => {
      if (lowered !== undefined) process.env.HOMEWARD_KDF_COST = lowered
    })
    try {
      const call = windowApi(workspace)
      const profile = (await call('setProfile', { name: 'Amina Okafor' })) as { result: { id: string } }
      expect(await call('setFirstPin', { personId: profile.result.id, pin: '12345' })).toMatchObject({
        ok: false,
        error: { issues: [{ field: 'pin', message: 'A PIN needs at least 6 digits' }] },
      })
      await call('setFirstPin', { personId: profile.result.id, pin: '246810' })
      // The first PIN cannot be chosen again by whoever is at the laptop.
      expect(await call('setFirstPin', { personId: profile.result.id, pin: '135791' })).toMatchObject({ ok: false, error: { message: 'Amina Okafor already has a PIN: sign in with it' } })
      await workspace.close()
      const file = openEncrypted(join(dir.path, 'homeward.sqlite'), { readonly: true })
      const stored = file.prepare<[], { value: string }>("SELECT value FROM local_settings WHERE name = 'session-pins'").get()!.value
      file.close()
      expect(stored).not.toContain('246810')
      expect(stored).toMatch(/"scheme":"scrypt","N":32768,"r":8,"p":1/)
    } finally {
      await workspace.close()
      dir.remove()
    }
  })

  it('hashes a throwaway workspace’s PIN at the tests’ lowered cost, and the PIN still signs in', async () => {
    const dir = tempDir('session-pin-cost')
    expect(process.env.HOMEWARD_KDF_COST).toBe('1024')
    const workspace = await openWorkspace({ dataDir: dir.path })
    try {
      const { call, personId } = await firstRun(workspace)
      expect(await call('lock')).toMatchObject({ ok: true })
      expect(await call('signIn', { personId, pin: '135791' })).toMatchObject({ ok: false })
      expect(await call('signIn', { personId, pin: '246810' })).toMatchObject({ ok: true })
      await workspace.close()
      const file = openEncrypted(join(dir.path, 'homeward.sqlite'), { readonly: true })
      const stored = file.prepare<[], { value: string }>("SELECT value FROM local_settings WHERE name = 'session-pins'").get()!.value
      file.close()
      expect(stored).toMatch(/"scheme":"scrypt","N":1024,"r":8,"p":1/)
    } finally {
      await workspace.close()
      dir.remove()
    }
  })

  it('makes a wrong PIN wait after 5 in a row, and a restart keeps the wait', async () => {
    const dir = tempDir('session-wrong-pins')
    let clock = new Date('2026-03-02T09:00:00Z')
    const open = () => openWorkspace({ dataDir: dir.path, now: () => clock })
    let workspace = await open()
    try {
      const { call, personId } = await firstRun(workspace)
      await call('lock')
      for (let i = 0; i < 4; i++) {
        expect(await call('signIn', { personId, pin: '000000' })).toMatchObject({ ok: false, error: { message: 'Wrong PIN. Check it and try again.' } })
      }
      expect(await call('signIn', { personId, pin: '000000' })).toMatchObject({ ok: false, error: { message: 'Wrong PIN. Try again in 30 seconds.' } })

      await workspace.close()
      workspace = await open()
      const again = windowApi(workspace)
      clock = new Date('2026-03-02T09:00:10Z')
      // Even the right PIN waits.
      expect(await again('signIn', { personId, pin: '246810' })).toMatchObject({ ok: false, error: { message: 'Too many wrong PINs. Try again in 20 seconds.' } })
      clock = new Date('2026-03-02T09:00:30Z')
      expect(await again('signIn', { personId, pin: '111111' })).toMatchObject({ ok: false, error: { message: 'Wrong PIN. Try again in 1 minute.' } })
      clock = new Date('2026-03-02T09:01:30Z')
      expect(await again('signIn', { personId, pin: '246810' })).toMatchObject({ ok: true })
      // A right PIN starts the count again.
      await again('lock')
      expect(await again('signIn', { personId, pin: '000000' })).toMatchObject({ error: { message: 'Wrong PIN. Check it and try again.' } })
    } finally {
      await workspace.close()
      dir.remove()
    }
  })

  it("locks after the team's idle period when the window stops saying it is used", async () => {
    const dir = tempDir('session-idle')
    let clock = new Date('2026-03-02T09:00:00Z')
    const workspace = await openWorkspace({ dataDir: dir.path, now: () => clock })
    try {
      const { call } = await firstRun(workspace)
      expect(await call('setLockAfterMinutes', { minutes: 0 })).toMatchObject({ ok: false, error: { issues: [{ message: 'Choose between 1 and 60 minutes' }] } })
      expect(await call('setLockAfterMinutes', { minutes: 5 })).toMatchObject({ ok: true })
      let changes = 0
      workspace.onSessionChanged(() => changes++)
      clock = new Date('2026-03-02T09:04:00Z')
      await call('sessionActivity')
      clock = new Date('2026-03-02T09:08:59Z')
      workspace.session.checkIdle()
      expect(workspace.session.isOpen()).toBe(true)
      clock = new Date('2026-03-02T09:09:00Z')
      workspace.session.checkIdle()
      expect(workspace.session.isOpen()).toBe(false)
      expect(changes).toBe(1)
      expect(((await call('getSession')) as { result: Session }).result).toMatchObject({ profile: null, lockedFor: expect.any(String), lockAfterMinutes: 5 })
    } finally {
      await workspace.close()
      dir.remove()
    }
  })

  it('stops its idle check when the workspace closes, so no check is left to read a closed store', async () => {
    const dir = tempDir('session-closed')
    let clock = new Date('2026-03-02T09:00:00Z')
    // Only the intervals are faked: the idle check's, and any other a closed workspace might leave.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    try {
      const workspace = await openWorkspace({ dataDir: dir.path, now: () => clock })
      await firstRun(workspace)
      await workspace.close()
      // An hour on, a check still running would find Amina idle and lock, reading the closed store.
      clock = new Date('2026-03-02T10:00:00Z')
      expect(() => vi.advanceTimersByTime(60_000)).not.toThrow()
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
      dir.remove()
    }
  })

  it("hands the window's repo no case while locked, and the case once someone signs in", async () => {
    const dir = tempDir('session-window-repo')
    const workspace = await openWorkspace({ dataDir: dir.path })
    const { port1, port2 } = new MessageChannel()
    workspace.repo.networkSubsystem.addNetworkAdapter(windowPortAdapter(likeMessagePortMain(port1)))
    const window = new Repo({
      network: [new MessageChannelNetworkAdapter(port2 as unknown as ConstructorParameters<typeof MessageChannelNetworkAdapter>[0])],
      peerId: 'window-test' as PeerId,
    })
    try {
      const { call, personId } = await firstRun(workspace)
      const created = (await call('createCase', referral())) as { result: { id: string } }
      await call('lock')

      const locked = await window.find(created.result.id as DocumentId, { allowableStates: ['ready', 'unavailable'] })
      expect(locked.isReady()).toBe(false)

      await call('signIn', { personId, pin: '246810' })
      // The request it made while locked is answered now.
      await expect.poll(() => locked.isReady()).toBe(true)
    } finally {
      await window.shutdown()
      port1.close()
      await workspace.close()
      dir.remove()
    }
  })
})

describe('the command line on a shared laptop', () => {
  it('acts as the one person of the laptop, and where several share it, needs --as', async () => {
    const dir = tempDir('session-act-as')
    const workspace = await openWorkspace({ dataDir: dir.path })
    try {
      await firstRun(workspace)
      workspace.session.lock()
      workspace.session.actAs(undefined)
      expect(workspace.currentContext().author.name).toBe('Amina Okafor')
      workspace.session.addPerson(JO)
      expect(() => workspace.session.actAs(undefined)).toThrow('Several people use this laptop (Amina Okafor, Jo Price): say which with --as NAME')
      workspace.session.actAs('jo  price')
      expect(workspace.currentContext().author).toEqual({ id: JO.id, name: JO.name })
      expect(() => workspace.session.actAs('Derek Hall')).toThrow("Derek Hall is not one of this laptop's people (Amina Okafor, Jo Price)")
    } finally {
      await workspace.close()
      dir.remove()
    }
  })
})

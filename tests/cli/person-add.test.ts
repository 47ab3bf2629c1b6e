import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import { builtEntry, ROOT } from '../support/built'
import { AMINA, DEREK, JO } from '../support/people'
import { TestTeam } from '../support/sync-team'

const BIN = join(ROOT, 'bin/homeward.mjs')

/** The command, run apart (not spawnSync: the test's own server must go on answering meanwhile). */
function homeward(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, HOMEWARD_DATA: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout.setEncoding('utf8').on('data', (part: string) => (out += part))
  child.stderr.setEncoding('utf8').on('data', (part: string) => (err += part))
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })))
}

describe('homeward person add: someone else who shares a team’s laptop, with a join code made for them', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('refuses a PIN too short before using the code up, then adds Jo with her PIN; the code works once', async () => {
    builtEntry('cli')
    team = await TestTeam.start()
    await team.create(DEREK)
    const laptop = await team.join(AMINA)
    await team.closeLaptop(laptop)
    const code = await team.joinCode({ for: JO.name, role: JO.role })
    const short = await homeward(['person', 'add', '--code', code, '--data', laptop.dataDir], { HOMEWARD_PIN: '1234' })
    expect(short.err).toBe('homeward: pin: A PIN needs at least 6 digits\n')
    const added = await homeward(['person', 'add', '--code', code, '--data', laptop.dataDir], { HOMEWARD_PIN: '482913' })
    expect(added.err).toBe('')
    expect(added.out).toBe('Jo Price can now sign in on this laptop.\n')
    const again = await homeward(['--as', 'Amina Okafor', 'person', 'add', '--code', code, '--data', laptop.dataDir], { HOMEWARD_PIN: '482913' })
    expect(again.err).toBe('homeward: That join code is not right, has been used, or has expired. Ask the team manager for a new one.\n')
    const workspace = await openWorkspace({ dataDir: laptop.dataDir })
    try {
      expect(workspace.session.people().map((person) => person.name)).toEqual([AMINA.name, JO.name])
      const jo = workspace.session.people()[1]!
      await expect(workspace.session.signIn(jo.id, '000000')).rejects.toThrow(/Wrong PIN/)
      await workspace.session.signIn(jo.id, '482913')
      expect(workspace.session.person()?.name).toBe(JO.name)
    } finally {
      await workspace.close()
    }
  })
})

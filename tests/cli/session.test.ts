import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import { builtEntry, ROOT } from '../support/built'
import { JO, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')

function homeward(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '', ...env } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('the command line on a laptop two people share', () => {
  const dir = tempDir('cli-session')
  const data = join(dir.path, 'workspace')
  const file = join(dir.path, 'referral.json')

  beforeAll(async () => {
    builtEntry('cli')
    writeFileSync(file, JSON.stringify(referral()))
    const workspace = await openWorkspace({ dataDir: data })
    workspace.team.setProfile({ name: 'Amina Okafor' })
    workspace.session.addPerson(JO)
    await workspace.close()
  })
  afterAll(() => dir.remove())

  it('refuses to guess who is at the keyboard, naming --as in one line', () => {
    const refused = homeward(['case', 'list', '--data', data])
    expect(refused.code).toBe(1)
    expect(refused.err).toBe('homeward: Several people use this laptop (Amina Okafor, Jo Price): say which with --as NAME\n')
  })

  it('acts as the person --as names, before or after the command', async () => {
    const added = homeward(['--as', 'Jo Price', 'case', 'add', '--json-file', file, '--data', data])
    expect(added.err).toBe('')
    const id = added.out.trim()
    expect(homeward(['case', 'list', '--data', data, '--as', 'jo price']).code).toBe(0)
    expect(homeward(['case', 'list', '--data', data, '--as', 'Derek Hall']).err).toBe(
      "homeward: Derek Hall is not one of this laptop's people (Amina Okafor, Jo Price)\n",
    )
    const workspace = await openWorkspace({ dataDir: data })
    try {
      const { changes } = await workspace.cases.changes(id)
      expect(changes.map((change) => change.declaredAuthor?.name).filter(Boolean)).toContain('Jo Price')
      expect(changes.every((change) => change.declaredAuthor === null || change.declaredAuthor.name === 'Jo Price')).toBe(true)
    } finally {
      await workspace.close()
    }
  })

  it("sets a person's PIN from HOMEWARD_PIN or standard input, never an argument", async () => {
    expect(homeward(['pin', 'set', '--as', 'Jo Price', '--data', data], { HOMEWARD_PIN: '1234' }).err).toBe('homeward: pin: A PIN needs at least 6 digits\n')
    expect(homeward(['pin', 'set', '--as', 'Jo Price', '--data', data], { HOMEWARD_PIN: '975310' }).out).toBe('PIN set for Jo Price.\n')
    const fromInput = spawnSync(process.execPath, [BIN, 'pin', 'set', '--as', 'Amina Okafor', '--data', data], { cwd: ROOT, encoding: 'utf8', input: 'amina passphrase\n' })
    expect(fromInput.stdout).toBe('PIN set for Amina Okafor.\n')
    const workspace = await openWorkspace({ dataDir: data })
    try {
      const amina = workspace.session.people()[0]!
      await workspace.session.signIn(JO.id, '975310')
      expect(workspace.currentContext().author.name).toBe('Jo Price')
      await workspace.session.signIn(amina.id, 'amina passphrase')
      expect(workspace.currentContext().author.name).toBe('Amina Okafor')
    } finally {
      await workspace.close()
    }
  })
})

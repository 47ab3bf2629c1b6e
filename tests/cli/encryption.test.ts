import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/built'
import { tempDir } from '../support/temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')

/** The command line with the environment given (no terminal: its stdin is not a TTY). */
function homeward(env: Record<string, string | undefined>, ...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '', ...env } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

/** Every file of a folder, by name, with its bytes. */
function folderBytes(folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => [join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name)).toString('base64')]))
}

// Each command line derives its key and opens SQLite: give it the time a busy build machine needs.
describe('the command line and an encrypted workspace', { timeout: 120_000 }, () => {
  const dir = tempDir()
  afterAll(dir.remove)
  const data = join(dir.path, 'workspace')

  it('refuses with one line, writing nothing, when it has no passphrase and no terminal to ask on', () => {
    const refused = homeward({ HOMEWARD_PASSPHRASE: '' }, 'seed', '--cases', '2', '--data', data)
    expect(refused.code).toBe(1)
    expect(refused.err).toBe(
      `homeward: There is no workspace in ${data} yet: to create one, choose its passphrase (set HOMEWARD_PASSPHRASE, or run the command in a terminal to be asked)\n`,
    )
    expect(existsSync(data)).toBe(false)
  })

  it('refuses a passphrase shorter than 10 characters when creating a workspace, as the terminal and the page do, creating nothing', () => {
    const refused = homeward({ HOMEWARD_PASSPHRASE: 'tea at 4' }, 'seed', '--cases', '2', '--data', data)
    expect(refused).toMatchObject({ code: 1, out: '', err: 'homeward: A workspace passphrase needs at least 10 characters\n' })
    expect(existsSync(data)).toBe(false)
  })

  it('sets the passphrase with the first command, and refuses a wrong one with one line', () => {
    expect(homeward({ HOMEWARD_PASSPHRASE: 'the team’s own passphrase' }, 'seed', '--cases', '2', '--seed', '3', '--data', data).code).toBe(0)
    const wrong = homeward({ HOMEWARD_PASSPHRASE: 'a guess at it' }, 'case', 'list', '--data', data)
    expect(wrong).toMatchObject({ code: 1, out: '', err: 'homeward: That passphrase does not open this workspace\n' })
    const right = homeward({ HOMEWARD_PASSPHRASE: 'the team’s own passphrase' }, 'case', 'list', '--data', data, '--json')
    expect(right.code).toBe(0)
    expect(JSON.parse(right.out)).toHaveLength(2)
  })

  it('refuses a workspace whose key file is missing in one line, asking for the backup, and changes nothing in the folder', () => {
    const keyFile = join(data, 'homeward-key.json')
    const kept = readFileSync(keyFile)
    rmSync(keyFile)
    const before = folderBytes(data)
    const missing = 'homeward: This workspace’s key file homeward-key.json is missing: restore it from your backup\n'
    expect(homeward({ HOMEWARD_PASSPHRASE: 'the team’s own passphrase' }, 'case', 'list', '--data', data)).toMatchObject({ code: 1, out: '', err: missing })
    expect(homeward({ HOMEWARD_PASSPHRASE: '' }, 'case', 'list', '--data', data)).toMatchObject({ code: 1, out: '', err: missing })
    expect(folderBytes(data)).toEqual(before)
    expect(existsSync(keyFile)).toBe(false)
    writeFileSync(keyFile, kept)
    expect(homeward({ HOMEWARD_PASSPHRASE: 'the team’s own passphrase' }, 'case', 'list', '--data', data).code).toBe(0)
  })

  it('starts the sync server only with a key file outside its data folder, readable by its owner only', () => {
    const serverData = join(dir.path, 'server')
    expect(homeward({}, 'serve', '--port', '0', '--data', serverData).err).toBe(
      'homeward: the server needs --key-file FILE, the key its store is encrypted with (openssl rand -hex 32 > FILE)\n',
    )
    expect(homeward({}, 'serve', '--port', '0', '--data', serverData, '--key-file', join(dir.path, 'absent.key')).err).toMatch(/^homeward: the key file .*absent\.key is missing: .*\n$/)
    const open = join(dir.path, 'open.key')
    writeFileSync(open, 'ab'.repeat(32), { mode: 0o644 })
    expect(homeward({}, 'serve', '--port', '0', '--data', serverData, '--key-file', open).err).toMatch(/must be readable by its owner only: chmod 600 .*\n$/)
    const insideKey = join(data, 'server.key')
    writeFileSync(insideKey, 'ab'.repeat(32), { mode: 0o600 })
    expect(homeward({}, 'serve', '--port', '0', '--data', data, '--key-file', insideKey).err).toMatch(/^homeward: the key file must be outside the data folder .*\n$/)
  })
})

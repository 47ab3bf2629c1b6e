import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import { builtEntry, ROOT } from '../support/built'
import { referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')

function homeward(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('the homeward command line', () => {
  const dir = tempDir('cli')
  const data = join(dir.path, 'workspace')
  const file = (name: string, content: unknown) => {
    const path = join(dir.path, name)
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
    return path
  }

  beforeAll(() => builtEntry('cli'))
  afterAll(() => dir.remove())

  it('explains itself with --help', () => {
    const top = homeward('--help')
    expect(top.code).toBe(0)
    expect(top.out).toMatch(/Usage: homeward/)
    expect(top.out).toMatch(/case/)
    expect(top.out).toMatch(/search/)
    const add = homeward('case', 'add', '--help')
    expect(add.out).toMatch(/--json-file <file>/)
    expect(add.out).toMatch(/--data <dir>/)
    expect(add.out).toMatch(/--json/)
  })

  it('adds cases from JSON files, lists them and searches them', () => {
    const added = homeward('case', 'add', '--json-file', file('lukasz.json', referral()), '--data', data)
    expect(added.err).toBe('')
    expect(added.code).toBe(0)
    const id = added.out.trim()
    expect(id).toMatch(/^[1-9A-HJ-NP-Za-km-z]{20,}$/)

    const second = homeward('case', 'add', '--json-file', file('zoe.json', referral({ clientName: "Zoë O'Brien-Ní Bhriain", chainNumber: '' })), '--data', data, '--json')
    expect(second.code).toBe(0)
    const { id: zoe } = JSON.parse(second.out) as { id: string }

    const list = JSON.parse(homeward('case', 'list', '--data', data, '--json').out) as { id: string; clientName: string }[]
    expect(list.map((row) => [row.id, row.clientName]).sort()).toEqual(
      [
        [id, 'Łukasz Wiśniewski'],
        [zoe, "Zoë O'Brien-Ní Bhriain"],
      ].sort(),
    )
    const text = homeward('case', 'list', '--data', data)
    expect(text.out).toContain('Łukasz Wiśniewski')
    expect(text.out).toContain('17/05/1984')

    const hits = JSON.parse(homeward('search', 'wisniewski', '--data', data, '--json').out) as { id: string; clientName: string }[]
    expect(hits.map((hit) => hit.id)).toEqual([id])
    expect(homeward('search', 'nobody-here', '--data', data).out).toMatch(/No cases match/)
  })

  it.each([
    ['an empty name', { clientName: '' }, "clientName: Enter the client's name"],
    ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth: Date of birth must be today or in the past'],
    ['a date of birth that does not exist', { dateOfBirth: '1984-02-30' }, 'dateOfBirth: Enter a real date of birth'],
    ['a CHAIN number given as a number', { chainNumber: 123456 }, 'chainNumber: CHAIN number must be digits only'],
    ['a CHAIN number with letters', { chainNumber: 'AB123' }, 'chainNumber: CHAIN number must be digits only'],
  ])('refuses %s in one line and saves nothing', (_label, change, reason) => {
    const empty = join(dir.path, `refused-${Math.random()}`)
    const result = homeward('case', 'add', '--json-file', file('bad.json', referral(change)), '--data', empty)
    expect(result.code).toBe(1)
    expect(result.out).toBe('')
    expect(result.err.trimEnd().split('\n')).toHaveLength(1)
    expect(result.err).toContain(`homeward: the case was not added: ${reason}`)
    expect(JSON.parse(homeward('case', 'list', '--data', empty, '--json').out)).toEqual([])
  })

  it.each([
    ['a missing file', ['case', 'add', '--json-file', '/nonexistent/case.json'], 'cannot read /nonexistent/case.json: no such file'],
    ['a file that is not JSON', ['case', 'add', '--json-file', 'NOT_JSON'], 'is not valid JSON'],
    ['no file at all', ['case', 'add'], "required option '--json-file <file>' not specified"],
    ['an unknown command', ['frobnicate'], "unknown command 'frobnicate'"],
    ['an unknown option', ['case', 'list', '--colour'], "unknown option '--colour'"],
  ])('refuses %s in one line', (_label, args, reason) => {
    const resolved = args.map((arg) => (arg === 'NOT_JSON' ? file('broken.json', '{"clientName": ') : arg))
    const result = homeward(...resolved, '--data', join(dir.path, 'other'))
    expect(result.code).not.toBe(0)
    expect(result.err.trimEnd().split('\n')).toHaveLength(1)
    expect(result.err).toContain(reason)
  })

  it('refuses, in one line, a workspace the app has open', async () => {
    const busy = join(dir.path, 'busy')
    const workspace = await openWorkspace({ dataDir: busy })
    try {
      const result = homeward('case', 'list', '--data', busy)
      expect(result.code).toBe(1)
      expect(result.err.trim()).toBe(`homeward: This workspace is already open in another Homeward window or command (${busy})`)
    } finally {
      await workspace.close()
    }
  })
})

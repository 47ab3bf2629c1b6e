import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import { CASE_SCHEMA_VERSION } from '../../src/shared/case/record'
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
    ['an empty name', { clientName: '' }, "Enter the client's name"],
    // Said as the form says it, by its label: a person does not know the key `referralDate`.
    ['a referral dated after today', { referralDate: '2999-05-01' }, '"Date of referral" (01/05/2999) cannot be in the future'],
    ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, '"Date of birth" (01/01/2999) cannot be in the future'],
    ['a date of birth that does not exist', { dateOfBirth: '1984-02-30' }, '1984-02-30 is not a real date'],
    ['a CHAIN number given as a number', { chainNumber: 123456 }, 'CHAIN number must be digits only'],
    ['a CHAIN number with letters', { chainNumber: 'AB123' }, 'CHAIN number must be digits only'],
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
    ['a file holding a list, not a case', ['case', 'add', '--json-file', 'A_LIST'], 'the case was not added: the file must hold one case, a JSON object'],
    ['no file at all', ['case', 'add'], "required option '--json-file <file>' not specified"],
    ['an unknown command', ['frobnicate'], "unknown command 'frobnicate'"],
    ['an unknown option', ['case', 'list', '--colour'], "unknown option '--colour'"],
  ])('refuses %s in one line', (_label, args, reason) => {
    const files: Record<string, () => string> = { NOT_JSON: () => file('broken.json', '{"clientName": '), A_LIST: () => file('list.json', '[1,2]') }
    const resolved = args.map((arg) => files[arg]?.() ?? arg)
    const result = homeward(...resolved, '--data', join(dir.path, 'other'))
    expect(result.code).not.toBe(0)
    expect(result.err.trimEnd().split('\n')).toHaveLength(1)
    expect(result.err).toContain(reason)
  })

  it('names the person of a laptop in no team without a role: they manage no one', async () => {
    // The window's first run, as Priya Shah does it on her own laptop.
    const alone = join(dir.path, 'alone')
    const workspace = await openWorkspace({ dataDir: alone })
    workspace.team.setProfile({ name: 'Priya Shah' })
    await workspace.close()
    const shown = homeward('team', 'show', '--data', alone)
    expect(shown.err).toBe('')
    expect(shown.out).toContain("This laptop is not in a team. It is Priya Shah's.")
    expect(shown.out).not.toMatch(/manager/i)
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

describe('casework from the command line', () => {
  const dir = tempDir('cli-casework')
  const data = join(dir.path, 'workspace')
  afterAll(() => dir.remove())

  it('seeds a realistic workspace, shows a case whole, and moves it to another workspace under a new id', () => {
    const seeded = homeward('seed', '--cases', '40', '--seed', '7', '--data', data, '--json')
    expect(seeded.code).toBe(0)
    expect(JSON.parse(seeded.out)).toMatchObject({ cases: 40, members: 7 })
    const rows = JSON.parse(homeward('case', 'list', '--data', data, '--json').out) as { id: string; phase: string; status: string }[]
    expect(rows).toHaveLength(40)
    expect(new Set(rows.map((row) => row.phase)).size).toBeGreaterThanOrEqual(5)
    expect(rows.some((row) => row.status === 'closed')).toBe(true)

    // A closed case with every part of the casework record filled in (onward referrals, reviews and
    // follow-up checks after closure; so past the move, with contact details, equality monitoring, a
    // needs assessment and Phase 6 support too), so the move carries them all.
    const shownCase = (caseId: string) => homeward('case', 'show', caseId, '--data', data, '--json')
    const filled = (out: string) => {
      const parts = JSON.parse(out) as Record<string, object>
      return ['onwardReferrals', 'partnerActions', 'reviews', 'followUps', 'contact', 'equality', 'needs', 'intensiveSupport'].every((part) => Object.keys(parts[part]!).length > 0)
    }
    let shown = shownCase(rows[0]!.id)
    let id = rows[0]!.id
    for (const row of rows.filter((r) => r.status === 'closed')) {
      if (filled(shown.out)) break
      id = row.id
      shown = shownCase(id)
    }
    expect(shown.code).toBe(0)
    expect(filled(shown.out)).toBe(true)
    const record = JSON.parse(shown.out)
    expect(record).toMatchObject({ kind: 'homeward/case', schemaVersion: CASE_SCHEMA_VERSION, contact: { preferredContact: expect.any(String) } })
    expect(Object.keys(record.equality).length).toBeGreaterThan(0)
    expect(record.needs.assessedOn).toBeDefined()
    expect(homeward('case', 'show', id, '--data', data).out).toContain(record.referral.clientName)

    const file = join(dir.path, 'whole-case.json')
    writeFileSync(file, shown.out)
    const other = join(dir.path, 'other')
    const added = homeward('case', 'add', '--json-file', file, '--data', other, '--json')
    expect(added.code).toBe(0)
    const copy = JSON.parse(added.out).id as string
    expect(copy).not.toBe(id)
    expect(JSON.parse(homeward('case', 'show', copy, '--data', other, '--json').out)).toEqual(record)
  }, 120_000) // eight runs of the command, each opening a workspace: 20 s alone, over 30 s beside the other test files

  it('refuses, in one line naming the item and the field, a whole case whose address has no local authority', () => {
    const record = JSON.parse(readFileSync(join(ROOT, 'resources/examples/case.json'), 'utf8'))
    const [, second] = Object.values(record.addresses) as Record<string, unknown>[]
    delete second!.localAuthority
    const file = join(dir.path, 'no-local-authority.json')
    writeFileSync(file, JSON.stringify(record))
    const refused = homeward('case', 'add', '--json-file', file, '--data', join(dir.path, 'refused'))
    expect(refused.code).toBe(1)
    expect(refused.err).toBe('homeward: the case was not added: Address 2: the local authority is missing\n')
  })

  it('names the address, not its id, when its dates cannot be true', () => {
    const record = JSON.parse(readFileSync(join(ROOT, 'resources/examples/case.json'), 'utf8'))
    const [, second] = Object.values(record.addresses) as Record<string, unknown>[]
    Object.assign(second!, { from: '2026-05-01', to: '2025-01-01' })
    const file = join(dir.path, 'ends-before-it-starts.json')
    writeFileSync(file, JSON.stringify(record))
    const refused = homeward('case', 'add', '--json-file', file, '--data', join(dir.path, 'refused-dates'))
    expect(refused.code).toBe(1)
    expect(refused.err).toBe('homeward: the case was not added: Address 2: until (01/01/2025) cannot be before the start (01/05/2026)\n')
  })

  it('refuses a duplicate client in one line, naming the case and how to add it anyway', () => {
    const file = join(dir.path, 'twice.json')
    writeFileSync(file, JSON.stringify(referral({ chainNumber: '7654321' })))
    const where = join(dir.path, 'dupes')
    expect(homeward('case', 'add', '--json-file', file, '--data', where).code).toBe(0)
    const again = homeward('case', 'add', '--json-file', file, '--data', where)
    expect(again.code).toBe(1)
    expect(again.err.trimEnd().split('\n')).toHaveLength(1)
    expect(again.err).toMatch(/There is already a case for Łukasz Wiśniewski.*CHAIN 7654321.*--allow-duplicate/)
    expect(homeward('case', 'add', '--json-file', file, '--data', where, '--allow-duplicate').code).toBe(0)
  })

  it('refuses a case that does not exist, and a seed that is not a number, in one line', () => {
    const missing = homeward('case', 'show', '2wJyW2npMj24zhGqFCN2WXVPuK9j', '--data', data)
    expect(missing.code).toBe(1)
    expect(missing.err.trim()).toBe('homeward: No case with id 2wJyW2npMj24zhGqFCN2WXVPuK9j in this workspace')
    const badSeed = homeward('seed', '--cases', 'many', '--data', data)
    expect(badSeed.code).not.toBe(0)
    expect(badSeed.err.trimEnd().split('\n')).toHaveLength(1)
  })
})

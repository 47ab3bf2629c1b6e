import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import type { ImportResult } from '../../src/shared/import/import-plan'
import { teamCaseIds } from '../../src/shared/team/team-doc'
import { builtEntry, ROOT } from '../support/built'
import { homeward, listed } from '../support/cli-server'
import { AMINA, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

/** A caseload of `count` distinct referrals, as a team's spreadsheet would hold it. */
function bigCaseload(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `Client ${i + 1} Moss,${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/19${50 + (i % 40)},${700000 + i},Sam Reed,Camden Outreach,Sleeping at the station,`)
  return [HEADINGS, ...rows].join('\r\n')
}

const HEADINGS = "Client name,Date of birth,CHAIN number,Referrer's name,Referring organisation,Why have you referred your client to the service?,Key worker"

describe('homeward import: a caseload from a spreadsheet', () => {
  const dir = tempDir('cli-import')
  const data = join(dir.path, 'workspace')
  let existingId = ''
  const file = (name: string, bytes: string | Uint8Array) => {
    const path = join(dir.path, name)
    writeFileSync(path, bytes)
    return path
  }
  const importing = (...args: string[]) => {
    const run = homeward('import', ...args, '--data', data, '--json')
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    return JSON.parse(run.out) as ImportResult
  }
  /** A workspace of its own, its person set up, for a long import. */
  const withProfile = async (name: string) => {
    const path = join(dir.path, name)
    const ws = await openWorkspace({ dataDir: path })
    ws.team.setProfile({ name: AMINA.name, role: 'caseworker' })
    await ws.close()
    return path
  }
  const caseList = () => JSON.parse(homeward('case', 'list', '--data', data, '--json').out) as { id: string; clientName: string }[]

  const caseload = [
    HEADINGS,
    'Ann Bell,27/03/1985,2001,Sam Reed,Camden Outreach,"=HYPERLINK(""http://example.com"",""click"")",Priya',
    'Dan Lee,1990-01-02,,Sam Reed,Camden Outreach,Sleeping at the station,',
    ',31/02/1985,ABC,Sam Reed,Camden Outreach,,',
    'Łukasz Wiśniewski,17/05/1984,999,Jo Price,Tower Hamlets Outreach,,',
    'DAN LEE,02/01/1990,,Jo Price,Camden Outreach,,',
    'Cara Doyle,01/01/2099,,Sam Reed,Camden Outreach,,',
  ].join('\r\n')

  beforeAll(async () => {
    builtEntry('cli')
    const ws = await openWorkspace({ dataDir: data })
    ws.team.setProfile({ name: AMINA.name, role: 'caseworker' })
    existingId = await ws.cases.create(referral())
    await ws.close()
  })
  afterAll(() => dir.remove())

  it('a dry run says what would be imported, each refused row and each possible duplicate, and changes nothing', () => {
    const before = caseList()
    const result = importing(file('caseload.csv', caseload), '--dry-run')
    expect(result).toMatchObject({
      dryRun: true,
      imported: 0,
      wouldImport: 2,
      refused: [
        { row: 4, reason: "Client name: Enter the client's name; Date of birth: 31/02/1985 is not a real date; CHAIN number: CHAIN number must be digits only, for example 123456" },
        { row: 7, reason: 'Date of birth: "Date of birth" (01/01/2099) cannot be in the future' },
      ],
      duplicates: [
        { row: 5, caseId: existingId, clientName: 'Łukasz Wiśniewski' },
        { row: 6, sameAsRow: 3, clientName: 'DAN LEE' },
      ],
      unknownColumns: ['Key worker'],
    })
    expect(caseList()).toEqual(before)
  })

  it('imports the good rows as referrals, refuses the bad by row and reason, and flags duplicates instead of adding them', async () => {
    const result = importing(file('caseload.csv', caseload))
    expect(result.imported).toBe(2)
    expect(result.refused.map(({ row }) => row)).toEqual([4, 7])
    const names = caseList().map(({ clientName }) => clientName)
    expect(names.sort()).toEqual(['Ann Bell', 'Dan Lee', 'Łukasz Wiśniewski'])
    const dan = caseList().find(({ clientName }) => clientName === 'Dan Lee')!
    expect(result.duplicates).toEqual([
      { row: 5, caseId: existingId, clientName: 'Łukasz Wiśniewski' },
      { row: 6, sameAsRow: 3, caseId: dan.id, clientName: 'DAN LEE' },
    ])
    const ann = caseList().find(({ clientName }) => clientName === 'Ann Bell')!
    const shown = JSON.parse(homeward('case', 'show', ann.id, '--data', data, '--json').out) as { referral: Record<string, string> }
    // A formula is words in a case, as typed in the spreadsheet, never worked out.
    expect(shown.referral).toMatchObject({ dateOfBirth: '1985-03-27', chainNumber: '2001', whyReferred: '=HYPERLINK("http://example.com","click")', outreachTeam: 'Camden Outreach' })
    const ws = await openWorkspace({ dataDir: data })
    try {
      // As for a typed referral, the referring organisation is on the team's list, once.
      expect(ws.team.outreachTeams().filter((name) => name === 'Camden Outreach')).toHaveLength(1)
      expect(ws.cases.search('Bell').map(({ id }) => id)).toEqual([ann.id])
    } finally {
      await ws.close()
    }
    // The same file again: every good row is now a possible duplicate, nothing is added twice.
    const again = importing(file('caseload.csv', caseload))
    expect(again.imported).toBe(0)
    expect(again.duplicates.map(({ row }) => row)).toEqual([2, 3, 5, 6])
  })

  it('reads Excel\'s "CSV UTF-8" with its byte order mark, and plain "CSV" in Windows-1252', () => {
    const bom = file('bom.csv', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`${HEADINGS}\r\nZoë Adams,01/02/1970,,Sam Reed,Camden Outreach,Owes £5,\r\n`)]))
    expect(importing(bom)).toMatchObject({ imported: 1, refused: [], duplicates: [] })
    // "Chloë Price,…,Said “I want to go home”, owes £5" as Excel writes it in Windows-1252.
    const latin = (text: string) => [...text].map((c) => c.charCodeAt(0))
    const row = [...latin('Chlo'), 0xeb, ...latin(' Price,03/04/1975,,Sam Reed,Camden Outreach,"Said '), 0x93, ...latin('I want to go home'), 0x94, ...latin(', owes '), 0xa3, ...latin('5",')]
    const cp1252 = file('cp1252.csv', new Uint8Array([...latin(`${HEADINGS}\r\n`), ...row, 0x0d, 0x0a]))
    expect(importing(cp1252)).toMatchObject({ imported: 1, refused: [], duplicates: [] })
    const chloe = caseList().find(({ clientName }) => clientName === 'Chloë Price')!
    const shown = JSON.parse(homeward('case', 'show', chloe.id, '--data', data, '--json').out) as { referral: Record<string, string> }
    expect(shown.referral.whyReferred).toBe('Said \u201cI want to go home\u201d, owes £5')
    expect(caseList().map(({ clientName }) => clientName)).toContain('Zoë Adams')
  })

  it('maps other headings through a mapping file, and refuses a bad one or a missing file in one line', () => {
    const sheet = file('other.csv', 'Name,DOB,Referred by,Team,Shoe size\nEve Moss,05/06/1980,Sam Reed,Camden Outreach,9\n')
    const mapping = file('mapping.json', JSON.stringify({ Name: 'clientName', DOB: 'Date of birth', 'Referred by': 'referrerName', Team: 'outreachTeam', 'Shoe size': null }))
    expect(importing(sheet, '--mapping', mapping, '--dry-run')).toMatchObject({ wouldImport: 1, refused: [], unknownColumns: [] })
    const unmapped = importing(sheet, '--dry-run')
    expect(unmapped.refused).toEqual([{ row: 2, reason: "Enter the client's name; Enter the date of birth; Enter the referrer's name; Enter the referring organisation" }])
    expect(unmapped.unknownColumns).toEqual(['Name', 'DOB', 'Referred by', 'Team', 'Shoe size'])
    const bad = homeward('import', sheet, '--mapping', file('bad.json', '{"Name": "Shoe size"}'), '--data', data, '--json')
    expect([bad.code, bad.err]).toEqual([1, 'homeward: the mapping puts "Name" into "Shoe size", which is not a field of the referral\n'])
    const missing = homeward('import', join(dir.path, 'nowhere.csv'), '--data', data, '--json')
    expect([missing.code, missing.err]).toEqual([1, `homeward: cannot read ${join(dir.path, 'nowhere.csv')}: no such file\n`])
  })

  it('says how far a long import has got on one line of stderr, ending it with a line break, and only the JSON on stdout; the same file again adds nothing', async () => {
    const big = await withProfile('long')
    const path = file('long.csv', bigCaseload(150))
    const run = homeward('import', path, '--data', big, '--json')
    expect(run.code).toBe(0)
    expect(run.err).toMatch(/^(\rImported \d+ of 150…)+\rImported 150 of 150\n$/)
    expect(run.err).toContain('\rImported 50 of 150…')
    expect(JSON.parse(run.out)).toMatchObject({ imported: 150, refused: [], duplicates: [] })
    expect(listed(big)).toHaveLength(150)
    const again = homeward('import', path, '--data', big, '--json')
    expect(again.err).toBe('')
    const result = JSON.parse(again.out) as ImportResult
    expect(result.imported).toBe(0)
    expect(result.duplicates.map(({ row }) => row)).toEqual(Array.from({ length: 150 }, (_, i) => i + 2))
    expect(new Set(result.duplicates.map(({ caseId }) => caseId)).size).toBe(150)
    expect(listed(big)).toHaveLength(150)
  })

  it('stopped part way, keeps what it opened, and the same file again opens the rest: no client twice', async () => {
    const cut = await withProfile('cut')
    const path = file('cut.csv', bigCaseload(600))
    // The import is killed as soon as it says it has opened its first rows.
    await new Promise<void>((done, fail) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/homeward.mjs'), 'import', path, '--data', cut, '--json'], { cwd: ROOT, env: { ...process.env, HOMEWARD_DATA: '' } })
      let said = ''
      child.stderr.setEncoding('utf8').on('data', (part: string) => {
        said += part
        if (said.includes('Imported 50 of 600')) child.kill('SIGKILL')
      })
      child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? done() : fail(new Error(`the import ended before it was stopped: ${said}`))))
    })
    const kept = listed(cut).length
    expect(kept).toBeGreaterThanOrEqual(50)
    expect(kept).toBeLessThan(600)
    const rest = JSON.parse(homeward('import', path, '--data', cut, '--json').out) as ImportResult
    expect(rest.imported).toBe(600 - kept)
    expect(rest.duplicates).toHaveLength(kept)
    const names = (JSON.parse(homeward('case', 'list', '--data', cut, '--json').out) as { clientName: string }[]).map(({ clientName }) => clientName)
    expect(names).toHaveLength(600)
    expect(new Set(names).size).toBe(600)
    // Each pass is listed in the team before its cases are written: none is on this laptop alone.
    const inTheList = listed(cut)
    const ws = await openWorkspace({ dataDir: cut })
    try {
      expect(teamCaseIds(ws.teamDoc())).toEqual(expect.arrayContaining(inTheList))
    } finally {
      await ws.close()
    }
  })
})

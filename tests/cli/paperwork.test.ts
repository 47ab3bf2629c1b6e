import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { builtEntry, ROOT } from '../support/built'
import { encryptedPdf, heicHeader, markedJpeg, markedPng, noisyPdf, program, textPdf } from '../support/fixtures'
import { caseReadyForPack, setUpTeamSettings } from '../support/paperwork'
import { pdfPages, pdfText, qpdfCheck } from '../support/pdf-tools'
import { AMINA, DEREK } from '../support/people'
import { tempDir } from '../support/temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')

function homeward(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

describe('paperwork on the command line', () => {
  const dir = tempDir('cli-paperwork')
  const data = join(dir.path, 'workspace')
  let caseId = ''
  const file = (name: string, bytes: Uint8Array) => {
    const path = join(dir.path, name)
    writeFileSync(path, bytes)
    return path
  }

  beforeAll(async () => {
    builtEntry('cli')
    const manager = await openWorkspace({ dataDir: data, user: DEREK })
    await setUpTeamSettings(manager)
    await manager.close()
    const ws = await openWorkspace({ dataDir: data })
    ws.team.setProfile({ name: AMINA.name, role: 'caseworker' })
    caseId = await caseReadyForPack(ws, 'Ólafur Jóhannsson')
    await ws.close()
  })
  afterAll(() => dir.remove())

  it('attaches PDFs and photos, and refuses bad files by name with the reason, adding nothing', async () => {
    const attached = homeward('attach', caseId, file('birth certificate.pdf', await textPdf('Birth certificate', 2)), '--type', 'identity', '--date', '2026-10-01', '--data', data, '--json')
    expect(attached.err).toBe('')
    expect(JSON.parse(attached.out)).toHaveProperty('id')
    expect(homeward('attach', caseId, file('gp.jpg', markedJpeg(8)), '--type', 'medical', '--note', 'GP letter', '--data', data).code).toBe(0)
    expect(homeward('attach', caseId, file('award.png', markedPng('16-bit')), '--type', 'benefits', '--data', data).code).toBe(0)
    expect(homeward('attach', caseId, file('diary.png', markedPng('plain')), '--type', 'other', '--not-for-pack', '--data', data).code).toBe(0)

    const refusals: [string, Uint8Array, RegExp][] = [
      ['IMG_0001.HEIC', heicHeader(), /HEIC format.*JPEG/],
      ['statement.pdf', encryptedPdf(await textPdf('Statement', 1), dir.path, 256), /protected with a password/],
      ['empty.pdf', new Uint8Array(), /empty/],
      ['invoice.pdf', program(), /a program, not a document/],
    ]
    for (const [name, bytes, reason] of refusals) {
      const refused = homeward('attach', caseId, file(name, bytes), '--type', 'identity', '--data', data)
      expect(refused.code).toBe(1)
      expect(refused.err).toMatch(new RegExp(`^homeward: ${name.replace('.', '\\.')}: `))
      expect(refused.err).toMatch(reason)
      expect(refused.err.trim().split('\n')).toHaveLength(1)
    }
    const unknownType = homeward('attach', caseId, file('x.pdf', await textPdf('X', 1)), '--type', 'passport', '--data', data)
    expect(unknownType.code).not.toBe(0)
    expect(unknownType.err).toMatch(/Allowed choices are identity, benefits/)

    const shown = JSON.parse(homeward('case', 'show', caseId, '--data', data, '--json').out) as { attachments: Record<string, { fileName: string }> }
    expect(Object.values(shown.attachments).map((a) => a.fileName).sort()).toEqual(['award.png', 'birth certificate.pdf', 'diary.png', 'gp.jpg'])
  }, 120_000) // a dozen runs of the command, each opening the workspace: about 20 s alone, more beside the other test files

  it('prints none of pdf-lib’s warnings: a file it grumbles about goes in quietly, and a refusal is one line', async () => {
    const quiet = homeward('attach', caseId, file('tenancy.pdf', await noisyPdf('Tenancy', 1)), '--type', 'other', '--not-for-pack', '--data', data)
    expect(quiet).toMatchObject({ code: 0, err: '' })
    expect(quiet.out).not.toMatch(/Parsed number/)
    const refused = homeward('attach', caseId, file('statements.pdf', await noisyPdf('Statements', 412)), '--type', 'benefits', '--data', data)
    expect(refused.code).toBe(1)
    expect(refused.out).toBe('')
    expect(refused.err).toBe('homeward: statements.pdf: it has 412 pages; the limit is 300. Attach only the pages the council needs, or split it into parts of up to 300 pages.\n')
  })

  it('makes the pack of every consented document, or without some', () => {
    const out = join(dir.path, 'pack.pdf')
    const made = homeward('pack', caseId, '--out', out, '--data', data, '--json')
    expect(made.err).toBe('')
    expect(made.code).toBe(0)
    const result = JSON.parse(made.out) as { pages: number; enclosures: { fileName: string }[] }
    expect(result.enclosures.map((e) => e.fileName)).toEqual(['birth certificate.pdf', 'gp.jpg', 'award.png'])
    expect(qpdfCheck(out)).toBe('')
    expect(pdfPages(out)).toHaveLength(result.pages)
    const text = pdfText(out)
    expect(text).toContain('Ólafur Jóhannsson')
    expect(text).toContain('Medical information: GP letter')
    expect(text).not.toContain('diary.png')

    const lighter = join(dir.path, 'pack-without.pdf')
    const without = homeward('pack', caseId, '--out', lighter, '--without', 'gp.jpg', '--data', data, '--json')
    expect(without.code).toBe(0)
    expect((JSON.parse(without.out) as { pages: number }).pages).toBe(result.pages - 1)
    expect(pdfText(lighter)).not.toContain('Medical information: GP letter')

    const unknown = homeward('pack', caseId, '--out', join(dir.path, 'never.pdf'), '--without', 'nothing.pdf', '--data', data)
    expect(unknown.code).toBe(1)
    expect(unknown.err).toBe('homeward: no document nothing.pdf on this case\n')
    expect(existsSync(join(dir.path, 'never.pdf'))).toBe(false)
  })

  it('prints what to check in the pack (evidence not in it), and makes it anyway', () => {
    const out = join(dir.path, 'pack-to-check.pdf')
    const made = homeward('pack', caseId, '--out', out, '--without', 'birth certificate.pdf', '--data', data)
    expect(made.code).toBe(0)
    // The sample day (26 November 2026) is behind any day this runs: the pack says so first.
    expect(made.err.split('\n').filter((line) => line.startsWith('Check: '))).toEqual([
      'Check: The day Ólafur presents, 26 November 2026, has passed: check the date before sending',
      'Check: ID or birth certificate is not in the pack',
      'Check: Proof of address history is not in the pack',
      'Check: Evidence of priority need is not in the pack',
    ])
    expect(qpdfCheck(out)).toBe('')
    const json = homeward('pack', caseId, '--out', out, '--data', data, '--json')
    expect(json.err).toBe('')
    expect((JSON.parse(json.out) as { warnings: string[] }).warnings).toEqual([
      'The day Ólafur presents, 26 November 2026, has passed: check the date before sending',
      'Proof of address history is not in the pack',
      'Evidence of priority need is not in the pack',
    ])
  })

  it('writes the closure letter once the case is at closure, and says why not before', async () => {
    const out = join(dir.path, 'closure.pdf')
    const early = homeward('letter', 'closure', caseId, '--out', out, '--data', data)
    expect(early.code).toBe(1)
    expect(early.err).toBe('homeward: The closure letter is written in Phase 8, Case closure and review\n')
    expect(existsSync(out)).toBe(false)

    const ws = await openWorkspace({ dataDir: data })
    await ws.cases.change(caseId, (doc, context) => change.closeCase(doc, { type: 'unplanned', unplannedReason: 'disengaged', on: '2026-11-20', id: 'closed' }, context))
    await ws.close()
    const made = homeward('letter', 'closure', caseId, '--out', out, '--data', data)
    // Made all the same, with what to do before posting it: the client never moved, so no service of
    // the area of connection is named, and the case records no address for the client.
    expect(made.err).toBe(
      'homeward: note: The client did not move, so the letter names no services of the area of connection. Record any support arranged where they are now (Phase 7, "Local agencies taking over support") for the letter to name it; without it, the letter gives the national helplines and how to come back to the team.\n' +
        "homeward: note: No postal address is recorded: add the client's new address (Phase 5, Reconnection day) before posting the letter, or hand it to them.\n",
    )
    expect(made.out).toMatch(/closure\.pdf \(\d pages?\)/)
    expect(qpdfCheck(out)).toBe('')
    expect(pdfText(out)).toContain('Dear Ólafur,')
  })
})

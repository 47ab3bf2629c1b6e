import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import { workspaceFiles } from '../../src/main/core/storage/workspace-files'
import { AMINA, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'
import { builtEntry } from '../support/built'
import { damageDocument } from '../support/damage'
import { createApiHandler } from '../../src/main/core/api/api-handler'

describe('one damaged case', () => {
  it.each([
    ['with the index as it was', false],
    ['with the index rebuilt', true],
  ])('does not stop the workspace opening (%s): the other cases list and open, the damaged one is named', async (_, rebuild) => {
    const dir = tempDir('quarantine')
    try {
      let ws = await openWorkspace({ dataDir: dir.path, user: AMINA })
      const good = await ws.cases.create(referral({ clientName: 'Zoë Adams', chainNumber: '111111' }))
      const bad = await ws.cases.create(referral({ clientName: 'Ólafur Jónsson', dateOfBirth: '1980-02-02', chainNumber: '222222' }))
      await ws.cases.addNote(bad, { date: '2026-11-20', type: 'face-to-face', text: 'Met at the day centre' })
      await ws.close()
      expect(damageDocument(dir.path, bad)).toBeGreaterThan(0)
      if (rebuild) rmSync(workspaceFiles(dir.path).index)

      ws = await openWorkspace({ dataDir: dir.path, user: AMINA })
      try {
        expect(ws.cases.list().map((summary) => summary.id)).toContain(good)
        expect((await ws.cases.read(good)).referral.clientName).toBe('Zoë Adams')
        // Rebuilt, the index knows at once; as it was, the case is found damaged when opened.
        if (rebuild) expect(ws.cases.list().map((summary) => summary.id)).toEqual([good])
        if (rebuild) expect(ws.cases.unreadable()).toEqual([{ id: bad, reason: expect.stringMatching(/damaged/) }])
        await expect(ws.cases.read(bad)).rejects.toThrow(/cannot be read/)
        expect(ws.cases.unreadable()).toEqual([{ id: bad, reason: expect.stringMatching(/damaged/) }])
        // Work goes on: a note on the good case, and a new case.
        await ws.cases.addNote(good, { date: '2026-11-21', type: 'phone', text: 'Phoned' })
        await ws.cases.create(referral({ clientName: 'Ștefan Popescu', chainNumber: '333333' }))
        expect(ws.cases.list().map((summary) => summary.clientName)).toEqual(expect.arrayContaining(['Zoë Adams', 'Ștefan Popescu']))
        // The monitoring report counts the readable cases, not failing for the damaged one.
        const range = { from: '2026-04-01', to: '2027-03-31' }
        await expect(ws.reports.monitoring(range)).resolves.toMatchObject({ range })
        expect((await ws.cases.readAll()).map(({ record }) => record.referral.clientName).sort()).toEqual(['Zoë Adams', 'Ștefan Popescu'])
        // The window is told too.
        const answer = await createApiHandler(ws)({ id: 1, method: 'unreadableCases', params: {} })
        expect(answer).toEqual({ id: 1, ok: true, result: [{ id: bad, reason: 'its stored data on this laptop is damaged' }] })
      } finally {
        await ws.close()
      }
      // The command line lists the rest, names the damaged case on stderr, and succeeds.
      const listed = spawnSync(process.execPath, [builtEntry('cli'), 'case', 'list', '--data', dir.path], { encoding: 'utf8' })
      expect(listed.status).toBe(0)
      expect(listed.stdout).toContain('Zoë Adams')
      expect(listed.stdout).not.toContain('Ólafur')
      expect(listed.stderr.trim()).toBe(`1 case could not be read: ${bad} (its stored data on this laptop is damaged)`)
    } finally {
      dir.remove()
    }
  })
})

describe('a damaged index', () => {
  it('is found on opening and built again from the documents', async () => {
    const dir = tempDir('damaged-index')
    try {
      let ws = await openWorkspace({ dataDir: dir.path, user: AMINA })
      for (let i = 0; i < 60; i++) {
        await ws.cases.create(referral({ clientName: `Client ${i}`, chainNumber: String(100000 + i), whyReferred: 'x'.repeat(2000) }))
      }
      await ws.close()
      const file = workspaceFiles(dir.path).index
      const bytes = readFileSync(file)
      expect(bytes.length).toBeGreaterThan(8 * 4096)
      // Garbage over pages in the middle of the file, its header left as it was.
      bytes.fill(0x5a, 4 * 4096, 8 * 4096)
      writeFileSync(file, bytes)

      ws = await openWorkspace({ dataDir: dir.path, user: AMINA })
      try {
        expect(ws.cases.list()).toHaveLength(60)
        expect(ws.cases.search('client 42').map((hit) => hit.clientName)).toEqual(['Client 42'])
      } finally {
        await ws.close()
      }
    } finally {
      dir.remove()
    }
  })
})

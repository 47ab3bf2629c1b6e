import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiEvent, ApiResponse } from '../../src/shared/api'
import type { ImportResult } from '../../src/shared/import/import-plan'
import { MAX_IMPORT_BYTES } from '../../src/shared/import/limits'
import { createApiHandler } from '../../src/main/core/api/api-handler'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { AMINA } from '../support/people'
import { tempDir } from '../support/temp-dir'

/** The window's "Import referrals": the file's bytes through the typed API, as the page sends them. */
describe('importing referrals through the typed API', () => {
  const dir = tempDir('api-import')
  let ws: Workspace
  let nextId = 1
  let handle: ReturnType<typeof createApiHandler>
  const call = async (params: unknown, emit?: (event: ApiEvent) => void) =>
    (await handle({ id: nextId++, method: 'importReferrals', params }, emit)) as ApiResponse & { result?: ImportResult; error?: { message: string } }
  const base64 = (text: string) => Buffer.from(text).toString('base64')
  const sheet = "Name,DOB,Referrer's name,Referring organisation\nZoë Adams,27/03/1985,Sam Reed,Camden Outreach\n"

  beforeAll(async () => {
    ws = await openWorkspace({ dataDir: dir.path, user: AMINA })
    handle = createApiHandler(ws, {})
  })
  afterAll(async () => {
    await ws.close()
    dir.remove()
  })

  it("checks with the person's mapping and opens nothing on a dry run, then imports", async () => {
    const mapping = { Name: 'clientName', DOB: 'Date of birth' }
    const dry = await call({ fileName: 'caseload.csv', base64: base64(sheet), mapping, dryRun: true })
    expect(dry.result).toMatchObject({ dryRun: true, wouldImport: 1, imported: 0, refused: [], duplicates: [] })
    expect(ws.cases.list()).toEqual([])
    const done = await call({ fileName: 'caseload.csv', base64: base64(sheet), mapping })
    expect(done.result).toMatchObject({ dryRun: false, imported: 1 })
    expect(ws.cases.list().map(({ clientName, dateOfBirth }) => [clientName, dateOfBirth])).toEqual([['Zoë Adams', '1985-03-27']])
  })

  it('refuses a file over the limit in words, and one far bigger at the contract', async () => {
    const over = await call({ fileName: 'big.csv', base64: Buffer.alloc(MAX_IMPORT_BYTES + 10).toString('base64') })
    expect(over.ok).toBe(false)
    expect(over.error?.message).toMatch(/^big\.csv: the file is 5 MB; a spreadsheet to import can be at most 5 MB$/)
    const far = await call({ fileName: 'huge.csv', base64: 'A'.repeat(MAX_IMPORT_BYTES * 2) })
    expect(far.ok).toBe(false)
    expect(ws.cases.list()).toHaveLength(1)
  })

  it('tells the window how far the import has got after each pass of rows, for its task', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `Client ${i + 1} Moss,${String((i % 28) + 1).padStart(2, '0')}/01/1970,Sam Reed,Camden Outreach`)
    const events: ApiEvent[] = []
    const done = await call({ fileName: 'long.csv', base64: base64(["Client name,Date of birth,Referrer's name,Referring organisation", ...rows].join('\n')), taskId: 'task-1' }, (event) => events.push(event))
    expect(done.result).toMatchObject({ imported: 120 })
    expect(events).toEqual([50, 100, 120].map((count) => ({ type: 'progress', taskId: 'task-1', done: count, total: 120 })))
  })

  it('answers the window between passes: a case list asked for once the first pass is done comes back before the next pass is', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `Other ${i + 1} Lee,${String((i % 28) + 1).padStart(2, '0')}/02/1971,Sam Reed,Camden Outreach`)
    const answered: string[] = []
    let passes = 0
    let listing: Promise<unknown> | undefined
    const importing = call(
      { fileName: 'other.csv', base64: base64(["Client name,Date of birth,Referrer's name,Referring organisation", ...rows].join('\n')), taskId: 'task-2' },
      () => {
        passes++
        if (passes === 1) listing = handle({ id: nextId++, method: 'listCases', params: {} }).then(() => answered.push(`the case list, after ${passes} of 3 passes`))
      },
    ).then(() => answered.push('the import'))
    await importing
    await listing
    expect(answered).toEqual(['the case list, after 1 of 3 passes', 'the import'])
  })
})

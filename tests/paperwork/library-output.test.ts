import { PDFDocument } from '@cantoo/pdf-lib'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { FileRefusedError } from '../../src/main/core/errors'
import { appendEnclosure } from '../../src/main/pdf/enclosures'
import { checkFile } from '../../src/main/pdf/file-check'
import { loadPdf } from '../../src/main/pdf/load'
import { noisyPdf } from '../support/fixtures'

describe('pdf-lib’s warnings never reach the output', () => {
  let warn: MockInstance<typeof console.warn>
  let log: MockInstance<typeof console.log>
  let stderr: MockInstance<typeof process.stderr.write>
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    stderr = vi.spyOn(process.stderr, 'write')
  })
  afterEach(() => vi.restoreAllMocks())

  const said = () => [...warn.mock.calls, ...log.mock.calls, ...stderr.mock.calls].map((args) => String(args[0]))

  it('the fixture makes pdf-lib warn when it is loaded as it comes', async () => {
    await PDFDocument.load(await noisyPdf('Tenancy', 1))
    expect(warn.mock.calls.map((args) => String(args[0]))).toEqual([expect.stringMatching(/Parsed number that is too large for some PDF readers/)])
  })

  it('says nothing while a file is checked, put in a pack, or refused, and the refusal is one line', async () => {
    expect(await checkFile('tenancy.pdf', await noisyPdf('Tenancy', 2))).toEqual({ mediaType: 'application/pdf', pages: 2 })
    expect(await appendEnclosure(await PDFDocument.create(), { fileName: 'tenancy.pdf', mediaType: 'application/pdf', bytes: await noisyPdf('Tenancy', 2) })).toBe(2)
    const refused = await checkFile('statements.pdf', await noisyPdf('Statements', 412)).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(FileRefusedError)
    expect((refused as Error).message.split('\n')).toEqual(['statements.pdf: it has 412 pages; the limit is 300. Attach only the pages the council needs, or split it into parts of up to 300 pages.'])
    expect(said()).toEqual([])
  })

  it('lets everything else through meanwhile, and puts the console back, even when loads overlap or fail', async () => {
    const bytes = await noisyPdf('Tenancy', 1)
    const loading = Promise.all([loadPdf(bytes, {}), loadPdf(bytes, {}), loadPdf(new Uint8Array([1, 2, 3]), {}).catch(() => 'failed')])
    console.warn('Homeward’s own warning')
    expect((await loading)[2]).toBe('failed')
    expect(warn.mock.calls).toEqual([['Homeward’s own warning']])
    expect(console.warn).toBe(warn)
    expect(console.log).toBe(log)
  })
})

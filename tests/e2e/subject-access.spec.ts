import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as change from '../../src/shared/case/changes'
import { openWorkspace } from '../../src/main/core/workspace'
import { textPdf } from '../support/fixtures'
import { caseReadyForPack } from '../support/paperwork'
import { pdfText, qpdfCheck } from '../support/pdf-tools'
import { tempDir } from '../support/temp-dir'
import { expect, expectAccessible, screenshot, signIn, test } from './app'

test('the subject access copy button saves one ZIP of the readable PDF, the scans byte for byte and the record', async ({ app }, testInfo) => {
  test.setTimeout(120_000)
  const files = tempDir('subject-access-files')
  const scan = await textPdf('Tenancy agreement', 1)
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  const caseId = await caseReadyForPack(ws, 'Łukasz Wiśniewski')
  await ws.cases.change(caseId, (doc, context) => {
    change.addNote(doc, { date: context.today, type: 'phone', text: 'Łukasz called from the day centre about his GP appointment.' }, { ...context, id: 'note-1' })
    change.addNote(doc, { date: context.today, type: 'face-to-face', text: 'Marta, his sister, came with him today.' }, { ...context, id: 'note-2' })
  })
  await ws.attachments.add(caseId, { fileName: 'tenancy.pdf', bytes: scan, details: { type: 'address-history', date: '2026-10-01', shareInPack: 'yes' } })
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('link', { name: 'Łukasz Wiśniewski' }).click()
  await page.getByRole('link', { name: /^Documents/ }).click()
  const panel = page.getByRole('region', { name: 'A copy for the person (subject access)' })
  await expect(panel).toBeVisible()
  const saving = page.waitForEvent('download')
  await panel.getByRole('button', { name: 'Subject access copy' }).click()
  const download = await saving
  expect(download.suggestedFilename()).toMatch(/^Subject access copy - Łukasz Wiśniewski - \d\d-\d\d-\d{4}\.zip$/)
  await expect(panel.getByRole('status')).toContainText('was saved to your downloads. 1 note names another person')
  await expect(panel.getByRole('button', { name: 'Subject access copy' })).toBeEnabled()
  await panel.scrollIntoViewIfNeeded()
  await screenshot(page, testInfo, 'subject-access-saved')
  await expectAccessible(page, 'the documents tab with the subject access copy saved')

  const zip = join(files.path, 'copy.zip')
  await download.saveAs(zip)
  expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toMatch(/No errors detected/)
  const out = join(files.path, 'copy')
  execFileSync('unzip', ['-q', zip, '-d', out])
  const pdf = join(out, download.suggestedFilename().replace(/\.zip$/, '.pdf'))
  expect(qpdfCheck(pdf)).toBe('')
  const text = pdfText(pdf).replace(/\s+/g, ' ')
  expect(text).toContain('Łukasz called from the day centre about his GP appointment.')
  expect(text).toContain('For the reviewer')
  expect(Buffer.compare(readFileSync(join(out, 'Scanned documents', '01 tenancy.pdf')), Buffer.from(scan))).toBe(0)
  expect((JSON.parse(readFileSync(join(out, 'record.json'), 'utf8')) as { notes: unknown[] }).notes).toHaveLength(2)
  files.remove()
})

import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { openWorkspace } from '../../src/main/core/workspace'
import { sampleSettings } from '../../src/main/core/seed/sample-settings'
import { sampleSignature } from '../../src/main/core/seed/sample-signature'
import { encryptedPdf, heicHeader, markedJpeg, textPdf } from '../support/fixtures'
import * as change from '../../src/shared/case/changes'
import { walkTo } from '../support/cases'
import { caseReadyForPack, setUpTeamSettings } from '../support/paperwork'
import { tempDir } from '../support/temp-dir'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { casework, daysAgo } from './casework'

const OPENER = resolve(import.meta.dirname, '../support/record-open.mjs')

/** Whether a canvas on the page has anything drawn on it (a page of a PDF, not a blank). */
async function canvasHasInk(page: Page, index: number): Promise<boolean> {
  return page.locator('canvas.preview__page').nth(index).evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let dark = 0
    for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) dark++
    return dark > 200
  })
}

test('a manager sets up the letterhead and directories; a caseworker attaches evidence, makes the pack, previews, prints and emails it', async ({ app }, testInfo) => {
  test.setTimeout(180_000)
  const files = tempDir('paperwork-files')
  const openLog = join(files.path, 'opened.txt')
  process.env.HOMEWARD_OPEN_WITH = OPENER
  process.env.HOMEWARD_OPEN_LOG = openLog

  // A case ready for its pack, on a laptop whose user is the team manager.
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  const caseId = await caseReadyForPack(ws, 'Łukasz Wiśniewski')
  await ws.close()

  const page = await app.open()
  await signIn(page)
  const steps = casework(page)
  await page.getByRole('link', { name: 'Łukasz Wiśniewski' }).click()
  await page.getByRole('link', { name: /^Documents/ }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Documents' })).toBeVisible()
  // Nothing can be made before the letterhead is there: the page says what is missing.
  await expect(page.getByText("The team's letterhead has no organisation name (Team settings)")).toBeVisible()
  await expect(page.getByRole('button', { name: 'Make the presentation pack' })).toBeDisabled()

  // Team settings: the letterhead, the logo, a signature, a Housing Options contact and a local service.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team settings' }).click()
  await steps.change('Letterhead')
  await page.getByLabel('Organisation name').fill('Homeward Trust')
  await page.getByLabel('Team name').fill('Safe Connections team')
  await page.getByLabel('Address', { exact: true }).fill('Unit 4, 12 Commercial Road\nLondon E1 1AA')
  await page.getByLabel('Phone').fill('020 7946 0321')
  await page.getByLabel('Email').fill('safe.connections@example.org')
  await steps.save('Letterhead')
  const sample = sampleSettings()
  // A whole photo chosen by mistake is refused on the page, in words, before it is sent.
  const teamPhoto = join(files.path, 'team photo.jpg')
  writeFileSync(teamPhoto, new Uint8Array(3 * 1024 * 1024))
  await page.locator('#image-logo').setInputFiles(teamPhoto)
  await expect(page.getByText('team photo.jpg: the image is over 1 MB. Save it smaller and try again.')).toBeVisible()
  await expect(page.getByRole('img', { name: "The team's logo" })).toHaveCount(0)
  const logo = join(files.path, 'logo.png')
  writeFileSync(logo, sample.logo.bytes)
  await page.locator('#image-logo').setInputFiles(logo)
  await expect(page.getByRole('img', { name: "The team's logo" })).toBeVisible()
  const signature = join(files.path, 'signature.png')
  writeFileSync(signature, sampleSignature('Amina Okafor').bytes)
  await page.locator('#image-signature').setInputFiles(signature)
  await expect(page.getByRole('img', { name: 'Your signature' })).toBeVisible()
  // Two Remove buttons on one page, each named for what it removes.
  await expect(page.getByRole('button', { name: 'Remove the logo' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Remove your signature' })).toBeVisible()
  await page.getByRole('button', { name: 'Add a Housing Options contact' }).click()
  await steps.chooseLocalAuthority('Local authority', 'Brad', 'Bradford')
  await page.getByLabel('Contact name').fill('Jo Smith')
  await page.getByLabel('Address', { exact: true }).fill('Britannia House\nBradford BD1 1HX')
  await page.getByLabel('Email').fill('jo.smith@bradford.example.org')
  await page.getByRole('button', { name: 'Add a Housing Options contact', exact: true }).last().click()
  await expect(page.getByRole('table', { name: 'Housing Options contacts' })).toContainText('Jo Smith')
  await page.getByRole('button', { name: 'Add a service' }).click()
  await page.getByLabel('Name', { exact: true }).fill('Bradford Floating Support')
  await steps.chooseLocalAuthority('Local authority it serves', 'Brad', 'Bradford')
  await page.getByLabel('Phone', { exact: true }).fill('01632 960130')
  await page.getByRole('button', { name: 'Add a service', exact: true }).last().click()
  await expect(page.getByRole('table', { name: 'Local support services' })).toContainText('Bradford Floating Support')
  await screenshot(page, testInfo, 'team-settings')
  await expectAccessible(page, 'the team settings')

  // Back to the case. The tenancy agreement is attached from its address in the history, as its evidence.
  await page.goto(page.url().replace(/#.*$/, `#/cases/${caseId}/phase/reconnection-planning`))
  const addresses = page.getByRole('table', { name: 'Address history' })
  await addresses.getByRole('link', { name: 'Attach evidence for 14 Manningham Lane, Bradford' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Documents' })).toBeVisible()
  await expect(page.getByText('Documents you add now are evidence for Address: 14 Manningham Lane, Bradford (Bradford).')).toBeVisible()
  const tenancy = join(files.path, 'tenancy.pdf')
  writeFileSync(tenancy, await textPdf('Tenancy agreement', 2))
  await page.locator(`#attach-files-${caseId}`).setInputFiles(tenancy)
  await expect(page.getByLabel('What it is')).toHaveValue('address-history')
  await expect(page.getByLabel('Evidence for (optional)')).toHaveValue(/^addresses:/)
  await page.getByLabel('Date of the document').fill('01/02/2019')
  await page.getByLabel('Note').fill('Tenancy agreement')
  await steps.answer('The client agrees it goes in the presentation pack', 'Yes')
  await page.getByRole('button', { name: 'Attach this document' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Added: tenancy.pdf' })).toBeVisible()
  await page.goto(page.url().replace(/#.*$/, `#/cases/${caseId}/phase/reconnection-planning`))
  await expect(addresses.getByRole('link', { name: 'Proof of address history: Tenancy agreement' })).toBeVisible()
  await screenshot(page, testInfo, 'evidence-on-address')

  // Then a phone photo (stored on its side, with an EXIF orientation), and bad files, refused.
  await page.goto(page.url().replace(/#.*$/, `#/cases/${caseId}/documents`))
  const photo = join(files.path, 'gp-letter.jpg')
  writeFileSync(photo, markedJpeg(6, 320, 200))
  const statement = join(files.path, 'statement.pdf')
  writeFileSync(statement, encryptedPdf(await textPdf('Statement', 1), files.path, 256))
  const heic = join(files.path, 'IMG_0042.HEIC')
  writeFileSync(heic, heicHeader())
  await page.locator(`#attach-files-${caseId}`).setInputFiles([photo, statement, heic])

  const describe = async (type: string, date: string, share: 'Yes' | 'No', note?: string) => {
    await page.getByLabel('What it is').selectOption({ label: type })
    await page.getByLabel('Date of the document').fill(date)
    if (note) await page.getByLabel('Note').fill(note)
    await steps.answer('The client agrees it goes in the presentation pack', share)
  }
  await expect(page.getByRole('heading', { level: 4, name: /gp-letter\.jpg/ })).toContainText('1 of 3 to add')
  await describe('Medical information', '01/10/2026', 'Yes', 'GP letter')
  await page.getByRole('button', { name: 'Attach this document' }).click()
  await expect(page.getByRole('heading', { level: 4, name: /statement\.pdf/ })).toBeVisible()
  await describe('Proof of benefits', '01/11/2026', 'Yes')
  await page.getByRole('button', { name: 'Attach this document' }).click()
  await expect(page.getByRole('alert')).toContainText('statement.pdf: the PDF is protected with a password')
  await screenshot(page, testInfo, 'attachment-refused')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await describe('Birth certificate or ID', '01/11/2026', 'Yes')
  await page.getByRole('button', { name: 'Attach this document' }).click()
  await expect(page.getByRole('alert')).toContainText('IMG_0042.HEIC: it is an iPhone photo in HEIC format')
  await page.getByRole('button', { name: 'Cancel' }).click()

  // A file dropped on the area goes the same way.
  await page.evaluate(async () => {
    const transfer = new DataTransfer()
    transfer.items.add(new File(['%PDF-1.4 not really'], 'dropped.pdf', { type: 'application/pdf' }))
    document.querySelector('.dropzone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
  })
  await expect(page.getByRole('heading', { level: 4, name: /dropped\.pdf/ })).toBeVisible()
  await describe('Other', '01/11/2026', 'No')
  await page.getByRole('button', { name: 'Attach this document' }).click()
  await expect(page.getByRole('alert')).toContainText('dropped.pdf: the PDF is incomplete')
  await page.getByRole('button', { name: 'Cancel' }).click()

  const documents = page.getByRole('table', { name: 'Scanned documents, in the order they go in the pack' })
  await expect(documents.getByRole('row')).toHaveCount(3)
  await expect(documents.getByRole('row').nth(1)).toContainText('Evidence for: Address: 14 Manningham Lane, Bradford (Bradford)')
  // The photo was stored on its side with an EXIF orientation; viewed, it shows upright (taller than wide).
  await documents.getByRole('button', { name: 'View gp-letter.jpg' }).click()
  const picture = page.getByRole('dialog', { name: 'Medical information: GP letter' }).getByRole('img', { name: 'Medical information: GP letter' })
  await expect(picture).toBeVisible()
  const size = await picture.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }))
  expect(size).toEqual({ width: 200, height: 320 })
  await screenshot(page, testInfo, 'photo-viewed')
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  // Focus goes back to where it was.
  await expect(documents.getByRole('button', { name: 'View gp-letter.jpg' })).toBeFocused()
  await documents.getByRole('button', { name: 'Move up gp-letter.jpg' }).click()
  await expect(documents.getByRole('row').nth(1)).toContainText('gp-letter.jpg')
  await screenshot(page, testInfo, 'documents')
  await expectAccessible(page, 'the documents page')

  // The planning phase leads to the pack: "Make the presentation pack" opens the documents at its panel, focus there.
  await page.goto(page.url().replace(/#.*$/, `#/cases/${caseId}/phase/reconnection-planning`))
  await expect(page.getByText('No presentation pack made yet')).toBeVisible()
  await page.getByRole('link', { name: 'Make the presentation pack' }).click()
  await expect(page.getByText('Email it to the Housing Options Officer the day before the presentation')).toBeFocused()

  // What will go in the pack, then the pack itself, previewed in the app.
  const pack = page.getByRole('region', { name: 'Presentation pack' })
  await expect(pack).toContainText('Covering letter to Jo Smith, Housing Options, City of Bradford Metropolitan District Council (jo.smith@bradford.example.org)')
  await expect(pack).toContainText('with health and support needs: the client agreed')
  await expect(pack).toContainText('Enclosures: 2 documents, 3 pages')
  // Evidence the toolkit lists for the pack is missing: the caseworker is told before it is made.
  await pack.getByRole('button', { name: 'Make the presentation pack' }).click()
  const check = pack.getByRole('group', { name: 'Before you make the pack, check:' })
  await expect(check.getByRole('heading', { name: 'Before you make the pack, check:' })).toBeFocused()
  // The sample day (26 November 2026) is behind any day this runs: that is said first.
  await expect(check.getByRole('listitem')).toHaveText([
    'The day Łukasz presents, 26 November 2026, has passed: check the date before sending',
    'ID or birth certificate is not in the pack', 'Proof of benefits entitlement is not in the pack', 'Evidence of priority need is not in the pack'])
  await screenshot(page, testInfo, 'pack-check')
  await expectAccessible(page, 'the check before making the pack')
  await check.getByRole('button', { name: 'Go back' }).click()
  await expect(check).toBeHidden()
  await expect(pack.getByRole('button', { name: 'Make the presentation pack' })).toBeFocused()
  await pack.getByRole('button', { name: 'Make the presentation pack' }).click()
  await check.getByRole('button', { name: 'Make it anyway' }).click()
  const preview = page.getByRole('dialog', { name: 'Presentation pack' })
  await expect(preview).toBeVisible()
  await expect(preview.getByText(/^\d+ pages$/)).toBeVisible()
  await expect.poll(() => canvasHasInk(page, 0)).toBe(true)
  await screenshot(page, testInfo, 'pack-preview')
  await expectAccessible(page, 'the pack preview')

  // Open to print, and Prepare email: handed to the computer's own programs.
  await preview.getByRole('button', { name: 'Open to print' }).click()
  await expect(preview.getByRole('status')).toHaveText('Opened in your PDF viewer, ready to print.')
  await preview.getByRole('button', { name: 'Prepare email' }).click()
  await expect(preview.getByRole('status')).toHaveText('Opened in your email program, ready to send.')
  const opened = readFileSync(openLog, 'utf8').trim().split('\n')
  expect(opened).toHaveLength(2)
  expect(opened[0]).toMatch(/\.pdf$/)
  expect(readFileSync(opened[0]!).subarray(0, 5).toString()).toBe('%PDF-')
  expect(opened[1]).toMatch(/\.eml$/)
  expect(readFileSync(opened[1]!, 'utf8')).toMatch(/^To: jo\.smith@bradford\.example\.org$/m)
  await preview.getByRole('button', { name: 'Close' }).click()
  await expect(preview).toBeHidden()
  // Focus goes back to the button that made the pack (drawn again after its progress), not the page's body.
  await expect(pack.getByRole('button', { name: 'Make the presentation pack' })).toBeFocused()

  const made = page.getByRole('table', { name: 'Documents made from this case' })
  await expect(made).toContainText('Presentation pack')
  await expect(made).toContainText('by Derek Hall')
  await expect(made).toContainText('gp-letter.jpg, tenancy.pdf')

  // Phase 5: the pack emailed the day before, and handed over on the day, each with its date.
  const delivery = pack.getByRole('region', { name: 'Emailed and handed over' })
  const now = new Date()
  const day = (offset: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset).toLocaleDateString('en-GB')
  // A day the calendar does not have is worded as every form words it.
  await delivery.getByLabel('Presentation pack emailed to Housing Options on').fill('31/02/2026')
  await delivery.getByRole('button', { name: 'Mark as emailed' }).click()
  await expect(delivery.locator('.field__error')).toHaveText('Error: 31/02/2026 is not a real date')
  // The pack was made today: emailed yesterday is warned of as a likely slip, and recorded all the same.
  await delivery.getByLabel('Presentation pack emailed to Housing Options on').fill(day(-1))
  await expect(delivery.getByRole('status').filter({ hasText: /^The presentation pack was first made on \w+ \d+ \w+ \d{4}, after the day it is recorded as emailed: check this date$/ })).toBeVisible()
  await screenshot(page, testInfo, 'pack-emailed-before-made')
  await delivery.getByRole('button', { name: 'Mark as emailed' }).click()
  await expect(delivery).toContainText(`Emailed to Housing Options on ${day(-1)}.`)
  // Handed over: the day of the presentation is offered (the case's day has passed), not today.
  await expect(delivery.getByLabel('Presentation pack handed over in hard copy on')).toHaveValue('26/11/2026')
  await expect(delivery.getByLabel('Presentation pack handed over in hard copy on')).toHaveAccessibleDescription(/On the day: Thursday 26 November 2026/)
  await delivery.getByLabel('Presentation pack handed over in hard copy on').fill(day(1))
  await delivery.getByRole('button', { name: 'Mark as handed over' }).click()
  await expect(delivery.getByText(/future/)).toBeVisible()
  await delivery.getByLabel('Presentation pack handed over in hard copy on').fill(day(0))
  await delivery.getByRole('button', { name: 'Mark as handed over' }).click()
  await expect(delivery).toContainText(`Handed over in hard copy on ${day(0)}.`)
  await screenshot(page, testInfo, 'pack-emailed-and-handed-over')
  await expectAccessible(page, 'the pack emailed and handed over')

  // Removing a document removes the pack made here that holds a copy of it, too.
  await documents.getByRole('button', { name: 'Remove gp-letter.jpg' }).click()
  await expect(documents.getByRole('button', { name: 'Yes, remove gp-letter.jpg' })).toBeFocused()
  await documents.getByRole('button', { name: 'Yes, remove gp-letter.jpg' }).click()
  await expect(page.getByText('gp-letter.jpg was removed and its file deleted from this laptop, with the pack made here that enclosed it.')).toBeVisible()
  await expect(documents.getByRole('row')).toHaveCount(2)
  expect(existsSync(opened[0]!)).toBe(false)
  files.remove()
})

test('Tool 4 shows the answers given; Step 7 leads to the closure letter, making it records the day, and the step is done once the client is informed', async ({ app }, testInfo) => {
  test.setTimeout(120_000)
  // A case at Phase 8, its support handed over at step down, the client's new address known.
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Derek Hall' })
  await setUpTeamSettings(ws)
  const caseId = await caseReadyForPack(ws, 'Gwenllian Parry')
  await ws.cases.change(caseId, (doc, context) => {
    walkTo(doc, 'closure-and-review')
    change.updateSection(doc, 'reconnectionDay', { newAddress: 'Flat 2, 18 Thornton Road\nBradford BD1 2JB' }, context)
    change.updateSection(doc, 'stepDown', { handoverAgencies: 'Bradford Recovery Service: Sam Khan is your key worker' }, context)
  })
  await ws.close()

  const page = await app.open()
  await signIn(page)
  const steps = casework(page)
  await page.getByRole('link', { name: 'Gwenllian Parry' }).click()
  await expect(page.getByRole('heading', { level: 2, name: /^Phase 8/ })).toBeVisible()
  const tool4 = page.getByRole('region', { name: 'Tool 4: case closure and review' })
  await expect(tool4).toBeVisible()
  await steps.change('Closure checklist')
  await steps.answer('Has sufficient support from local agencies?', 'Yes')
  await steps.answer(/risk of return to rough sleeping/, 'Yes')
  await steps.answer('Is the client in temporary accommodation (local authority)?', 'No')
  await steps.save('Closure checklist')

  // Each step done says what was answered, not just "Done".
  const step = (number: number) => tool4.getByRole('listitem').filter({ hasText: `Step ${number}:` })
  await expect(step(2)).toContainText('Sufficient support: Yes. Low risk of return: Yes')
  await expect(step(3)).toContainText('Done')
  await expect(step(3).locator('.step__answer')).toHaveText('No')
  await expect(step(4)).toContainText('Not needed')
  await expect(step(7)).toContainText('Now')

  // Step 7 leads to making the letter, with focus where it is made.
  await step(7).getByRole('link', { name: 'Make the closure letter' }).click()
  const letter = page.getByRole('region', { name: 'Closure letter' })
  await expect(letter.getByText(/^Tool 4, Step 7/)).toBeFocused()
  await expect(letter).toContainText('It goes to Flat 2, 18 Thornton Road, Bradford BD1 2JB.')
  await expect(letter).toContainText("It names 1 service arranged at step down, then 3 services in Bradford from the team's directory.")
  await screenshot(page, testInfo, 'closure-letter-panel')
  await expectAccessible(page, 'the closure letter panel')
  await letter.getByRole('button', { name: 'Make the closure letter' }).click()
  const preview = page.getByRole('dialog', { name: 'Closure letter' })
  await expect(preview).toBeVisible()
  await preview.getByRole('button', { name: 'Close' }).click()
  await expect(letter.getByRole('button', { name: 'Make the closure letter' })).toBeFocused()

  // Back at Tool 4, the letter is made (when, and by whom), but the step asks whether the client was informed.
  await page.goto(page.url().replace(/#.*$/, `#/cases/${caseId}/phase/closure-and-review`))
  await expect(step(7)).toContainText('Now')
  await expect(step(7).locator('.step__answer')).toHaveText(`Closure letter made on ${daysAgo(0)}`)
  await expect(step(7).locator('.step__guidance').first()).toHaveText('Contact the client and give or send them the closure letter; once they have been informed, answer Yes.')
  await expect(step(7)).toContainText(/Closure letter made on \d\d\/\d\d\/\d{4} at \d\d:\d\d by Derek Hall/)
  await expect(step(7).getByRole('link', { name: 'Make the closure letter again' })).toBeVisible()
  // Answered No, the step says what is left; answered Yes, it is done.
  await steps.change('Closure checklist')
  await steps.answer('Has the client been informed of the closure of the case?', 'No')
  await steps.save('Closure checklist')
  await expect(step(7).locator('.step__answer')).toHaveText(`Closure letter made on ${daysAgo(0)}; client not yet informed`)
  await expect(step(7)).toContainText('Now')
  await steps.change('Closure checklist')
  await steps.answer('Has the client been informed of the closure of the case?', 'Yes')
  await steps.save('Closure checklist')
  await expect(step(7)).toContainText('Done')
  await expect(step(7).locator('.step__answer')).toHaveText(`Yes. Closure letter made on ${daysAgo(0)}`)
  await expect(step(8)).toContainText('Now')
  await screenshot(page, testInfo, 'tool4-answers')
  await expectAccessible(page, 'Tool 4 with its answers')
})

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { casework } from './casework'

// Chromium on a profile folder of its own, written to disk as a laptop's is.
test.use({ chromeProfile: true })

/** A client's name no other test types, to look for byte by byte. */
const CLIENT = 'Zebedee Quillfeather-Oyelaran'

/** Every file under a folder, with its bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .flatMap((entry) => {
      const path = join(entry.parentPath, entry.name)
      try {
        return [{ path, bytes: readFileSync(path) }]
      } catch {
        // A lock file or socket Chromium left: no bytes to read.
        return []
      }
    })
}

/** The files of the profile holding `text` in UTF-8 or UTF-16LE (how Chromium keeps a string with characters past Latin-1). */
function filesHolding(dir: string, text: string): string[] {
  const forms = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')]
  return filesUnder(dir)
    .filter(({ bytes }) => forms.some((form) => bytes.includes(form)))
    .map(({ path }) => path.slice(dir.length + 1))
}

const footerStatus = (page: Page) => page.getByRole('contentinfo').getByRole('status')

test('an unsaved referral leaves no word of the client on the laptop’s disk, and is still offered after Chromium starts again', async ({ app }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The profile folder read here is Chromium’s, in the browser mode.')
  const profile = app.chromeProfile!
  let page = await app.open()
  await casework(page).firstRun('Amina Okafor')

  // A referral half-typed and left unsaved.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Add a referral' }).click()
  await page.getByLabel('Client name').fill(CLIENT)
  await page.getByLabel("Referrer's name").fill('Ngozi Featherstonehaugh')
  await expect(footerStatus(page)).toContainText(`Not saved yet: 1 form (New referral for ${CLIENT})`)
  // What the window keeps is sealed: the entry is there, its text is not.
  await expect
    .poll(() => page.evaluate(() => Object.entries(localStorage).filter(([key]) => key.startsWith('homeward-draft:')).map(([, value]) => value.slice(0, 8))))
    .toEqual(['sealed1:'])
  expect(await page.evaluate((name) => Object.values(localStorage).some((value) => value.includes(name)), CLIENT)).toBe(false)

  // The window closed (its tab's mark as open goes, so a window opened later continues its typing),
  // then Chromium (it writes its local storage out to the profile as it closes): every byte read.
  await page.goto('about:blank')
  await profile.close()
  // The draft's entry reached the disk (so the look below finds what is there), its words did not.
  expect(filesHolding(profile.dir, 'homeward-draft:').length).toBeGreaterThan(0)
  expect(filesHolding(profile.dir, CLIENT)).toEqual([])
  expect(filesHolding(profile.dir, 'Quillfeather')).toEqual([])
  expect(filesHolding(profile.dir, 'Featherstonehaugh')).toEqual([])

  // Chromium again, on the same profile: the referral is offered by name, and continues.
  page = await profile.reopen()
  if (await page.getByRole('heading', { name: 'Sign in' }).isVisible()) await signIn(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Add a referral' }).click()
  await expect(page.getByText(`You have an unsaved referral for ${CLIENT} — continue it or discard it.`)).toBeVisible()
  await screenshot(page, testInfo, 'sealed-draft-offered-after-restart')
  await expectAccessible(page, 'the new referral page offering a sealed draft')

  // Locked and signed in again: still there (the lock took the key from the window, not the draft).
  await page.getByRole('button', { name: 'Lock' }).click()
  await signIn(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Add a referral' }).click()
  await page.getByRole('button', { name: `Continue the referral for ${CLIENT}` }).click()
  await expect(page.getByLabel('Client name')).toHaveValue(CLIENT)
  await expect(page.getByLabel("Referrer's name")).toHaveValue('Ngozi Featherstonehaugh')

  // A draft an older version left in plain text, found at the next sign-in: sealed in place, and offered.
  await page.getByRole('button', { name: 'Lock' }).click()
  const person = await page.evaluate(() => Object.keys(localStorage).find((key) => key.startsWith('homeward-draft:'))!.split(':')[1])
  await page.evaluate(
    ([key, name]) => localStorage.setItem(key!, JSON.stringify({ label: 'New referral', value: { clientName: name } })),
    [`homeward-draft:${person}:new-referral:older-version`, 'Wilhelmina Older-Version'],
  )
  await signIn(page)
  await expect(page.getByText('You have an unsaved referral for Wilhelmina Older-Version — continue it or discard it.')).toBeVisible()
  expect(await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((key) => key.endsWith('new-referral:older-version'))!)!.startsWith('sealed1:'))).toBe(true)
})

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openWorkspace } from '../../src/main/core/workspace'
import { markedJpeg } from '../support/fixtures'
import { tempDir } from '../support/temp-dir'
import { choosePin, expect, expectAccessible, screenshot, signIn, test } from './app'
import { casework, daysAgo } from './casework'
import { homeward, serve, stop } from './team-server'

const OFFLINE_NOTE = 'Phoned his sister in Bradford while the server was down.'

test('a manager creates the team and gives a colleague a join code for her laptop; a case arrives, a lost laptop is revoked, and work done offline is sent later', async ({ app, colleague }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The team server is the same for both; this runs once, in the browser mode.')
  test.setTimeout(240_000)
  const dirs = tempDir('team-e2e')
  let server = await serve(join(dirs.path, 'server-data'))
  try {
    const ws = await openWorkspace({ dataDir: app.dataDir })
    ws.team.setProfile({ name: 'Derek Hall' })
    await ws.close()

    const page = await app.open()
    await signIn(page)
    const footer = page.locator('.footer')
    await expect(footer).toContainText('Not in a team: cases stay on this laptop')
    await page.getByRole('link', { name: 'Team settings' }).first().click()
    await expect(page.getByRole('heading', { name: 'Your team', exact: true })).toBeVisible()
    await expectAccessible(page, 'the team settings, not in a team')

    // A wrong setup code is refused with the reason; nothing changes.
    await page.getByText('Create the team (managers, once, on a new server)').click()
    const create = page.getByRole('form', { name: 'Create the team' })
    await create.getByLabel('Team server address').fill(server.url)
    await create.getByLabel('Setup code').fill('AAAAA-BBBBB-CCCCC')
    await create.getByLabel('The team’s name').fill('Safe Connections North')
    await create.getByRole('button', { name: 'Create the team' }).click()
    await expect(page.getByRole('alert')).toContainText('setup code is not right')
    await screenshot(page, testInfo, 'team-create-refused')

    // The team's first code is for a caseworker's laptop, anyone's.
    await create.getByLabel('Setup code').fill(server.setupCode!)
    await create.getByRole('button', { name: 'Create the team' }).click()
    await expect(footer).toContainText('Synced with the team')
    const firstCode = page.getByRole('region', { name: 'Join code for anyone’s laptop' })
    await expect(firstCode).toContainText('Caseworker')
    const joinCode = (await firstCode.locator('.join-code').textContent())!.trim()
    expect(joinCode).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}$/)

    // A code for Amina's laptop, as a caseworker: for one laptop, for a week.
    const codeForm = page.getByRole('form', { name: 'Join code for a laptop' })
    await codeForm.getByLabel('Whose laptop is it?').fill('Amina Okafor')
    await codeForm.getByLabel('Caseworker').check()
    await codeForm.getByRole('button', { name: 'Get a join code' }).click()
    const aminasCard = page.getByRole('region', { name: 'Join code for Amina Okafor’s laptop' })
    await expect(aminasCard).toContainText('Caseworker')
    await expect(aminasCard).toContainText(/Once, for one laptop, until \d\d\/\d\d\/\d{4} at \d\d:\d\d/)
    const aminasCode = (await aminasCard.locator('.join-code').textContent())!.trim()
    await expect(page.getByRole('table', { name: 'The team’s people' }).getByRole('row', { name: /Derek Hall \(you\)/ })).toContainText('Team manager')
    await screenshot(page, testInfo, 'team-manager-join-code')
    await expectAccessible(page, 'the team settings, a join code shown')

    // On her laptop Amina gave only her first name: joining makes it Amina Okafor's, a caseworker's.
    const hers = await colleague.open()
    await hers.getByLabel('Your name').fill('Amina')
    await choosePin(hers)
    await hers.getByRole('button', { name: 'Continue' }).click()
    await hers.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team settings' }).click()
    const joinForm = hers.getByRole('form', { name: 'Join your team' })
    await joinForm.getByLabel('Team server address').fill(server.url)
    await joinForm.getByLabel('Join code').fill(aminasCode)
    await joinForm.getByLabel('This laptop’s name (optional)').fill('Amina’s laptop')
    await joinForm.getByRole('button', { name: 'Join the team' }).click()
    await expect(hers.locator('.masthead__person')).toContainText('Signed in as Amina OkaforCaseworker')
    await expect(hers.locator('.footer')).toContainText('Synced with the team')
    const people = hers.getByRole('table', { name: 'The team’s people' })
    await expect(people.getByRole('row', { name: /Amina Okafor \(you\)/ })).toContainText('Caseworker')
    await expect(people.getByRole('row', { name: /Derek Hall/ })).toContainText('Team manager')
    await expect(hers.getByRole('form', { name: 'Join code for a laptop' })).toHaveCount(0)
    await screenshot(hers, testInfo, 'team-caseworker')
    await expectAccessible(hers, 'the team settings, a caseworker’s laptop')

    // On a team's laptop, a scan taken off a case stays the team's until a manager removes it.
    const herSteps = casework(hers)
    await herSteps.addReferral({ name: 'Ana Pereira', born: '03/02/1979', referrer: 'Sam Reed', team: 'Camden Outreach' })
    const caseId = /#\/cases\/([^/?]+)/.exec(hers.url())![1]!
    await hers.goto(hers.url().replace(/#.*$/, `#/cases/${caseId}/documents`))
    const scan = join(dirs.path, 'id-card.jpg')
    writeFileSync(scan, markedJpeg(1))
    await hers.locator(`#attach-files-${caseId}`).setInputFiles(scan)
    await hers.getByLabel('What it is').selectOption('identity')
    await hers.getByLabel('Date of the document').fill(daysAgo(3))
    await herSteps.answer('The client agrees it goes in the presentation pack', 'No')
    await hers.getByRole('button', { name: 'Attach this document' }).click()
    await expect(hers.getByRole('status').filter({ hasText: 'Added: id-card.jpg' })).toBeVisible()
    const scans = hers.getByRole('table', { name: 'Scanned documents, in the order they go in the pack' })
    await scans.getByRole('button', { name: 'Remove id-card.jpg' }).click()
    await expect(scans.getByRole('group', { name: 'Take id-card.jpg off this case?' })).toContainText('Its file stays with the team until a manager removes it from the team.')
    await screenshot(hers, testInfo, 'team-scan-take-off')
    await scans.getByRole('button', { name: 'Yes, take id-card.jpg off the case' }).click()
    await expect(hers.getByText('id-card.jpg was taken off the case. The file stays with the team until a manager removes it from the team.')).toBeVisible()
    await expect(hers.locator('.footer')).toContainText('Synced with the team')
    await colleague.quit()

    // Her code was for one laptop: the server refuses it a second time.
    const again = homeward('join', '--server', server.url, '--code', aminasCode, '--data', join(dirs.path, 'again'))
    expect(again.code).not.toBe(0)
    expect(again.err).toContain('That join code is not right, has been used, or has expired.')

    // A colleague's laptop joins with the first code (from the command line here) and adds a case: it appears.
    const laptop = join(dirs.path, 'laptop')
    const joined = homeward('join', '--server', server.url, '--code', joinCode, '--device-name', 'Spare laptop', '--data', laptop, '--json')
    expect(joined.err).toBe('')
    const referral = join(dirs.path, 'referral.json')
    writeFileSync(referral, JSON.stringify({ clientName: 'Łukasz Wiśniewski', dateOfBirth: '1984-05-17', chainNumber: '123456', referrerName: 'Sam Reed', outreachTeam: 'Tower Hamlets Outreach' }))
    expect(homeward('case', 'add', '--json-file', referral, '--data', laptop).code).toBe(0)
    expect(homeward('sync', '--once', '--data', laptop).code).toBe(0)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click()
    await expect(page.getByRole('link', { name: 'Łukasz Wiśniewski' })).toBeVisible()

    // The manager revokes the lost laptop: it is refused from then on.
    await page.getByRole('link', { name: 'Team settings' }).first().click()
    const devices = page.getByRole('table', { name: 'The team’s laptops' })
    await expect(devices.getByRole('row', { name: /Amina’s laptop/ })).toContainText('Amina Okafor, Caseworker')
    await expect(devices.getByRole('row', { name: /Spare laptop/ })).toBeVisible()
    await screenshot(page, testInfo, 'team-in-team')
    await expectAccessible(page, 'the team settings, in a team')
    await devices.getByRole('button', { name: 'Revoke Spare laptop' }).click()
    await page.getByRole('button', { name: 'Yes, revoke Spare laptop' }).click()
    await expect(devices.getByRole('row', { name: /Spare laptop/ })).toContainText('Revoked')
    const refused = homeward('sync', '--once', '--data', laptop)
    expect(refused.code).toBe(1)
    // Told so with the server's proof, the revoked laptop deletes the team's data and says so.
    expect(refused.err).toMatch(/taken off the team on .* The team's data on it was deleted/)

    // The server goes away: work goes on, counted as not yet sent, and goes once it is back.
    const port = Number(new URL(server.url).port)
    await stop(server.process)
    await expect(footer).toContainText(/Offline|Reconnecting/)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click()
    await page.getByRole('link', { name: 'Łukasz Wiśniewski' }).click()
    await page.getByRole('link', { name: /Contact log/ }).click()
    await page.getByLabel('Type of contact').selectOption('phone')
    await page.getByLabel('Note', { exact: true }).fill(OFFLINE_NOTE)
    await page.getByRole('button', { name: 'Add note' }).click()
    await expect(footer).toContainText(/not yet sent/)
    await screenshot(page, testInfo, 'team-offline')
    server = await serve(join(dirs.path, 'server-data'), port)
    expect(server.setupCode).toBeNull()
    await expect(footer).toContainText('Synced with the team', { timeout: 20_000 })
    await expect(footer).not.toContainText('not yet sent')


    // A new laptop joining now receives the case with the note written offline.
    await page.getByRole('link', { name: 'Team settings' }).first().click()
    const issue = async (forWhom: string) => {
      const form = page.getByRole('form', { name: 'Join code for a laptop' })
      await form.getByLabel('Whose laptop is it?').fill(forWhom)
      await form.getByRole('button', { name: 'Get a join code' }).click()
      const card = page.getByRole('region', { name: `Join code for ${forWhom}’s laptop` })
      return (await card.locator('.join-code').textContent())!.trim()
    }
    const newCode = await issue('Priya Shah')
    const another = join(dirs.path, 'another')
    expect(homeward('join', '--server', server.url, '--code', newCode, '--data', another).code).toBe(0)
    expect(homeward('sync', '--once', '--data', another).code).toBe(0)
    const listed = (JSON.parse(homeward('case', 'list', '--data', another, '--json').out) as { id: string; clientName: string }[]).find(
      (listedCase) => listedCase.clientName === 'Łukasz Wiśniewski',
    )
    const shown = JSON.parse(homeward('case', 'show', listed!.id, '--data', another, '--json').out) as { notes: { text: string }[] }
    expect(shown.notes.map((note) => note.text)).toContain(OFFLINE_NOTE)

    // Apart, a third laptop takes the same referral before it first syncs: the case list marks
    // both cases, the case says why, and the manager merges the two.
    const thirdCode = await issue('Jo Byrne')
    const third = join(dirs.path, 'third')
    expect(homeward('join', '--server', server.url, '--code', thirdCode, '--data', third).code).toBe(0)
    writeFileSync(referral, JSON.stringify({ clientName: 'Lukasz Wisniewski', dateOfBirth: '1984-05-17', chainNumber: '123456', referrerName: 'Jo Byrne', outreachTeam: 'Camden Outreach' }))
    expect(homeward('case', 'add', '--json-file', referral, '--data', third).code).toBe(0)
    expect(homeward('sync', '--once', '--data', third).code).toBe(0)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click()
    const marked = page.getByRole('row').filter({ hasText: 'Possible duplicate' })
    await expect(marked).toHaveCount(2, { timeout: 20_000 })
    await screenshot(page, testInfo, 'duplicate-list')
    await page.getByRole('link', { name: 'Łukasz Wiśniewski' }).click()
    const banner = page.getByRole('region', { name: 'Possible duplicate' })
    await expect(banner).toContainText('This may be the same person as another open case.')
    await screenshot(page, testInfo, 'duplicate-banner')
    await expectAccessible(page, 'a case with a possible duplicate')
    await banner.getByRole('button', { name: /^Merge into this case/ }).click()
    await banner.getByRole('button', { name: 'Merge it into this case' }).click()
    await expect(banner).toBeHidden()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click()
    await expect(page.getByRole('link', { name: 'Lukasz Wisniewski' })).toBeVisible()
    await expect(marked).toHaveCount(0)
  } finally {
    await stop(server.process)
    dirs.remove()
  }
})

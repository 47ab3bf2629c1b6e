import { join } from 'node:path'
import { openWorkspace } from '../../src/main/core/workspace'
import { agendaInOrder, readMeeting, recordDiscussion } from '../../src/shared/meeting/meeting-doc'
import { pdfText, qpdfCheck } from '../support/pdf-tools'
import { referral } from '../support/people'
import { tempDir } from '../support/temp-dir'
import { expect, expectAccessible, screenshot, signIn, test } from './app'
import { run, serve } from './team-server'

test('a caseworker’s laptop shows a meeting’s restricted and erased cases without a name or a word said about them, in the window and the minutes', async ({ colleague }, testInfo) => {
  test.skip(testInfo.project.name === 'electron', 'The team server is the same for both; this runs once, in the browser mode.')
  // Seven command-line runs and two workspace opens, each deriving the workspace key: slow on a busy machine.
  test.setTimeout(300_000)
  const dirs = tempDir('meeting-withheld-e2e')
  const server = await serve(join(dirs.path, 'server-data'))
  try {
    // The manager's laptop: three new referrals, and a meeting that discussed each.
    const manager = join(dirs.path, 'manager')
    run('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', manager)
    let ws = await openWorkspace({ dataDir: manager })
    const restricted = await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '918273' }))
    const erased = await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await ws.cases.create(referral({ clientName: 'Dylan Price', chainNumber: '987654', dateOfBirth: '1985-05-05' }))
    const meetingId = await ws.meetings.start()
    const agenda = agendaInOrder(readMeeting((await ws.meetings.open(meetingId)).doc()))
    await ws.meetings.change(meetingId, (doc) => {
      for (const item of agenda) recordDiscussion(doc, item.id, 'discussion', `${item.title} wants to go home to Leeds.`)
    })
    await ws.close()
    run('sync', '--once', '--data', manager)
    const code = (JSON.parse(run('team', 'join-code', '--for', 'Amina Okafor', '--role', 'caseworker', '--data', manager, '--json')) as { joinCode: string }).joinCode
    run('join', '--server', server.url, '--code', code, '--data', colleague.dataDir)
    run('sync', '--once', '--data', colleague.dataDir)

    // The manager keeps one case to themselves, and erases the other.
    ws = await openWorkspace({ dataDir: manager })
    await ws.restrictedCases.restrict(restricted, [])
    await ws.erasedCases.erase(erased, 'The client asked to be forgotten')
    await ws.close()
    run('sync', '--once', '--data', manager)
    run('sync', '--once', '--data', colleague.dataDir)

    const page = await colleague.open()
    await signIn(page)
    await page.goto(`${page.url().split('#')[0]}#/meetings/${meetingId}`)
    // The server rebuilt the meeting without the erased case's words (and history): the page follows it to its new id.
    await expect(page).not.toHaveURL(new RegExp(meetingId))
    await expect(page).toHaveURL(/#\/meetings\/\w+$/)
    const items = page.getByRole('navigation', { name: 'Agenda' }).getByRole('listitem')
    await expect(items).toHaveCount(3)
    expect((await items.allTextContents()).join(' ')).not.toMatch(/Zofia|Wiśniewska|Aoife|Byrne/)
    await page.getByRole('button', { name: 'Restricted case', exact: true }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Restricted case' })).toBeVisible()
    await expect(page.getByText('This case is restricted to named people: its name and what the meeting said about it are not shown on this laptop.')).toBeVisible()
    await expect(page.getByLabel('Discussion')).toHaveCount(0)
    await expect(page.getByLabel('Discussed')).toBeVisible()
    await expectAccessible(page, 'a meeting’s restricted case')
    await screenshot(page, testInfo, 'meeting-restricted-case')
    await page.getByRole('button', { name: 'Erased case', exact: true }).click()
    await expect(page.getByText('This case has been erased: what the meeting said about it is no longer kept.')).toBeVisible()
    await screenshot(page, testInfo, 'meeting-erased-case')
    await expect(page.locator('body')).not.toContainText(/Zofia|Wiśniewska|Aoife|Byrne/)

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download draft minutes (PDF)' }).click()
    const pdf = testInfo.outputPath('minutes.pdf')
    await (await download).saveAs(pdf)
    expect(qpdfCheck(pdf)).toBe('')
    const text = pdfText(pdf).replace(/\s+/g, ' ')
    expect(text).not.toMatch(/Zofia|Wiśniewska|Aoife|Byrne/)
    expect(text).toContain('Dylan Price wants to go home to Leeds.')
  } finally {
    server.process.kill('SIGTERM')
    dirs.remove()
  }
})

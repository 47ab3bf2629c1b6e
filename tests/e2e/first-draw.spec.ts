import { openWorkspace } from '../../src/main/core/workspace'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import { expect, signIn, test } from './app'

test("the board opened afresh is drawn at once with its rows when the start's answers came before the app's code: never “Opening Homeward…” or “Loading the board…” first", async ({ app }) => {
  const ws = await openWorkspace({ dataDir: app.dataDir })
  ws.team.setProfile({ name: 'Amina Okafor' })
  await seedWorkspace(ws, { cases: 40, seed: 3 })
  await ws.close()

  const page = await app.open()
  await signIn(page)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Caseload board' }).click()
  await expect(page.locator('table.board tbody tr').first()).toBeVisible()

  // Every text the window shows, from the page's first byte until the board's first row.
  await page.addInitScript(() => {
    const shown: string[] = []
    Object.assign(globalThis, { __shown: shown })
    const observer = new MutationObserver(() => {
      const root = document.getElementById('root')
      if (root?.textContent) shown.push(root.textContent.slice(0, 200))
      const rows = document.querySelectorAll('table.board tbody tr').length
      if (rows === 0) return
      Object.assign(globalThis, { __firstRows: rows })
      observer.disconnect()
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true })
  })
  // The app's code held back until the board's start has come: on a fast laptop it comes first.
  let startCame: () => void = () => undefined
  const came = new Promise<void>((resolve) => (startCame = resolve))
  page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => String(payload).includes('"counts":{') && startCame()))
  await page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
    await came
    await route.continue()
  })
  await page.reload()
  await expect(page.locator('table.board tbody tr').first()).toBeVisible()
  const shown = await page.evaluate(() => (globalThis as unknown as { __shown: string[] }).__shown)
  expect(shown.length).toBeGreaterThan(0)
  expect(shown.filter((text) => /Opening Homeward|Loading the board/.test(text))).toEqual([])
  // The first thing drawn is the board itself, its count beside its heading: a window's worth of
  // its rows, and every one of them the frame after.
  expect(shown[0]).toMatch(/Caseload board\d+ open cases/)
  expect(await page.evaluate(() => (globalThis as unknown as { __firstRows: number }).__firstRows)).toBe(20)
  const all = Number(/Showing all (\d+) cases/.exec((await page.getByRole('status').filter({ hasText: 'Showing all' }).textContent()) ?? '')?.[1])
  expect(all).toBeGreaterThan(20)
  await expect(page.locator('table.board tbody tr')).toHaveCount(all)
  await expect(page.getByRole('heading', { level: 2, name: 'Caseloads' })).toBeVisible()
})

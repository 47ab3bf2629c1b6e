/**
 * `npm run bench -- board`: the caseload board on a team-sized and an area-sized caseload (5,000
 * and 30,000 cases; BENCH_SIZES=5000,30000 changes them), each figure beside its peer:
 * - the board served from the index (the index query alone, and the whole `board()` call with the
 *   caseloads, each first as it reads the index and then again with what was read kept), beside
 *   building the same rows by opening every case's Automerge document, as an app without an index
 *   would;
 * - time to first render of the board in Chromium (the browser mode): from opening the page afresh
 *   until the first row is on screen, and from a click on "Caseload board" in the app's menu, as a
 *   caseworker mostly opens it; median and p95 over several loads;
 * - the memory the app holds: the core's process with the board open (resident, and its peak),
 *   the page's JavaScript heap, and what opening every document adds to a process.
 * Cases are the benches' caseload (`caseload.ts`). BENCH_KEEP=DIR keeps the seeded workspaces in
 * DIR and uses them again on the next run (for profiling). Not a test: nothing passes or fails.
 *
 * Until 2026-12-01 this bench opened the kept workspace's index without its key: the encrypted
 * file read as no database and was replaced by an empty one, so the "first read" timed an empty
 * table and the browser mode then rebuilt the index from every document. It opens it with the key.
 * Quiet run (2026-12-01, the 2-core machine with nothing else running, workspaces kept):
 *   5,000 cases (3,383 on the board): the index's first read 57 ms; board() first call 115 ms,
 *   again 0.5 ms; opening every document 13.0 s (114×); first row in Chromium, page opened afresh
 *   309 ms (p95 375), from the menu 146 ms (188); the core 208 MB resident.
 *   30,000 cases (20,300 on the board): first read 413 ms; board() first call 714 ms, again 6 ms;
 *   opening every document 82.7 s (116×); first row, page opened afresh 623 ms (908), from the menu
 *   288 ms (378); the core 368 MB resident, 625 MB at its peak. (This bench opens each page in a
 *   fresh browser context, which keeps no compiled code; `board-first-row` keeps its profile.)
 */
import { readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { openWorkspace } from '../../src/main/core/workspace'
import { CaseIndex } from '../../src/main/core/index/case-index'
import { SqliteStorageAdapter } from '../../src/main/core/storage/sqlite-adapter'
import { readStoredDocument } from '../../src/main/core/storage/stored-documents'
import { openWorkspaceStore, workspaceFiles } from '../../src/main/core/storage/workspace-files'
import { unlockWorkspaceKey } from '../../src/main/core/storage/workspace-key'
import { boardFacts, boardRow, onTheBoard } from '../../src/shared/board/board'
import { readCase, type CaseDoc, type CaseRecord } from '../../src/shared/case/case-doc'
import { summariseCase } from '../../src/shared/case/summary'
import { TEST_PASSPHRASE } from '../support/passphrase'
import { browserMode, signIn, stop } from './browser-mode'
import { seededWorkspace, step, TODAY } from './caseload'
import { measure, median, printTable, type Timings } from './measure'

const SIZES = (process.env.BENCH_SIZES ?? '5000,30000').split(',').map(Number)
const PAGE_LOADS = 7

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

/** A process's resident memory now and at its peak (Linux), in bytes. */
function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024
  return { rss: kb('VmRSS'), peak: kb('VmHWM') }
}

/**
 * Builds the board's rows by opening every case's document, as an app without an index would.
 * Each is read from disk and freed once read (as the index rebuild reads them): holding 30,000 open in the
 * repo would take gigabytes (about 190 KB each, measured on 1,000) and time no less.
 */
async function rowsFromEveryDocument(dataDir: string, ids: string[]): Promise<number> {
  // The workspace is encrypted, as every workspace is, under the tests' passphrase (caseload.ts).
  const store = openWorkspaceStore(dataDir, { key: unlockWorkspaceKey(dataDir, TEST_PASSPHRASE) })
  const storage = new SqliteStorageAdapter(store)
  let rows = 0
  for (const id of ids) {
    const record = (await readStoredDocument<CaseDoc, CaseRecord>(storage, id, readCase))!
    // The board's own rule: open cases, and closed ones while a follow-up check is due.
    if (onTheBoard(boardRow(summariseCase(id, record), boardFacts(record), TODAY))) rows++
  }
  store.close()
  return rows
}


/** Run in the page: its clock once the board's first row is in the document. */
function firstRowShown(): number | false {
  // This file is typed for Node; the function runs in the page, which has a document.
  const { document } = globalThis as unknown as { document: { querySelector(selector: string): unknown } }
  return document.querySelector('table.board tbody tr') ? performance.now() : false
}


interface SizeFigures {
  cases: number
  boardRows: number
  timings: Timings[]
  memory: string[]
}

async function benchSize(count: number): Promise<SizeFigures> {
  const dir = await seededWorkspace('board', count)
  try {
    const workspace = await openWorkspace({ dataDir: dir.path, now: () => new Date(`${TODAY}T10:00:00Z`) })
    // The index and the core keep what they read until the index changes (the board's start, the
    // whole board and My tasks share one read), so the first call, which reads, is timed apart.
    let reading = performance.now()
    const boardRows = workspace.cases.board().rows.length
    const firstBoard = performance.now() - reading
    const ids = workspace.cases.list().map((summary) => summary.id)
    // With the workspace's key: opened without it, the encrypted index reads as no database, is
    // replaced by an empty one (it is derived data), and the browser mode below rebuilt it from
    // every document (minutes at 30,000 cases) while the "first read" timed an empty table.
    const index = CaseIndex.open(workspaceFiles(dir.path).index, { key: unlockWorkspaceKey(dir.path, TEST_PASSPHRASE) })
    const timings: Timings[] = []
    reading = performance.now()
    index.openCasesForBoard()
    timings.push({ name: `${count}: index query (open cases, board facts), first read`, runs: [performance.now() - reading] })
    timings.push(await measure(`${count}: index query again, the index unchanged (kept)`, 20, async () => index.openCasesForBoard()))
    index.close()
    timings.push({ name: `${count}: board() from the index, with caseloads, first call`, runs: [firstBoard] })
    timings.push(await measure(`${count}: board() again, the index unchanged (rows kept)`, 20, async () => workspace.cases.board()))
    await workspace.close()

    step('opening every document')
    // Once: it takes minutes at 30,000.
    const before = process.memoryUsage().rss
    const started = performance.now()
    const peerRows = await rowsFromEveryDocument(dir.path, ids)
    timings.push({ name: `${count}: PEER board by opening every document (once)`, runs: [performance.now() - started] })
    const heldByDocuments = process.memoryUsage().rss - before
    if (peerRows !== boardRows) throw new Error(`the two ways disagree: ${peerRows} rows against ${boardRows}`)

    step('first render in Chromium')
    const { child, url } = await browserMode(dir.path)
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' })
    try {
      const page = await browser.newPage({ locale: 'en-GB', timezoneId: 'Europe/London' })
      await page.goto(url)
      await signIn(page)
      const boardUrl = `${new URL(url).origin}/#/board`
      const firstRow = async () => {
        await page.goto('about:blank')
        await page.goto(boardUrl)
        // Polled each frame: the page's own clock at the first frame the first row is in.
        return (await page.waitForFunction(firstRowShown, undefined, { polling: 'raf', timeout: 60_000 })).jsonValue()
      }
      // As a caseworker mostly opens it: the app already open on another page, a click on the board.
      const boardLink = page.getByRole('link', { name: 'Caseload board' })
      const fromTheMenu = async () => {
        await page.goto('about:blank')
        await page.goto(`${new URL(url).origin}/#/meetings`)
        await page.getByRole('heading', { level: 1, name: 'Case review meetings' }).waitFor()
        const clicked = await page.evaluate(() => performance.now())
        await boardLink.click()
        return Number(await (await page.waitForFunction(firstRowShown, undefined, { polling: 'raf', timeout: 60_000 })).jsonValue()) - clicked
      }
      const loads: number[] = []
      const clicks: number[] = []
      await firstRow()
      for (let i = 0; i < PAGE_LOADS; i++) loads.push(Number(await firstRow()))
      await fromTheMenu()
      for (let i = 0; i < PAGE_LOADS; i++) clicks.push(await fromTheMenu())
      timings.push({ name: `${count}: first board row in Chromium, page opened afresh`, runs: loads })
      timings.push({ name: `${count}: first board row in Chromium, from the menu`, runs: clicks })
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Performance.enable')
      const { metrics } = await cdp.send('Performance.getMetrics')
      const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0
      const core = processMemory(child.pid!)
      return {
        cases: count,
        boardRows,
        timings,
        memory: [
          `the core (browser mode) with the board open: ${mb(core.rss)} resident, ${mb(core.peak)} at its peak`,
          `the board page's JavaScript heap: ${mb(heap)}`,
          `opening every document (each let go after) grew the process that read them by ${mb(heldByDocuments)}`,
        ],
      }
    } finally {
      await browser.close()
      await stop(child)
    }
  } finally {
    dir.remove()
  }
}

/** Printed as each size is done: the 30,000-case run takes half an hour. */
function print(size: SizeFigures): void {
  console.log(`\n${size.cases} cases (${size.boardRows} on the board)`)
  printTable(size.timings)
  const index = median(size.timings.find((t) => t.name.includes('board() from the index'))!.runs)
  const peer = size.timings.find((t) => t.name.includes('PEER'))!.runs[0]!
  console.log(`opening every document takes ${(peer / index).toFixed(0)}× the board from the index (its first call, which reads the index)`)
  for (const line of size.memory) console.log(line)
}

for (const size of SIZES) print(await benchSize(size))

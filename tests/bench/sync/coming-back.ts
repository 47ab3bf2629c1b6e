/**
 * `npm run bench -- sync coming-back` (part of `npm run bench -- sync`): Homeward's sync server beside
 * the stock automerge-repo sync server, in the same run, on the same cases (a referral, 40 notes and
 * 10 actions each):
 * - one edit reaching a second connected laptop: median and 95th percentile;
 * - a laptop holding 5,000 cases coming back after 20 changed elsewhere: time and bytes;
 * - each server's peak memory (its process's high-water mark).
 * (A fresh laptop receiving its cases is the fresh-laptop part.) Bytes are counted by a TCP relay
 * in front of each server. Not a test: nothing passes or fails. BENCH_CASES and BENCH_BIG change
 * the two case counts; it seeds everything afresh each run (the stock server's part takes most of
 * half an hour at full size).
 */
import { join } from 'node:path'
import { useTestPassphrase } from '../../support/passphrase'
import * as Automerge from '@automerge/automerge'
import type { DocHandle, DocumentId } from '@automerge/automerge-repo'
import { openWorkspace } from '../../../src/main/core/workspace'
import { createTeam, joinTeam } from '../../../src/main/core/sync/team-setup'
import type { CaseDoc } from '../../../src/shared/case/case-doc'
import * as change from '../../../src/shared/case/changes'
import { AMINA, DEREK } from '../../support/people'
import { RepoServerLink, startStockSyncServer } from '../../support/repo-server'
import { tempDir } from '../../support/temp-dir'
import { joinCodeFrom } from '../../support/sync-team'
import { median, percentile } from '../measure'
import { arrival, CONTEXT, homewardServer, peakMemoryMb, realisticCase, relay, timed } from './common'

useTestPassphrase()

const CASES = Number(process.env.BENCH_CASES ?? 1000)
const BIG = Number(process.env.BENCH_BIG ?? 5000)
const CHANGED = 20
const EDITS = 30
/** How long the stock peer is given to bring back the changed cases before the bench goes on. */
const BACK_LIMIT_MS = 300_000

export async function run(): Promise<void> {
const dir = tempDir('bench-sync')
const results: Record<string, { homeward: number; stock: number; unit: string }> = {}
const record = (name: string, unit: string, homeward: number, stock: number) => (results[name] = { homeward, stock, unit })
const open = (name: string, user = AMINA) => openWorkspace({ dataDir: join(dir.path, name), user })

try {
  console.log(`Making ${CASES} cases of realistic size (a referral, 40 notes, 10 actions)…`)
  const templates = Array.from({ length: 25 }, (_, i) => realisticCase(i))
  const docs = (count: number) => Array.from({ length: count }, (_, i) => templates[i % templates.length]!)
  console.log(`A case is ${(Automerge.save(templates[0]!).length / 1024).toFixed(1)} KB saved.`)

  const step = (what: string) => process.stderr.write(`… ${what}\n`)
  // ——— Homeward ———
  step('Homeward: the office uploads')
  const hwServer = await homewardServer(join(dir.path, 'hw-server'))
  const hwRelay = await relay(hwServer.url)
  const office = await open('hw-office', DEREK)
  await createTeam(office, { server: hwRelay.url, setupCode: hwServer.setupCode, name: 'Bench' })
  const caseIds = await office.cases.addMany(docs(CASES))
  await office.sync.syncOnce()

  step('Homeward: a second laptop joins')
  const fresh = await open('hw-fresh')
  await joinTeam(fresh, { server: hwRelay.url, code: await joinCodeFrom(office, { for: AMINA.name }) })
  await fresh.sync.syncOnce()

  // One edit reaching a second connected laptop.
  step('Homeward: edits')
  office.sync.start()
  fresh.sync.start()
  while (office.sync.status().state !== 'connected' || fresh.sync.status().state !== 'connected') await new Promise((r) => setTimeout(r, 20))
  const edited = caseIds[0]!
  const hwTarget = await fresh.cases.open(edited)
  const hwEdits: number[] = []
  for (let i = 0; i < EDITS; i++) {
    const started = performance.now()
    await office.cases.change(edited, (doc, context) => change.updateSection(doc, 'referral', { referrerName: `Referrer ${i}` }, context))
    await arrival(hwTarget as DocHandle<unknown>, Automerge.getHeads((await office.cases.open(edited)).doc()))
    hwEdits.push(performance.now() - started)
  }
  await fresh.sync.stop()
  await office.sync.stop()
  await fresh.close()

  // A laptop holding BIG cases comes back after 20 changed elsewhere.
  step(`Homeward: a laptop with ${BIG} cases comes back`)
  const more = await office.cases.addMany(docs(BIG - CASES))
  await office.sync.syncOnce()
  const holder = await open('hw-holder')
  await joinTeam(holder, { server: hwRelay.url, code: await joinCodeFrom(office, { for: AMINA.name }) })
  await holder.sync.syncOnce()
  const allIds = [...caseIds, ...more]
  for (let i = 0; i < CHANGED; i++) {
    await office.cases.change(allIds[(i * 97) % allIds.length]!, (doc, context) => change.updateSection(doc, 'referral', { referrerName: `Changed ${i}` }, context))
  }
  await office.sync.syncOnce()
  // Coming back is a new session here too.
  await holder.close()
  const holderAgain = await open('hw-holder')
  hwRelay.reset()
  const hwBack = await timed(() => holderAgain.sync.syncOnce())
  const hwBackBytes = hwRelay.bytes()
  const hwPeak = peakMemoryMb(hwServer.child)
  await holderAgain.close()
  await office.close()
  hwServer.child.kill('SIGTERM')
  // Printed now: the stock server's part takes far longer, and a run stopped in it keeps these.
  console.log(
    `Homeward: one edit to a second laptop ${median(hwEdits).toFixed(0)} ms median (p95 ${percentile(hwEdits, 95).toFixed(0)}); ` +
      `back after ${CHANGED} of ${BIG} changed in ${hwBack.ms.toFixed(0)} ms, ${(hwBackBytes / 1e6).toFixed(2)} MB; server peak ${hwPeak.toFixed(0)} MB`,
  )

  // ——— The stock automerge-repo sync server, same work ———
  step('stock: the office shares')
  const stock = await startStockSyncServer(join(dir.path, 'stock-data'))
  const stRelay = await relay(stock.url.replace(/^ws/, 'http'))
  const stockUrl = stRelay.url.replace(/^http/, 'ws')
  const source = await open('st-office', DEREK)
  const stIds = await source.cases.addMany(docs(CASES))
  const sourceLink = await RepoServerLink.connect(source.repo, stockUrl)
  await sourceLink.share([source.teamDocumentId, ...stIds])

  step('stock: a second laptop receives')
  const stFresh = await open('st-fresh')
  const stReceive = await timed(async () => {
    const link = await RepoServerLink.connect(stFresh.repo, stockUrl)
    await link.receive([source.teamDocumentId])
    return { link, ...(await link.receive(stIds)) }
  })
  const stUnavailable = stReceive.value.unavailable

  step('stock: edits')
  // A case the fresh laptop did receive.
  const stTarget = stReceive.value.handles[0]!
  const stSource = await source.repo.find<CaseDoc>(stTarget.documentId)
  const stEdits: number[] = []
  for (let i = 0; i < EDITS; i++) {
    const started = performance.now()
    stSource.change((doc) => change.updateSection(doc, 'referral', { referrerName: `Referrer ${i}` }, CONTEXT))
    await arrival(stTarget, Automerge.getHeads(stSource.doc()))
    stEdits.push(performance.now() - started)
  }
  stReceive.value.link.close()
  await stFresh.close()

  step(`stock: a laptop with ${BIG} cases comes back`)
  const stMore = await source.cases.addMany(docs(BIG - CASES))
  await sourceLink.share(stMore)
  const stAll = [...stIds, ...stMore]
  // The laptop starts with every case on its disk, written there directly: the stock server
  // cannot be relied on to deliver them (see the fresh laptop's unavailable documents).
  const stHolder = await open('st-holder')
  for (const id of stAll) stHolder.repo.import(Automerge.save((await source.repo.find<CaseDoc>(id as DocumentId)).doc()), { docId: id as DocumentId })
  await stHolder.flush()
  // Coming back is a new session, as for Homeward's laptop.
  await stHolder.close()
  const stHolderAgain = await open('st-holder')
  const changed = Array.from({ length: CHANGED }, (_, i) => stAll[(i * 97) % stAll.length]!)
  for (const [i, id] of changed.entries()) (await source.repo.find<CaseDoc>(id as DocumentId)).change((doc) => change.updateSection(doc, 'referral', { referrerName: `Changed ${i}` }, CONTEXT))
  await sourceLink.share(changed)
  const wanted = await Promise.all(changed.map(async (id) => Automerge.getHeads((await source.repo.find<CaseDoc>(id as DocumentId)).doc())))
  stRelay.reset()
  // automerge-repo syncs document by document: coming back, the laptop offers every one it holds.
  const stBack = await timed(async () => {
    const link = await RepoServerLink.connect(stHolderAgain.repo, stockUrl)
    const { handles } = await link.receive(stAll)
    const byId = new Map(handles.map((handle) => [handle.documentId as string, handle]))
    const arrived = await Promise.all(changed.map((id, i) => arrival(byId.get(id)!, wanted[i]!, BACK_LIMIT_MS)))
    return { link, missing: arrived.filter((done) => !done).length }
  })
  const stBackBytes = stRelay.bytes()
  const stPeak = peakMemoryMb(stock.process)
  stBack.value.link.close()
  sourceLink.close()
  await stHolderAgain.close()
  await source.close()
  await stock.stop()

  record(`one edit to a second laptop, median`, 'ms', median(hwEdits), median(stEdits))
  record(`one edit to a second laptop, p95`, 'ms', percentile(hwEdits, 95), percentile(stEdits, 95))
  record(`back after ${CHANGED} of ${BIG} changed: time`, 'ms', hwBack.ms, stBack.ms)
  record(`back after ${CHANGED} of ${BIG} changed: bytes`, 'MB', hwBackBytes / 1e6, stBackBytes / 1e6)
  record(`server peak memory`, 'MB', hwPeak, stPeak)
  for (const server of [hwRelay.server, stRelay.server]) server.close()

  const width = Math.max(...Object.keys(results).map((name) => name.length))
  console.log(`\n${'measure'.padEnd(width)}  ${'Homeward'.padStart(10)}  ${'stock'.padStart(10)}  ratio (Homeward / stock)`)
  for (const [name, { homeward, stock: other, unit }] of Object.entries(results)) {
    const show = (value: number) => `${value.toFixed(unit === 'MB' ? 2 : 0)} ${unit}`.padStart(10)
    console.log(`${name.padEnd(width)}  ${show(homeward)}  ${show(other)}  ${(homeward / other).toFixed(2)}`)
  }
  console.log(`\n(${hwBack.value.received} chunks received by the Homeward laptop coming back.)`)
  if (stUnavailable > 0) console.log(`(Through the stock server, the second laptop was told ${stUnavailable} of the ${CASES} cases were unavailable, and did not get them; its edits are timed on one it got.)`)
  if (stBack.value.missing > 0) console.log(`(Through the stock server, ${stBack.value.missing} of the ${CHANGED} changes had not arrived after ${BACK_LIMIT_MS / 1000} s, when it stopped waiting: the time shown includes that wait.)`)
} finally {
  dir.remove()
}
}

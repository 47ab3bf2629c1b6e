/**
 * `npm run bench -- sync under-load` (part of `npm run bench -- sync`): Homeward's sync server
 * under load, on a store of 5,000 cases of realistic size (a referral, 40 notes, 10 actions), each
 * figure beside its peer in the same run:
 * - the server's memory (its process's peak, VmHWM, and its resident size sampled every 50 ms)
 *   while 5 laptops catch up on all 5,000 cases at once and 8 more read very slowly, beside the
 *   server idle and one laptop catching up alone; target: under 300 MB;
 * - an edit on laptop 1 reaching laptop 2 (median, p95) while a sixth laptop joins and catches up
 *   on the 5,000 cases, beside the same edits with nothing else happening; target: p95 under 100 ms.
 *
 * Who is where. The server is the built `homeward serve`, a process of its own, so its memory is
 * its own. Laptops 1 and 2 are real workspaces in this process (idle but for the edits). The sixth
 * laptop is a real workspace in a child process (`joining-laptop.ts`), at a lower priority (nice
 * 10; in a team it is another computer): loading and indexing 5,000 cases blocks its event loop
 * for seconds at a time, and in this process that would delay laptop 2 taking the edit in,
 * measuring the bench rather than the server. A raw client in a process of its own
 * (`watching-laptop.ts`) times when the server sends each edit on, without laptop 2's part. The
 * 5 laptops of the memory figure are raw protocol clients that take everything as fast as it comes
 * and keep only counts: a real laptop reads no faster than it loads documents, so these load the
 * server more than laptops would, and 5 real workspaces loading 25,000 documents would take this
 * box many minutes. The slow readers read for 2 ms a second (the socket paused in between), as a
 * laptop on a bad line does.
 *
 * The store is seeded once (the office laptop uploads the cases, laptop 2 joins and receives them)
 * and, with BENCH_KEEP=DIR, kept in DIR/under-load-COUNT and copied afresh for each run. The server
 * listens on the port chosen when seeding: the laptops' memberships name it.
 * BENCH_CASES changes the count (default 5,000); BENCH_EDITS the edits of the quiet peer (40).
 *
 * Not a test: nothing passes or fails.
 *
 * What the profile showed (BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the
 * server; 1,000 cases, load average 13 to 20 on 2 cores). Of the server's busy time, most was
 * SQLite: each chunk read by its own prepared statement (`chunkAt`, ~0.2 ms a chunk under that
 * load), each upload's fsync (`addChunk`, ~15 ms: an acknowledged chunk must be on disk), and
 * `seen` (an fsync'd write per HTTP request). The latency came from how the reads were chained: a
 * fresh laptop's catch-up looked up every listed document for chunks older than since 0 (never
 * any) and the device's people for each, thousands of queries chained in microtasks with no turn
 * for other sockets (3 s of the profile), and each catch-up batch read up to 500 chunks in one go.
 * An edit arriving meanwhile waited for all of it (the busy edits' worst was 1.6 s).
 * What changed (`sync-server.ts`, `send-slices.ts`): a connection's reads go in slices of 64
 * chunks or 1 MB with other work let through between them; the older-chunk lookups are skipped
 * for a laptop starting afresh (and sliced otherwise); chunks arriving live for a laptop still
 * catching up go before the rest of its catch-up. At 1,000 cases (load average 13 to 33, so
 * rough), an edit's p95 with the sixth laptop joining was 2.08 times the quiet one's before the
 * change (worst 1.6 s), 1.67 after it (worst 0.8 s); with the sixth laptop also at nice 10, 1.17,
 * and the server's part alone (to the raw laptop) 1.09 (p95 83 ms against 77).
 * Still to gain: `chunkAt` prepares its statement on every call (half its time in the profile);
 * reading a slice in one query would about halve a catch-up's CPU (store.ts, left to the
 * compaction work there).
 *
 * Quiet machine (nothing else running, load average under 2; 5,000 cases, 24.7 MB to each
 * laptop, store kept): with 4 MB in flight and 4 MB batches a connection, the server's peak was
 * 363 MB with 5 catching up and 8 slow (target 300: missed) against 216 MB after one alone; the
 * faster the laptops read, the more of those allowances were full at once. With 1 MB of each
 * (IN_FLIGHT_BYTES, BATCH_BYTES) the peak was 253 MB against 203 (target met), and the 5 caught
 * up faster (slowest 1,654 ms against 2,253; one alone 521 ms). An edit to laptop 2 while the
 * sixth laptop joined: median 20 ms, p95 37 ms against 31 ms quiet (ratio 1.19; target 100 ms:
 * met), worst 68 ms; the server's part (to a raw laptop in its own process) p95 22 ms against 18.
 * Idle on the store the server holds 163 MB: Node, Automerge's WebAssembly and the team document,
 * which it keeps loaded. A run with the store kept takes a minute and a half there.
 * On the shared machine at load average 22 the same edit's p95 was 192 ms against 186 quiet: at
 * that load each edit's own steps (laptop 1's save and upload, the server's fsync, laptop 2's
 * save) take that long. Seeding 5,000 took about 12 minutes there.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import * as Automerge from '@automerge/automerge'
import type { DocHandle } from '@automerge/automerge-repo'
import WebSocket from 'ws'
import { openWorkspace, type Workspace } from '../../../src/main/core/workspace'
import { createTeam, joinTeam } from '../../../src/main/core/sync/team-setup'
import * as change from '../../../src/shared/case/changes'
import { decodeServerMessage, encodeMessage } from '../../../src/node/sync-codec'
import { SYNC_PATH, SYNC_PROTOCOL } from '../../../src/shared/sync/protocol'
import { builtEntry } from '../../support/built'
import { serverKeyArgs, useTestPassphrase } from '../../support/passphrase'
import { AMINA, DEREK } from '../../support/people'
import { joinOver, memoryOf } from '../../support/raw-sync'
import { joinCodeFrom } from '../../support/sync-team'
import { tempDir } from '../../support/temp-dir'
import { median, percentile } from '../measure'
import { arrival, realisticCase } from './common'

useTestPassphrase()

const CASES = Number(process.env.BENCH_CASES ?? 5000)
const EDITS = Number(process.env.BENCH_EDITS ?? 40)
const SYNCING = 5
const SLOW = 8
const MB = 1024 * 1024
const step = (what: string) => process.stderr.write(`… ${what}\n`)

interface Fixture {
  port: number
  caseId: string
}

export async function run(): Promise<void> {
  const kept = process.env.BENCH_KEEP && join(resolve(process.env.BENCH_KEEP), `under-load-${CASES}`)
  const seedDir = kept ? { path: kept, remove: () => {} } : tempDir('bench-under-load-seed')
  const runDir = tempDir('bench-under-load')
  let server: ChildProcess | undefined
  let sampler: NodeJS.Timeout | undefined
  const laptops: Workspace[] = []
  try {
    if (!existsSync(join(seedDir.path, 'fixture.json'))) await seed(seedDir.path)
    const fixture = JSON.parse(readFileSync(join(seedDir.path, 'fixture.json'), 'utf8')) as Fixture
    // Each run starts from the seeded state: the laptops' last numbers match the server's.
    cpSync(seedDir.path, runDir.path, { recursive: true })
    const storeMb = statSync(join(runDir.path, 'server', 'homeward-server.sqlite')).size / MB

    step('the server starts on the seeded store')
    const started = await startServer(join(runDir.path, 'server'), fixture.port)
    server = started.child
    const pid = server.pid!
    await new Promise((done) => setTimeout(done, 1000))
    const idle = memoryOf(pid).rss / MB
    const rss: number[] = []
    sampler = setInterval(() => rss.push(memoryOf(pid).rss / MB), 50)
    const open = (name: string, user = AMINA) => openWorkspace({ dataDir: join(runDir.path, name), user })
    const office = await open('office', DEREK)
    laptops.push(office)
    const device = async (name: string) => joinOver(started.url, await joinCodeFrom(office), { id: randomUUID(), name })

    // ——— Memory ———
    step('one laptop catches up alone')
    const alone = await catchUp(started.url, await device('Laptop alone'))
    const aloneRss = Math.max(...rss)
    const alonePeak = memoryOf(pid).peak / MB

    step(`${SLOW} slow readers connect, and ${SYNCING} laptops catch up at once`)
    const slow = await Promise.all(Array.from({ length: SLOW }, async (_, i) => slowReader(started.url, await device(`Slow reader ${i + 1}`))))
    const credentials = await Promise.all(Array.from({ length: SYNCING }, (_, i) => device(`Laptop ${i + 1}`)))
    const together = await timedAll(credentials.map((credential) => () => catchUp(started.url, credential)))
    const loadedRss = Math.max(...rss)
    const loadedPeak = memoryOf(pid).peak / MB
    for (const reader of slow) reader.stop()

    // ——— An edit's latency ———
    step('laptops 1 and 2 connect')
    const second = await open('second')
    laptops.push(second)
    office.sync.start()
    second.sync.start()
    while (office.sync.status().state !== 'connected' || second.sync.status().state !== 'connected') await new Promise((done) => setTimeout(done, 20))
    const target = (await second.cases.open(fixture.caseId)) as DocHandle<unknown>
    // A raw laptop in its own process sees when the server sends each edit on: the time without laptop 2's part.
    const observer = await watcher(started.url, await device('Observer'), fixture.caseId)
    let edits = 0
    const edit = async (sent: number[]) => {
      const begun = performance.now()
      const begunAt = performance.timeOrigin + begun
      edits += 1
      const n = edits
      await office.cases.change(fixture.caseId, (doc, context) => change.updateSection(doc, 'referral', { referrerName: `Referrer ${n}` }, context))
      await arrival(target, Automerge.getHeads((await office.cases.open(fixture.caseId)).doc()))
      const took = performance.now() - begun
      // The observer may take it in after laptop 2: waited for, not guessed.
      while (observer.seenAt() < begunAt) await new Promise((done) => setTimeout(done, 1))
      sent.push(observer.seenAt() - begunAt)
      return took
    }
    step('edits with nothing else happening')
    // The first few warm both laptops up; they are not counted.
    for (let i = 0; i < 3; i++) await edit([])
    const quiet: number[] = []
    const quietSent: number[] = []
    for (let i = 0; i < EDITS; i++) {
      quiet.push(await edit(quietSent))
      await new Promise((done) => setTimeout(done, 50))
    }

    step(`edits while a sixth laptop joins and catches up on ${CASES} cases`)
    // At a lower priority: in a team the sixth laptop is another computer, and here its loading of
    // thousands of cases would otherwise take the CPU from the server and laptops 1 and 2.
    const joining = spawn('nice', ['-n', '10', process.execPath, '--import', 'tsx', join(import.meta.dirname, 'joining-laptop.ts'), join(runDir.path, 'sixth'), started.url, await joinCodeFrom(office)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const joined = new Promise<{ received: number; ms: number }>((done, fail) => {
      createInterface({ input: joining.stdout! }).once('line', (line) => done(JSON.parse(line) as { received: number; ms: number }))
      joining.once('exit', (code) => code !== 0 && fail(new Error(`the joining laptop stopped (${code})`)))
    })
    let finished = false
    void joined.then(() => (finished = true), () => (finished = true))
    const busy: number[] = []
    const busySent: number[] = []
    while (!finished) {
      busy.push(await edit(busySent))
      await new Promise((done) => setTimeout(done, 50))
    }
    const sixth = await joined
    const endPeak = memoryOf(pid).peak / MB
    clearInterval(sampler)
    observer.stop()

    const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
    const rows: [string, string, string, string][] = [
      ['measure', 'under load', 'peer', 'ratio'],
      [`server peak (VmHWM): ${SYNCING} catching up + ${SLOW} slow, vs 1 alone`, `${loadedPeak.toFixed(0)} MB`, `${alonePeak.toFixed(0)} MB`, (loadedPeak / alonePeak).toFixed(2)],
      [`server RSS sampled, max: same`, `${loadedRss.toFixed(0)} MB`, `${aloneRss.toFixed(0)} MB`, (loadedRss / aloneRss).toFixed(2)],
      [`server RSS: idle on the store (${storeMb.toFixed(0)} MB on disk)`, '', `${idle.toFixed(0)} MB`, ''],
      [`catch-up of ${CASES} cases: ${SYNCING} at once (slowest), vs 1 alone`, `${together.slowest.toFixed(0)} ms`, `${alone.ms.toFixed(0)} ms`, (together.slowest / alone.ms).toFixed(2)],
      [`edit to laptop 2, median: sixth joining, vs quiet`, `${median(busy).toFixed(0)} ms`, `${median(quiet).toFixed(0)} ms`, (median(busy) / median(quiet)).toFixed(2)],
      [`edit to laptop 2, p95: sixth joining, vs quiet`, `${percentile(busy, 95).toFixed(0)} ms`, `${percentile(quiet, 95).toFixed(0)} ms`, (percentile(busy, 95) / percentile(quiet, 95)).toFixed(2)],
      [`edit to laptop 2, max: sixth joining, vs quiet`, `${Math.max(...busy).toFixed(0)} ms`, `${Math.max(...quiet).toFixed(0)} ms`, ''],
      [`  until sent on to a raw laptop (own process), p95`, `${percentile(busySent, 95).toFixed(0)} ms`, `${percentile(quietSent, 95).toFixed(0)} ms`, (percentile(busySent, 95) / percentile(quietSent, 95)).toFixed(2)],
    ]
    const width = Math.max(...rows.map((row) => row[0].length))
    console.log('')
    for (const [name, loaded, peer, ratio] of rows) console.log(`${name.padEnd(width)}  ${loaded.padStart(10)}  ${peer.padStart(10)}  ${ratio}`)
    console.log(
      `\n(${alone.chunks} chunks, ${(alone.bytes / 1e6).toFixed(1)} MB to each laptop; ${busy.length} edits while the sixth laptop joined, ` +
        `${sixth.received} chunks in ${(sixth.ms / 1000).toFixed(1)} s; server peak over the whole run ${endPeak.toFixed(0)} MB; load average ${load}.)`,
    )
    console.log(`Targets: server memory under 300 MB (${Math.max(endPeak, loadedPeak) < 300 ? 'met' : 'missed'}); edit p95 under 100 ms while a laptop joins (${percentile(busy, 95) < 100 ? 'met' : 'missed'}).`)
  } finally {
    if (sampler) clearInterval(sampler)
    for (const laptop of laptops) {
      await laptop.sync.stop()
      await laptop.close()
    }
    if (server && server.exitCode === null) {
      // Waited for: a profile (BENCH_SERVER_NODE_ARGS=--cpu-prof) is written as it exits.
      const exited = new Promise((done) => server!.once('exit', done))
      server.kill('SIGTERM')
      await exited
    }
    runDir.remove()
    seedDir.remove()
  }
}

/** The office uploads CASES cases to a new team's server, laptop 2 joins and receives them; all written to `dir`. */
async function seed(dir: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const seeding = performance.now()
  const port = await freePort()
  const { child, url, setupCode } = await startServer(join(dir, 'server'), port)
  try {
    const office = await openWorkspace({ dataDir: join(dir, 'office'), user: DEREK })
    await createTeam(office, { server: url, setupCode: setupCode!, name: 'Bench' })
    const templates = Array.from({ length: 25 }, (_, i) => realisticCase(i))
    let caseId: string | undefined
    for (let done = 0; done < CASES; done += 500) {
      const ids = await office.cases.addMany(Array.from({ length: Math.min(500, CASES - done) }, (_, i) => templates[(done + i) % templates.length]!))
      caseId ??= ids[0]
      await office.sync.syncOnce()
      step(`seeded ${done + ids.length} of ${CASES} cases`)
    }
    const second = await openWorkspace({ dataDir: join(dir, 'second'), user: AMINA })
    await joinTeam(second, { server: url, code: await joinCodeFrom(office, { for: AMINA.name }) })
    await second.sync.syncOnce()
    await second.close()
    await office.close()
    writeFileSync(join(dir, 'fixture.json'), JSON.stringify({ port, caseId: caseId! } satisfies Fixture))
    step(`seeded in ${((performance.now() - seeding) / 1000).toFixed(0)} s`)
  } finally {
    child.kill('SIGTERM')
    await new Promise((done) => child.once('exit', done))
  }
}

async function startServer(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string; setupCode: string | null }> {
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), builtEntry('server'), '--port', String(port), '--data', dataDir, '--json', ...serverKeyArgs()], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const line = await new Promise<string>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`the server stopped (${code}): is port ${port} taken? Delete the kept fixture to seed on another.`)))
    createInterface({ input: child.stdout! }).once('line', done)
  })
  return { child, ...(JSON.parse(line) as { url: string; setupCode: string | null }) }
}

async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done))
  const { port } = probe.address() as { port: number }
  await new Promise((done) => probe.close(done))
  return port
}

function socketTo(url: string, credential: string): WebSocket {
  return new WebSocket(`${url.replace(/^http/, 'ws')}${SYNC_PATH}`, { headers: { Authorization: `Bearer ${credential}` }, maxPayload: 64 * MB })
}

/** A laptop that takes everything as fast as it comes, keeping only counts; resolves once caught up. */
function catchUp(url: string, credential: string): Promise<{ ms: number; chunks: number; bytes: number }> {
  const ws = socketTo(url, credential)
  const begun = performance.now()
  let chunks = 0
  let bytes = 0
  return new Promise((done, fail) => {
    ws.on('open', () => ws.send(encodeMessage({ type: 'hello', protocol: SYNC_PROTOCOL, since: 0 })))
    ws.on('message', (data: Buffer) => {
      const message = decodeServerMessage(new Uint8Array(data))
      if (message?.type === 'chunks') {
        chunks += message.chunks.length
        bytes += message.chunks.reduce((sum, chunk) => sum + chunk.data.length, 0)
      }
      if (message?.type !== 'caught-up') return
      ws.close()
      done({ ms: performance.now() - begun, chunks, bytes })
    })
    ws.on('close', (code) => fail(new Error(`a laptop's connection closed before it caught up (${code})`)))
    ws.on('error', fail)
  })
}

/** `watching-laptop.ts`, caught up: when (ms since the epoch) it last received a chunk of `documentId`. */
async function watcher(url: string, credential: string, documentId: string): Promise<{ seenAt: () => number; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'watching-laptop.ts'), url, credential, documentId], { stdio: ['ignore', 'pipe', 'inherit'] })
  let seenAt = 0
  const lines = createInterface({ input: child.stdout! })
  await new Promise<void>((done, fail) => {
    lines.on('line', (line) => (line === 'ready' ? done() : (seenAt = Number(line))))
    child.once('exit', (code) => fail(new Error(`the watching laptop stopped (${code})`)))
  })
  return { seenAt: () => seenAt, stop: () => child.kill('SIGTERM') }
}

/** A connection that reads for 2 ms a second, its socket paused in between. */
async function slowReader(url: string, credential: string): Promise<{ stop: () => void }> {
  const ws = socketTo(url, credential)
  ws.on('error', () => undefined)
  await new Promise((done) => ws.once('open', done))
  ws.send(encodeMessage({ type: 'hello', protocol: SYNC_PROTOCOL, since: 0 }))
  ws.pause()
  const timer = setInterval(() => {
    ws.resume()
    setTimeout(() => ws.pause(), 2)
  }, 1000)
  return {
    stop: () => {
      clearInterval(timer)
      ws.terminate()
    },
  }
}

/** Runs every piece of work at once; the time the slowest took. */
async function timedAll(work: (() => Promise<{ ms: number }>)[]): Promise<{ slowest: number }> {
  const results = await Promise.all(work.map((piece) => piece()))
  return { slowest: Math.max(...results.map((result) => result.ms)) }
}

/**
 * `npm run bench -- import`: a team's caseload of 1,000 referrals (BENCH_ROWS=N changes it) brought
 * in from a CSV file, as `homeward import` and the window's "Import referrals" do
 * (`ReferralImport.run`), beside its PEER measured in the same run: the same rows opened one at a
 * time through `Cases.create` after the same checks (how the import worked before). Each on a fresh
 * workspace, in turns (BENCH_ROUNDS=N rounds, 1 by default: the peer takes most of a minute). Per
 * row: the peer's each call; the import's each pass (`ROWS_AT_ONCE` rows) divided by its rows.
 * Median and p95 ms per row, and the total. Not a test: nothing passes or fails.
 *
 * PROFILE (`node --cpu-prof` on `homeward import` of a generated 1,000-row CSV, before): 38 s wall
 * on 2 loaded cores, of which 41% was better-sqlite3's transactions waiting on the disk: each row
 * was its own case save, team-document save, index write and journal clearing, four committed
 * (fsync'd) transactions a row (about 15 s in all). Then the repo's machinery around a new
 * document (its state machine, saving the new case whole, 10 s including those commits), the
 * team document changed once a row (3 s), building the case's Automerge document (6 s), and the
 * referral form's schema, built again for each row (1 ms a row, more than checking the row with it).
 *
 * CHANGED: `Cases.createMany` opens a pass of rows by the rules of `Cases.create` (the form's
 * checks with one schema, the duplicate checks against the index and the pass's earlier rows, the
 * list of outreach teams), builds each document in memory and writes them all in one transaction
 * (with each case's audit entry and its place in the outbox), lists them in the team document in
 * one change and one save (saved before the cases, so a pass stopped part way never leaves cases
 * the team does not list), and indexes them from memory in one transaction. After: `homeward
 * import` of the same file took 7.9 s wall and 5.0 s CPU at load 9, 25 s wall and 6.2 s CPU at
 * load 14 (before: 38 s wall, 13.4 s CPU, at load 6; on this shared machine CPU time is the steadier
 * measure). Half of what is left is building the cases' Automerge documents (which
 * `Cases.create` pays too), 15% checking the rows (the plan and the pass each check them, by the
 * form's rules), 8% the transactions.
 *
 * FIGURES (30/11/2026, 2 cores of an AMD EPYC shared with other engineers' test runs, load
 * average 8 to 13, so the absolute figures swing with the machine: compare within a run), ms,
 * per row median / p95, and each round's total:
 *   run 1 (load 11)   import  8.0 / 13.7, 12155           peer 21.6 / 72.0, 27848
 *   run 2 (load 8)    import  4.8 /  8.8,  4260 (the faster round) peer 23.7 / 51.8, 23089 (the faster round)
 *   run 3 (load 8-13) import 11.0 / 20.6, 16319,  9535    peer 26.9 / 87.4, 22737, 47671
 * The import takes a third to a fifth of the peer's time for the same 1,000 cases.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { readSpreadsheet } from '../../src/main/core/import/read-spreadsheet'
import { ROWS_AT_ONCE } from '../../src/main/core/import/referral-import'
import { mapColumns } from '../../src/shared/import/column-mapping'
import { planImport } from '../../src/shared/import/import-plan'
import { useTestPassphrase } from '../support/passphrase'
import { AMINA } from '../support/people'
import { tempDir } from '../support/temp-dir'
import { median, percentile } from './measure'

useTestPassphrase()
const ROWS = Number(process.env.BENCH_ROWS ?? 1000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1)
const step = (what: string) => process.stderr.write(`… ${what}\n`)

/** A caseload as a team's spreadsheet holds it: distinct people, a few referring organisations. */
function caseload(rows: number): string {
  const lines = ["Client name,Date of birth,CHAIN number,Referrer's name,Referring organisation,Why have you referred your client to the service?"]
  for (let i = 0; i < rows; i++) {
    const born = new Date(Date.UTC(1950, 0, 1) + i * 86_400_000 * 13)
    const dob = `${String(born.getUTCDate()).padStart(2, '0')}/${String(born.getUTCMonth() + 1).padStart(2, '0')}/${born.getUTCFullYear()}`
    const organisation = ['Camden Outreach', 'Tower Hamlets Outreach', 'StreetLink'][i % 3]
    lines.push(`Client ${i + 1} Moss,${dob},${300000 + i},Sam Reed,${organisation},"Sleeping at the station since the spring, asked to go home"`)
  }
  return `${lines.join('\r\n')}\r\n`
}

interface Run {
  perRow: number[]
  total: number
}

const dir = tempDir('homeward-bench-import')
try {
  const file = join(dir.path, 'caseload.csv')
  writeFileSync(file, caseload(ROWS))
  const bytes = new Uint8Array(readFileSync(file))
  let n = 0
  const fresh = async (): Promise<Workspace> => openWorkspace({ dataDir: join(dir.path, `workspace-${++n}`), user: AMINA })

  const batched = async (): Promise<Run> => {
    const ws = await fresh()
    try {
      const perRow: number[] = []
      const started = performance.now()
      let last = started
      let lastDone = 0
      const result = await ws.referralImport.run('caseload.csv', bytes, {
        onProgress: (done) => {
          const now = performance.now()
          perRow.push((now - last) / (done - lastDone))
          last = now
          lastDone = done
        },
      })
      const total = performance.now() - started
      if (result.imported !== ROWS) throw new Error(`the import opened ${result.imported} of ${ROWS}`)
      return { perRow, total }
    } finally {
      await ws.close()
    }
  }

  const oneAtATime = async (): Promise<Run> => {
    const ws = await fresh()
    try {
      const perRow: number[] = []
      const started = performance.now()
      const sheet = readSpreadsheet('caseload.csv', bytes)
      const plan = planImport(sheet.rows, mapColumns(sheet.headings), '2026-11-30', (identity) => ws.cases.possibleDuplicates(identity))
      for (const { values } of plan.referrals) {
        const before = performance.now()
        await ws.cases.create(values)
        perRow.push(performance.now() - before)
      }
      const total = performance.now() - started
      if (ws.cases.list().length !== ROWS) throw new Error(`one at a time opened ${ws.cases.list().length} of ${ROWS}`)
      return { perRow, total }
    } finally {
      await ws.close()
    }
  }

  const runs: Record<string, Run[]> = { [`import, ${ROWS_AT_ONCE} rows a pass`]: [], 'Cases.create a row at a time (peer)': [] }
  for (let round = 1; round <= ROUNDS; round++) {
    step(`round ${round} of ${ROUNDS}: the import`)
    runs[`import, ${ROWS_AT_ONCE} rows a pass`]!.push(await batched())
    step(`round ${round} of ${ROUNDS}: one at a time`)
    runs['Cases.create a row at a time (peer)']!.push(await oneAtATime())
  }

  console.log(`${ROWS.toLocaleString('en-GB')} rows imported, ${ROUNDS} round(s), ms`)
  const width = Math.max(...Object.keys(runs).map((name) => name.length))
  console.log(`${'measure'.padEnd(width)}  per row median     p95   total median  each round's total`)
  for (const [name, made] of Object.entries(runs)) {
    const perRow = made.flatMap((run) => run.perRow)
    const totals = made.map((run) => run.total)
    const each = totals.map((total) => total.toFixed(0)).join(', ')
    console.log(`${name.padEnd(width)}  ${median(perRow).toFixed(1).padStart(14)}  ${percentile(perRow, 95).toFixed(1).padStart(6)}  ${median(totals).toFixed(0).padStart(12)}  ${each}`)
  }
} finally {
  dir.remove()
}

/**
 * `npm run bench -- cli-start`: how long the `homeward` command takes, start to exit, as the tests
 * and a person at a terminal run it (bin/homeward.mjs on the built `out/`): `--help`, `case list
 * --json` and `board --json` on a small seeded workspace (20 sample cases), each beside its PEER,
 * a bare `node -e ""` measured in the same rounds, so the ratio says what Homeward adds to starting
 * Node whatever else the machine is doing. The commands take turns, round after round, so a busy
 * moment falls on all of them alike. Median and p95 in ms. BENCH_RUNS=N changes the rounds (15);
 * BENCH_BIN=FILE times another build's bin/homeward.mjs (an older checkout, for before and after).
 * The workspace's key is derived at the tests' scrypt cost (HOMEWARD_KDF_COST=1024); a person's
 * workspace adds its scrypt (2^15, about 0.1 s) to every command that opens one. Not a test:
 * nothing passes or fails.
 *
 * PROFILE (`node --cpu-prof`, before): not one big bundle being compiled. The CLI's code was already
 * in chunks of a few hundred KB; its start went on loading packages file by file: `--help` loaded
 * 603 modules (date-fns 304, zod 95, date-holidays' astronomy 60, Automerge and the repo 55), and
 * `case list` 1,002 (also pdf-lib 193 and culori 151 through the file checks, nodemailer 18, ws with
 * Node's TLS and zlib). Module loading (resolving, reading, compiling, the CommonJS lexer) was
 * about 1.2 s of `case list`'s 3.3 s CPU, contended. The other large part was Automerge: compiling
 * its WebAssembly, and V8 compiling it again, optimised, while the team document loaded (its first
 * load 1 s, the next 30 ms, in one process; 0.2 s with `--liftoff-only`).
 *
 * CHANGED: each command's module is imported only when it runs (the command table in
 * src/main/cli/program.ts); pdf-lib and the file checks, nodemailer, and ws load when first used
 * (paperwork, a scan, an email, a connection to the server); the main build bundles date-fns,
 * date-holidays (with only Great Britain's rules, as the window's build does) and zod, so they are
 * a few files tree-shaken instead of hundreds; the command line compiles WebAssembly with V8's
 * baseline compiler only (`--liftoff-only`, src/main/cli/main.ts). `--help` now loads 127 modules,
 * `case list` and `board` 136.
 *
 * FIGURES, median / p95 ms (× the median of bare node), 12 rounds each, before (BENCH_BIN on a
 * build of the commit before these changes) then after, one after the other, on 2 cores shared with
 * other engineers' test runs (load average 20: bare node took 0.6 s, as against 0.04 s on an idle
 * machine), so the absolute figures are inflated and the ratios are the measure:
 *   node -e "" (peer)           604 /   903 (1.0)   →   588 /   735 (1.0)
 *   homeward --help            4747 /  6760 (7.9)   →  2571 /  3441 (4.4)
 *   homeward case list --json 13576 / 16361 (22.5)  →  3743 /  4949 (6.4)
 *   homeward board --json     12995 / 15429 (21.5)  →  4168 /  4842 (7.1)
 * What remains of a command that opens a workspace is mostly Automerge and automerge-repo (their
 * modules, the WebAssembly's compile and the team document's first load), SQLCipher, and commander.
 */
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { tempDir } from '../support/temp-dir'
import { TEST_PASSPHRASE } from '../support/passphrase'
import { median, percentile, type Timings } from './measure'

const ROOT = resolve(import.meta.dirname, '../..')
const BIN = resolve(process.env.BENCH_BIN ?? resolve(ROOT, 'bin/homeward.mjs'))
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const WARM_UP = 2
const env = { ...process.env, HOMEWARD_PASSPHRASE: TEST_PASSPHRASE, HOMEWARD_KDF_COST: '1024', HOMEWARD_DATA: '' }

/** Runs one process to its end; resolves to its time in ms, or rejects with what it said. */
function timed(args: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] })
    let said = ''
    child.stderr.setEncoding('utf8').on('data', (part: string) => (said += part))
    child.once('exit', (code) => (code === 0 ? done(performance.now() - started) : fail(new Error(`${args.join(' ')} exited ${code}: ${said}`))))
  })
}

const data = tempDir('homeward-bench-cli')
try {
  process.stderr.write(`… seeding 20 cases with ${BIN}\n`)
  await timed([BIN, 'seed', '--cases', '20', '--data', data.path])
  const commands: { name: string; args: string[] }[] = [
    { name: 'node -e "" (peer)', args: ['-e', ''] },
    { name: 'homeward --help', args: [BIN, '--help'] },
    { name: 'homeward case list --json', args: [BIN, 'case', 'list', '--data', data.path, '--json'] },
    { name: 'homeward board --json', args: [BIN, 'board', '--data', data.path, '--json'] },
  ]
  const rows: Timings[] = commands.map(({ name }) => ({ name, runs: [] }))
  for (let round = 0; round < WARM_UP + RUNS; round++) {
    for (const [i, command] of commands.entries()) {
      const ms = await timed(command.args)
      if (round >= WARM_UP) rows[i]!.runs.push(ms)
    }
    process.stderr.write(`… round ${round + 1} of ${WARM_UP + RUNS}\n`)
  }
  const peer = median(rows[0]!.runs)
  const width = Math.max(...rows.map((row) => row.name.length))
  console.log(`${'measure'.padEnd(width)}  runs  median ms    p95 ms  × node`)
  for (const row of rows) {
    const ratio = (median(row.runs) / peer).toFixed(1)
    console.log(
      `${row.name.padEnd(width)}  ${String(row.runs.length).padStart(4)}  ${median(row.runs).toFixed(1).padStart(9)}  ${percentile(row.runs, 95).toFixed(1).padStart(8)}  ${ratio.padStart(6)}`,
    )
  }
} finally {
  data.remove()
}

// `npm run typecheck`: each part of the project checked with its own libraries (`tsconfig.json`'s
// references), two compilers at a time. Each `tsc` uses one core, and the six one after another were
// a minute of the test command's wall time on a two-core machine; a part's output is printed whole
// when it ends, so two parts' errors never interleave.
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const tsc = join(root, 'node_modules/typescript/bin/tsc')
// The longest first, so the two lanes end together.
const parts = ['web', 'node', 'e2e', 'shared', 'preload', 'eslint']
const lanes = Math.max(1, Math.min(2, availableParallelism()))

/** Checks one part; resolves with whether it passed, after printing what tsc said. */
function check(part) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [tsc, '-p', `tsconfig.${part}.json`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    child.on('close', (code) => {
      const said = Buffer.concat(output).toString()
      if (code !== 0) console.log(`tsconfig.${part}.json:\n${said}`)
      done(code === 0)
    })
  })
}

const waiting = [...parts]
const results = await Promise.all(
  Array.from({ length: lanes }, async () => {
    let passed = true
    for (let part = waiting.shift(); part; part = waiting.shift()) passed = (await check(part)) && passed
    return passed
  }),
)
if (results.includes(false)) process.exit(1)

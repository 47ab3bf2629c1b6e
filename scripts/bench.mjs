// `npm run bench -- NAME` runs tests/bench/NAME.bench.ts and prints its figures; with no name, lists them.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dir = join(root, 'tests/bench')
const available = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .map((name) => name.replace(/\.bench\.ts$/, ''))
const [name, ...rest] = process.argv.slice(2)
if (!name || !available.includes(name)) {
  console.error(`Usage: npm run bench -- NAME, where NAME is one of: ${available.join(', ')}`)
  process.exit(name ? 1 : 0)
}
const tsx = join(root, 'node_modules/.bin/tsx')
if (!existsSync(tsx)) {
  console.error('tsx is missing: run npm install first')
  process.exit(1)
}
// A bench process hosts several laptops' repos at once (the stock sync comparison holds 10,000
// documents in memory across them): more heap than Node's default, for the bench process only.
const result = spawnSync(process.execPath, ['--max-old-space-size=16384', '--import', 'tsx', join(dir, `${name}.bench.ts`), ...rest], { stdio: 'inherit', cwd: root })
process.exit(result.status ?? 1)

/**
 * `npm run bench -- sync [PART]`: the sync server's figures, each beside its peer in the same run.
 * Each part is a file in tests/bench/sync/; with no PART, every part runs in turn.
 * - fresh-laptop: a fresh laptop receiving 1,000 cases, an edit reaching a second laptop, a laptop
 *   coming back, and peak memory, beside the stock automerge-repo sync server.
 * - under-load: the server's memory while 5 laptops catch up on 5,000 cases and 8 read slowly, and
 *   an edit's latency while a sixth laptop joins, each beside the server quiet.
 */
import * as freshLaptop from './sync/fresh-laptop'
import * as underLoad from './sync/under-load'

const PARTS: Record<string, { run: () => Promise<void> }> = { 'fresh-laptop': freshLaptop, 'under-load': underLoad }

const wanted = process.argv[2]
if (wanted !== undefined && !(wanted in PARTS)) {
  console.error(`Usage: npm run bench -- sync [PART], where PART is one of: ${Object.keys(PARTS).join(', ')}`)
  process.exit(1)
}
for (const [name, part] of Object.entries(PARTS)) {
  if (wanted !== undefined && wanted !== name) continue
  console.log(`\n=== ${name} ===`)
  await part.run()
}

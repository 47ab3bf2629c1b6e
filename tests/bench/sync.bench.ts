/**
 * `npm run bench -- sync [PART]`: the sync server's figures, each beside its peer in the same run.
 * Each part is a file in tests/bench/sync/; with no PART, every part runs in turn.
 * - fresh-laptop: a fresh laptop receiving 1,000 cases, beside the stock automerge-repo sync server
 *   at the largest size it delivers in full.
 * - coming-back: an edit reaching a second laptop, a laptop coming back, and peak memory, beside the
 *   stock automerge-repo sync server.
 * - three-year: a fresh laptop joining a team three years on (5,000 cases of about 300 edits each),
 *   before and after the server compacts, beside a young team's 5,000 cases; compaction's time and memory.
 * - under-load: the server's memory while 5 laptops catch up on 5,000 cases and 8 read slowly, and
 *   an edit's latency while a sixth laptop joins, each beside the server quiet.
 */
import * as comingBack from './sync/coming-back'
import * as freshLaptop from './sync/fresh-laptop'
import * as threeYear from './sync/three-year'
import * as underLoad from './sync/under-load'

const PARTS: Record<string, { run: () => Promise<void> }> = { 'fresh-laptop': freshLaptop, 'coming-back': comingBack, 'under-load': underLoad, 'three-year': threeYear }

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

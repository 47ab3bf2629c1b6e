/**
 * `npm run bench -- search`: search as a caseworker types it, over 5,000 and 30,000 sample cases
 * of 40 notes each in a real index (BENCH_SIZES=5000 changes the sizes). Each kind of query is
 * timed through `CaseIndex.search` (typo tolerance included) beside its PEER, a plain SQL LIKE scan
 * of the same text (every column the search reads, each word anywhere, most recently changed first,
 * 50 at most; BENCH_PEER_RUNS runs a query, 5 unless told, as each reads every case's text). The
 * peer stops at its 50th match, so a word in thousands of cases ("pharmacy", "g") is quick for it
 * and a rare one (a name, a postcode) reads every case. The case list's page query with its
 * filters is timed too. Median and p95 per kind, in ms.
 *
 * Cases are the seeder's sample cases (generate-case.ts: referral text, addresses with postcodes,
 * actions and the other forms, notes), made as variants of a few hundred generated ones with
 * another name from the sample names and another CHAIN number, their notes filled up to 40 from
 * the generated ones, written straight into the index as the indexer would write them. A handful
 * of known cases are added to be found: Gwenllian Pryce of Caernarfon among them.
 * BENCH_KEEP=DIR keeps the index in DIR and uses it again on the next run. At 30,000: filling the
 * index took 533 s (load average 23 on 2 cores); a run on the kept index about 4.5 minutes, most of
 * it the LIKE scans.
 *
 * PROFILE at 30,000 cases of 40 notes (timing each statement apart, fastest of 9 runs, and
 * `node --cpu-prof` of repeated searches), after every text field was indexed (actions and the
 * other forms in a `casework` column). Before tuning, a first letter took 282 ms (FTS5 gathers
 * every word of every note beginning with it, and bm25 ranks every case); a note word 109 ms. Then:
 * - bm25 over every match was the cost of a common word: ranking every case whose actions say
 *   "methadone" took 32 ms; the newest 500 matches 1.6 ms, but for two prefix words ("birth
 *   certificate") 500 took 9 ms, 200 about 4. Which of a thousand notes says "pharmacy" most is
 *   no help, so only matches outside the notes are ranked (the best 50 of the newest 200, chosen
 *   inside FTS5 before any is joined to its row), and those it takes the notes to match follow
 *   newest first, unranked (FTS5 walks them by rowid and stops at the limit: 0.1-2 ms).
 * - A first letter now reads a plain table of the words of each case's names and CHAIN number
 *   with when the case changed (name_words): 2.8 ms when ordering by the cases' rows, 1-2 ms
 *   from the table alone. One or two letters a word find names and CHAIN numbers only.
 * - The CPU profile then showed JavaScript saying where each hit was found (splitting 50 hits'
 *   text into words, folding it again) costing more than SQLite: now one pattern a word is run
 *   over the stored text. Opening the 30,000-case index runs quick_check: seconds under load.
 * - What is left of a two-word search ("birth certificate", "floating support": 7-10 ms at the
 *   fastest) is FTS5 merging each prefix word's doclist (2 ms each) and bm25 over 200 rows.
 *
 * FIGURES at 30,000 cases of 40 notes, median / p95 ms, one run with the load average at 22-25
 * on the 2-core machine (six other helpers' benches and tests), so p95s are mostly the load's:
 *   exact name                      1.0 / 21.7    (LIKE scan 255 / 1,538)
 *   name with one slip              1.1 / 22.1    (LIKE 1,263 / 1,503: it finds no slip)
 *   CHAIN number                    0.2 /  5.2    (LIKE 895 / 1,343)
 *   postcode                        0.2 /  6.7    (LIKE 1,341 / 1,739)
 *   place in an address             1.0 / 16.7    (LIKE 880 / 1,652)
 *   word in a note                 21.9 / 49.7    (LIKE 0.4 / 31.0: it stops at its 50th)
 *   word in an action              18.7 / 44.6    (LIKE 0.3 / 4.6)
 *   one letter (first keystroke)    2.3 / 33.2    (LIKE 0.3 / 16.7)
 *   two letters                     0.8 / 22.8    (LIKE 9.2 / 1,463)
 *   each keystroke of "gwenlian"    0.2 / 14.3    (LIKE 1,323 / 1,646)
 * Before tuning in the same conditions (an earlier run, every match ranked): word in a note
 * 173 / 372, in an action 203 / 388, one letter 34 / 169. The target (p95 at most 20 ms every
 * kind) is not shown met under this load: names, numbers, places and keystrokes are at 5-22 ms
 * p95, note and action words at 45-50; fastest runs of the common words are 3-10 ms, so a quiet
 * run is needed to say. Not run at 5,000 in this form. The case list's pages, not tuned here: first
 * page 87 / 124, open in one phase of one caseworker 377 / 532, closed page 5 230 / 345 (their
 * filters are `@x IS NULL OR x = @x`, which no index serves).
 *
 * Not a test: nothing passes or fails.
 *
 * Quiet run (2026-11-30, the 2-core machine with nothing else running, BENCH_SIZES=30000): filling
 * the index took 45 s; every kind of query's p95 was at most 7.9 ms (a note word 5.6 / 6.0, an
 * action word 5.9 / 7.9, one letter 1.8 / 2.4, a name with a slip 0.8 / 1.0), target 20 ms: met;
 * the LIKE scan 0.3 to 346 ms median. The case list's pages: first page 26 ms, open cases of one
 * phase and caseworker 75 / 104 ms, closed page 5 44 ms (not a target; no index serves those filters).
 * Quiet run (2026-12-01, the same machine, kept index), after a name's matches were put first (a
 * client named "Green" was hidden behind newer cases on Green Lane): every p95 at most 9.2 ms (a
 * note word 4.8 / 7.5, an action word 4.2 / 9.2, one letter 2.0 / 2.7, a name with a slip 0.9 / 1.1),
 * target 20 ms: met; the LIKE scan 0.2 to 296 ms median. The whole run took 45 s.
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { CaseIndex, type IndexEntry } from '../../src/main/core/index/case-index'
import { generateCase } from '../../src/main/core/seed/generate-case'
import { NAMES } from '../../src/main/core/seed/sample-data'
import { Random } from '../../src/main/core/seed/random'
import { boardFacts } from '../../src/shared/board/board'
import { readCase, type CaseRecord } from '../../src/shared/case/case-doc'
import { nameKeys } from '../../src/shared/case/duplicates'
import { caseSearchText, summariseCase } from '../../src/shared/case/summary'
import { foldForSearch, searchTerms } from '../../src/shared/search/fold'
import { openSqlite } from '../../src/node/sqlite'
import { tempDir } from '../support/temp-dir'
import { measure, printTable, type Timings } from './measure'
import { step, TEAM, TODAY, VARIANTS_OF } from './caseload'

const SIZES = (process.env.BENCH_SIZES ?? '5000,30000').split(',').map(Number)
const RUNS = 40
/** The LIKE scan reads every case's text each time (a second or so at 30,000): fewer runs of it. */
const PEER_RUNS = Number(process.env.BENCH_PEER_RUNS ?? 5)
/** Notes a case carries (issue 21: 30,000 cases of 40 notes each). */
const NOTES_A_CASE = 40

/** What a caseworker types, by kind; each string is timed as one search. */
const QUERIES: Record<string, string[]> = {
  'exact name': ['wisniewski', 'gwenllian pryce', 'popescu', 'mackenzie'],
  'name with one slip': ['gwenlian', 'wisniewsky', 'popescou', 'kowalcyk'],
  'CHAIN number': ['7000001', '7000002'],
  postcode: ['LL55 1AB', 'LL55'],
  'place in an address': ['caernarfon', 'manningham'],
  'word in a note': ['pharmacy', 'birth certificate'],
  'word in an action': ['methadone', 'floating support'],
  'one letter (first keystroke)': ['g', 'w', 'm', '7'],
  'two letters': ['gw', 'wi', 'ma', '70'],
  'each keystroke of "gwenlian"': ['g', 'gw', 'gwe', 'gwen', 'gwenl', 'gwenli', 'gwenlia', 'gwenlian'],
}

/** Cases a caseworker looks for, among the sample ones. */
const KNOWN: { name: string; chain: string; address: string }[] = [
  { name: 'Gwenllian Pryce', chain: '7000001', address: '12 Stryd Fawr, Caernarfon LL55 1AB' },
  { name: 'Piotr Wiśniewski', chain: '7000002', address: '4 Manningham Lane, Bradford BD8 7HJ' },
]

/** Index entries for `count` sample cases: variants of generated ones, then the known ones. */
function sampleEntries(count: number): IndexEntry[] {
  const rng = new Random(7)
  const originals: { id: string; record: CaseRecord; heads: string[] }[] = Array.from({ length: VARIANTS_OF }, (_, i) => {
    const { doc } = generateCase(rng, TEAM, TODAY)
    return { id: `original-${i}`, record: readCase(doc), heads: Automerge.getHeads(doc) }
  })
  // Every generated note, to fill each case up to NOTES_A_CASE (the generator writes a dozen or so).
  const allNotes = originals.flatMap(({ record }) => record.notes.map((note) => note.text))
  const entry = (n: number, name: string, chain: string, extraAddress = ''): IndexEntry => {
    const { record, heads } = originals[n % VARIANTS_OF]!
    const first = record.referral.clientName.split(' ')[0]!
    const text = caseSearchText(record)
    const notes = record.notes.map((note) => note.text).slice(0, NOTES_A_CASE)
    while (notes.length < NOTES_A_CASE) notes.push(rng.pick(allNotes))
    const summary = summariseCase(`case-${n}`, record)
    return {
      summary: { ...summary, clientName: name, chainNumber: chain },
      text: {
        ...text,
        names: name,
        identifiers: chain,
        addresses: [text.addresses, extraAddress].filter(Boolean).join('\n'),
        // The notes name the client by their first name.
        notes: notes.join('\n').replaceAll(first, name.split(' ')[0]!),
        nameKeys: nameKeys({ clientName: name }),
      },
      board: boardFacts(record),
      heads,
      learningPoints: record.learningPoints,
    }
  }
  const entries = Array.from({ length: count - KNOWN.length }, (_, n) => {
    const names = rng.pick(NAMES)
    return entry(n, `${rng.pick(names.first)} ${rng.pick(names.last)}`, String(rng.int(100000, 6999999)))
  })
  KNOWN.forEach((known, i) => entries.push(entry(count - KNOWN.length + i, known.name, known.chain, known.address)))
  return entries
}

/**
 * The PEER: a plain SQL LIKE scan of the same text (every column the search reads, folded as it
 * is stored), each word anywhere in it, most recently changed first, 50 at most: what a search
 * without an index does. No typo tolerance.
 */
function likeScan(file: string): { search: (text: string) => unknown[]; vocabulary: () => number; notes: () => number; close: () => void } {
  const db = openSqlite(file)
  const statements = new Map<number, { all: (...patterns: string[]) => unknown[] }>()
  const words = db.prepare('SELECT count(*) FROM search_words').pluck()
  const notes = db.prepare("SELECT avg(length(notes) - length(replace(notes, char(10), '')) + 1) FROM case_text WHERE notes != ''").pluck()
  return {
    search: (text) => {
      const terms = searchTerms(text)
      let statement = statements.get(terms.length)
      if (!statement) {
        statement = db.prepare<string[], unknown>(`
          SELECT cases.id, cases.client_name FROM case_text JOIN cases ON cases.rowid = case_text.rowid
          WHERE ${terms.map(() => "(names || ' ' || identifiers || ' ' || referral || ' ' || addresses || ' ' || casework || ' ' || notes) LIKE ?").join(' AND ')}
          ORDER BY cases.updated_at DESC LIMIT 50`)
        statements.set(terms.length, statement)
      }
      return statement.all(...terms.map((term) => `%${term}%`))
    },
    vocabulary: () => words.get() as number,
    notes: () => notes.get() as number,
    close: () => db.close(),
  }
}

async function benchSize(count: number): Promise<void> {
  const kept = process.env.BENCH_KEEP && join(resolve(process.env.BENCH_KEEP), `search-${count}`)
  const dir = kept ? { path: kept, remove: () => {} } : tempDir(`bench-search-${count}`)
  try {
    const file = join(dir.path, 'index.sqlite')
    mkdirSync(dir.path, { recursive: true })
    const index = CaseIndex.open(file)
    // A kept index of this version is used again; a new or older one is filled.
    if (index.needsRebuild) {
      step(`making ${count} sample cases`)
      const entries = sampleEntries(count)
      const started = performance.now()
      index.replaceAll(entries)
      console.log(`\nindexing ${count} cases took ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
    const peer = likeScan(file)
    console.log(`\n${count} cases of ${peer.notes().toFixed(0)} notes on average, ${peer.vocabulary()} words a slip may be meant as`)

    for (const known of KNOWN) {
      // By the whole name: at 30,000 cases more than 50 share a surname of the sample names.
      const found = index.search(foldForSearch(known.name))
      if (!found.some((hit) => hit.clientName === known.name)) throw new Error(`the search did not find ${known.name}`)
    }
    if (!index.search('gwenlian').some((hit) => hit.clientName === 'Gwenllian Pryce')) throw new Error('the slip was not forgiven')

    const timings: Timings[] = []
    for (const [kind, queries] of Object.entries(QUERIES)) {
      const search: Timings = { name: `${kind}: search`, runs: [] }
      const plain: Timings = { name: `${kind}: PEER LIKE scan`, runs: [] }
      for (const query of queries) {
        search.runs.push(...(await measure(query, RUNS, async () => index.search(query))).runs)
        plain.runs.push(...(await measure(query, PEER_RUNS, async () => peer.search(query), { warmUp: 1 })).runs)
      }
      timings.push(search, plain)
      step(kind)
    }
    const lead = TEAM.caseworkers[0]!.id
    timings.push(await measure('case list: first page, no filter', RUNS, async () => index.listPage({}, null)))
    timings.push(await measure('case list: open, phase "engage", one caseworker', RUNS, async () => index.listPage({ status: 'open', phase: 'engage' }, lead)))
    timings.push(await measure('case list: closed, page 5', RUNS, async () => index.listPage({ status: 'closed', page: 5 }, null)))
    printTable(timings)
    peer.close()
    index.close()
  } finally {
    dir.remove()
  }
}

for (const size of SIZES) await benchSize(size)

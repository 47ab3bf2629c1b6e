import { rmSync } from 'node:fs'
import type { CaseListQuery, CasePage, MatchedIn, SearchHit, UnreadableCase } from '../../../shared/api'
import type { ClosedAs } from '../../../shared/case/closed-label'
import type { CaseSearchText, CaseSummary } from '../../../shared/case/summary'
import type { Phase } from '../../../shared/case/phases'
import type { CaseLearningPoint } from '../../../shared/case/learning-points'
import type { LearningPoint } from '../../../shared/team/team-doc'
import type { BoardFacts } from '../../../shared/board/board'
import type { IsoDate } from '../../../shared/dates'
import { foldForSearch, searchTerms } from '../../../shared/search/fold'
import { closeWords, mayBeMeant } from '../../../shared/search/close-words'
import { openSqlite, type SqliteDatabase, type SqliteOptions } from '../../../node/sqlite'

/**
 * Bumped whenever the tables or what goes into them change: an index of another version is
 * dropped and rebuilt from the documents.
 */
const INDEX_VERSION = 17
const SEARCH_LIMIT = 50
/**
 * A search whose every word is this short (a first keystroke or two, then Enter) lists the cases
 * whose name or CHAIN number has a word beginning so, most recently changed first: FTS5 would
 * gather and rank every word of every note beginning with the letter (282 ms at 30,000 cases).
 */
const SHORT_TERM = 2
/** The columns of a case's name and CHAIN number: matches in them come first (see `#find`). */
const NAME_COLUMNS = '{names identifiers}'
/** The columns ranked by bm25 (notes apart): see `#find`. */
const RANKED_COLUMNS = '{names identifiers referral addresses casework}'
/**
 * How many of the newest matches bm25 ranks: a name is in far fewer cases, so its matches are all
 * ranked; a word of thousands of cases' actions ("methadone") is ranked among the newest of them.
 * At 30,000 cases ranking all of "methadone" took 32 ms, and 500 of "birth certificate" 9 ms.
 */
const RANK_CANDIDATES = 200
/** Rows on a page of the case list. */
export const CASE_PAGE_SIZE = 50

/** What the index holds for one case. */
export interface IndexEntry {
  summary: CaseSummary
  text: CaseSearchText
  board: BoardFacts
  heads: string[]
  /** The case's learning points: the team's learning log is read from these (Team.learningLog). */
  learningPoints: Record<string, CaseLearningPoint>
}

/** An open case as the board and My tasks read it (and a closed one owed a follow-up check): shared between calls, never changed. */
export type BoardCase = Readonly<{ summary: CaseSummary; board: BoardFacts }>
/** A closed case as the team's retention reads it. */
export type ClosedCase = Readonly<{ id: string; clientName: string; status: 'closed'; closedAs: ClosedAs | null; closedOn: IsoDate | null }>

interface CaseRow {
  id: string
  client_name: string
  date_of_birth: string
  chain_number: string | null
  phase: string
  status: string
  closed_as: string | null
  lead_caseworker: string | null
  lead_caseworker_id: string | null
  created_at: string
  updated_at: string
}

/**
 * The case index: a row per case for lists, and an FTS5 table for search, derived from the case
 * documents so the case list never needs to open them. Search text is folded (accents, case)
 * before it is stored, with the same function that folds the query.
 */
export class CaseIndex {
  readonly #db: SqliteDatabase
  readonly #statements
  /** The short search's statement for each number of words, prepared when first needed. */
  readonly #nameStarts = new Map<number, { all: (...terms: string[]) => (CaseRow & SearchColumns)[] }>()
  /** Reads kept for one state of the index (`#keptRead`), by what they read. */
  readonly #kept = new Map<'open cases' | 'closed cases', { changes: number; value: unknown }>()
  /** True when this index started empty and must be filled from the documents. */
  readonly needsRebuild: boolean

  private constructor(db: SqliteDatabase, needsRebuild: boolean) {
    this.#db = db
    this.needsRebuild = needsRebuild
    this.#statements = {
      upsertCase: db.prepare<[CaseSummary & { heads: string; board: string; learningPoints: string }], { rowid: number }>(`
        INSERT INTO cases (id, client_name, date_of_birth, chain_number, phase, status, closed_as, lead_caseworker, lead_caseworker_id, created_at, updated_at, heads, board, learning_points)
        VALUES (@id, @clientName, @dateOfBirth, @chainNumber, @phase, @status, @closedAs, @leadCaseworker, @leadCaseworkerId, @createdAt, @updatedAt, @heads, @board, @learningPoints)
        ON CONFLICT (id) DO UPDATE SET
          client_name = excluded.client_name, date_of_birth = excluded.date_of_birth,
          chain_number = excluded.chain_number, phase = excluded.phase, status = excluded.status,
          closed_as = excluded.closed_as, lead_caseworker = excluded.lead_caseworker,
          lead_caseworker_id = excluded.lead_caseworker_id, created_at = excluded.created_at,
          updated_at = excluded.updated_at, heads = excluded.heads,
          board = excluded.board, learning_points = excluded.learning_points
        RETURNING rowid`),
      totalChanges: db.prepare<[], number>('SELECT total_changes()').pluck(),
      closedCases: db.prepare<[], Pick<CaseRow, 'id' | 'client_name' | 'status' | 'closed_as'> & { closed_on: string | null }>(
        "SELECT id, client_name, status, closed_as, json_extract(board, '$.closedOn') AS closed_on FROM cases WHERE status = 'closed'",
      ),
      learningPoints: db.prepare<[], { id: string; learning_points: string }>("SELECT id, learning_points FROM cases WHERE learning_points != '{}'"),
      // A closed case is on the board only while a follow-up check after closure is owed.
      board: db.prepare<[], CaseRow & { board: string }>(
        `SELECT ${COLUMNS}, board FROM cases WHERE status = 'open' OR json_array_length(board, '$.followUpsOwed') > 0`,
      ),
      // The names are a JSON array: the client's name and their other names, as keys.
      duplicates: db.prepare<[string, string, string], CaseRow>(`
        SELECT ${COLUMNS} FROM cases
        WHERE (chain_number IS NOT NULL AND chain_number != '' AND chain_number = ?)
           OR (id IN (SELECT case_id FROM case_names WHERE name_key IN (SELECT value FROM json_each(?))) AND date_of_birth = ?)
        ORDER BY updated_at DESC`),
      deleteNames: db.prepare<[string]>('DELETE FROM case_names WHERE case_id = ?'),
      insertName: db.prepare<[string, string]>('INSERT OR IGNORE INTO case_names (case_id, name_key) VALUES (?, ?)'),
      deleteText: db.prepare<[number]>('DELETE FROM case_text WHERE rowid = ?'),
      textOf: db.prepare<[number], Record<string, string>>('SELECT names, identifiers, referral, addresses, casework, notes FROM case_text WHERE rowid = ?'),
      wordInAnyCase: db.prepare<[string], number>('SELECT 1 FROM case_text WHERE case_text MATCH ? LIMIT 1').pluck(),
      deleteWord: db.prepare<[string]>('DELETE FROM search_words WHERE word = ?'),
      insertText: db.prepare<[number, string, string, string, string, string, string]>(
        'INSERT INTO case_text (rowid, names, identifiers, referral, addresses, casework, notes) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      deleteNameWords: db.prepare<[number]>('DELETE FROM name_words WHERE case_rowid = ?'),
      addNameWord: db.prepare<[string, string, number]>('INSERT OR IGNORE INTO name_words (word, updated_at, case_rowid) VALUES (?, ?, ?)'),
      headsOf: db.prepare<[string], { heads: string }>('SELECT heads FROM cases WHERE id = ?'),
      rowidOf: db.prepare<[string], number>('SELECT rowid FROM cases WHERE id = ?').pluck(),
      deleteCase: db.prepare<[string]>('DELETE FROM cases WHERE id = ?'),
      forgetUnreadable: db.prepare<[string]>('DELETE FROM unreadable WHERE id = ?'),
      markUnreadable: db.prepare<[string, string]>(
        'INSERT INTO unreadable (id, reason) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET reason = excluded.reason',
      ),
      clearUnreadable: db.prepare<[string]>('DELETE FROM unreadable WHERE id = ?'),
      unreadable: db.prepare<[], UnreadableCase>('SELECT id, reason FROM unreadable ORDER BY id'),
      list: db.prepare<[], CaseRow>(`SELECT ${COLUMNS} FROM cases ORDER BY updated_at DESC, rowid DESC`),
      // One statement for every combination of filters: a filter left null matches every case.
      listPage: db.prepare<[ListFilter & { limit: number; offset: number }], CaseRow>(`
        SELECT ${COLUMNS} FROM cases WHERE ${LIST_FILTER}
        ORDER BY updated_at DESC, rowid DESC LIMIT @limit OFFSET @offset`),
      countPage: db.prepare<[ListFilter], number>(`SELECT count(*) FROM cases WHERE ${LIST_FILTER}`).pluck(),
      // The index's words that begin with a letter: where a misspelt word's near neighbours are looked for.
      wordsFrom: db.prepare<[string, string], string>('SELECT word FROM search_words WHERE word >= ? AND word < ?').pluck(),
      addWord: db.prepare<[string]>('INSERT OR IGNORE INTO search_words (word) VALUES (?)'),
      // Two joins rather than one with OR, so that each uses its index. The second goes from the
      // pairs of cases sharing a name (CROSS JOIN keeps that order): left to choose, SQLite paired
      // every open case with every other by their status (3.8 s at 5,000 cases, on the case list).
      openDuplicates: db.prepare<[], string>(`
        SELECT a.id FROM cases a JOIN cases b ON b.chain_number = a.chain_number AND b.id != a.id AND b.status = 'open'
        WHERE a.status = 'open' AND a.chain_number IS NOT NULL AND a.chain_number != ''
        UNION
        SELECT a.id FROM case_names an
          CROSS JOIN case_names bn ON bn.name_key = an.name_key AND bn.case_id != an.case_id
          CROSS JOIN cases a ON a.id = an.case_id AND a.status = 'open'
          CROSS JOIN cases b ON b.id = bn.case_id AND b.date_of_birth = a.date_of_birth AND b.status = 'open'`).pluck(),
      // The best 50 by bm25 of the newest RANK_CANDIDATES are chosen inside FTS5 before any is joined to its row.
      ranked: db.prepare<[string, number], CaseRow & SearchColumns>(`
        SELECT ${HIT_COLUMNS}
        FROM (SELECT rowid, score FROM (
                SELECT rowid, bm25(case_text, 10.0, 5.0, 2.0, 2.0, 1.5, 1.0) AS score FROM case_text WHERE case_text MATCH ? ORDER BY rowid DESC LIMIT ${RANK_CANDIDATES})
              ORDER BY score LIMIT ?) AS best
        JOIN cases ON cases.rowid = best.rowid JOIN case_text ON case_text.rowid = best.rowid
        ORDER BY best.score, cases.updated_at DESC`),
      // FTS5 walks its matches newest first and stops at the limit: no match is scored or sorted.
      newest: db.prepare<[string, number], CaseRow & SearchColumns>(`
        SELECT ${HIT_COLUMNS}
        FROM (SELECT rowid FROM case_text WHERE case_text MATCH ? ORDER BY rowid DESC LIMIT ?) AS found
        JOIN cases ON cases.rowid = found.rowid JOIN case_text ON case_text.rowid = found.rowid
        ORDER BY found.rowid DESC`),
    }
  }

  /**
   * Opens the index, starting it afresh when it is missing, damaged, of another version, or was
   * never completed (a rebuild cut off by a crash): then `needsRebuild` is true. The version is
   * written only when a rebuild commits.
   */
  static open(file: string, options: SqliteOptions = {}): CaseIndex {
    let db: SqliteDatabase | undefined
    let version = -1
    try {
      db = openSqlite(file, options)
      version = db.pragma('user_version', { simple: true }) as number
      // A file damaged in the middle still opens and says its version: its pages are checked too
      // (a few milliseconds for thousands of cases), and a damaged one is built again.
      if (db.pragma('quick_check', { simple: true }) !== 'ok') version = -1
    } catch {
      // Not a database: it is derived data, so start again.
    }
    if (!db || version !== INDEX_VERSION) {
      db?.close()
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
      db = openSqlite(file, options)
      db.exec(`
        CREATE TABLE cases (
          id TEXT NOT NULL UNIQUE,
          client_name TEXT NOT NULL,
          date_of_birth TEXT NOT NULL,
          chain_number TEXT,
          phase TEXT NOT NULL,
          status TEXT NOT NULL,
          closed_as TEXT,
          lead_caseworker TEXT,
          lead_caseworker_id TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          heads TEXT NOT NULL,
          board TEXT NOT NULL,
          learning_points TEXT NOT NULL
        );
        CREATE INDEX cases_by_update ON cases (updated_at DESC);
        CREATE INDEX cases_by_chain ON cases (chain_number);
        -- Every name a case's client is known by (their name and their other names), as keys: the duplicate check.
        CREATE TABLE case_names (case_id TEXT NOT NULL, name_key TEXT NOT NULL, PRIMARY KEY (name_key, case_id)) WITHOUT ROWID;
        CREATE INDEX case_names_by_case ON case_names (case_id);
        CREATE INDEX cases_by_status ON cases (status, updated_at DESC);
        CREATE INDEX cases_by_lead ON cases (lead_caseworker_id, updated_at DESC);
        CREATE TABLE unreadable (id TEXT PRIMARY KEY, reason TEXT NOT NULL);
        CREATE VIRTUAL TABLE case_text USING fts5 (
          names, identifiers, referral, addresses, casework, notes,
          tokenize = 'unicode61 remove_diacritics 2'
        );
        -- FTS5's secure-delete: a row deleted or replaced (a case changed, corrected, erased, restricted
        -- to others) has its words taken out of the index's segments at once, not left in them until
        -- the next merge; SQLite 3.42 or later (the bundled one is newer).
        INSERT INTO case_text (case_text, rank) VALUES ('secure-delete', 1);
        -- search_words: the words a slip may have been meant as (mayBeMeant), read by first letter
        -- in microseconds; fts5vocab counts every word's matches to list them (5 ms a letter at
        -- 5,000 cases). A word no longer in any case stays until the next rebuild, matching nothing
        -- (one only a case taken out of the index had goes with it, in remove).
        CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
        -- name_words: each word of a case's names and CHAIN number, with when the case last changed
        -- and its case (the rowid of cases and case_text): a search of one or two letters reads these
        -- (SHORT_TERM), the newest chosen from this table alone (reading each case's row was most of it).
        CREATE TABLE name_words (word TEXT NOT NULL, updated_at TEXT NOT NULL, case_rowid INTEGER NOT NULL, PRIMARY KEY (word, updated_at, case_rowid)) WITHOUT ROWID;
        CREATE INDEX name_words_by_case ON name_words (case_rowid);
      `)
    }
    return new CaseIndex(db, version !== INDEX_VERSION)
  }

  /**
   * Writes a case's rows, within the caller's transaction (one a batch: a transaction of its own
   * each, nested, cost a savepoint a case), and adds the words a slip may be meant as to `words`,
   * written once a batch (`#addWords`).
   */
  #put({ summary, text, board, heads, learningPoints }: IndexEntry, words: Set<string>): void {
    this.#statements.clearUnreadable.run(summary.id)
    const row = this.#statements.upsertCase.get({ ...summary, heads: JSON.stringify(heads), board: JSON.stringify(board), learningPoints: JSON.stringify(learningPoints) })
    if (!row) throw new Error('The case index did not return a row')
    this.#statements.deleteNames.run(summary.id)
    for (const key of text.nameKeys) this.#statements.insertName.run(summary.id, key)
    this.#statements.deleteText.run(row.rowid)
    const columns = [text.names, text.identifiers, text.referral, text.addresses, text.casework, text.notes].map(foldForSearch) as [string, string, string, string, string, string]
    this.#statements.insertText.run(row.rowid, ...columns)
    for (const column of columns) for (const word of searchTerms(column)) words.add(word)
    this.#statements.deleteNameWords.run(row.rowid)
    for (const word of searchTerms(`${columns[0]} ${columns[1]}`)) this.#statements.addNameWord.run(word, summary.updatedAt, row.rowid)
  }

  /** Puts many cases in one transaction. */
  putMany(entries: IndexEntry[]): void {
    this.#db.transaction(() => {
      const words = new Set<string>()
      for (const entry of entries) this.#put(entry, words)
      this.#addWords(words)
    })()
  }

  /**
   * Adds the words a slip may be meant as to the table of words, once a batch: cases share most of
   * their words, and one statement per word of every case was half of writing a fresh laptop's
   * 1,000 cases into the index.
   */
  #addWords(words: Set<string>): void {
    for (const word of words) if (mayBeMeant(word)) this.#statements.addWord.run(word)
  }

  /**
   * Takes a case that cannot be read out of the lists, search and the board, and names it among the
   * unreadable: shown as such, never as a case that is simply missing.
   */
  markUnreadable(cases: UnreadableCase[]): void {
    this.#db.transaction(() => {
      for (const { id, reason } of cases) {
        const rowid = this.#statements.rowidOf.get(id)
        if (rowid !== undefined) {
          this.#statements.deleteText.run(rowid)
          this.#statements.deleteNameWords.run(rowid)
        }
        this.#statements.deleteCase.run(id)
        this.#statements.deleteNames.run(id)
        this.#statements.markUnreadable.run(id, reason)
      }
    })()
  }

  /**
   * Takes cases out of the index altogether (no longer the team's: a manager took them out of it,
   * erased or corrected them): their rows, their words in the search (secure-delete), the words
   * only they had among those a slip may be meant as, and the log's copies of the pages.
   */
  remove(ids: readonly string[]): void {
    this.#db.transaction(() => {
      const words = new Set<string>()
      for (const id of ids) {
        const rowid = this.#statements.rowidOf.get(id)
        if (rowid !== undefined) {
          for (const column of Object.values(this.#statements.textOf.get(rowid) ?? {})) for (const word of searchTerms(column)) words.add(word)
          this.#statements.deleteText.run(rowid)
          this.#statements.deleteNameWords.run(rowid)
        }
        this.#statements.deleteCase.run(id)
        this.#statements.deleteNames.run(id)
        this.#statements.forgetUnreadable.run(id)
      }
      for (const word of words) if (!this.#statements.wordInAnyCase.get(`"${word.replaceAll('"', '""')}"`)) this.#statements.deleteWord.run(word)
    })()
    this.#db.pragma('wal_checkpoint(TRUNCATE)')
  }

  /** The case documents that could not be read, by id. */
  unreadable(): UnreadableCase[] {
    return this.#statements.unreadable.all()
  }

  /**
   * Replaces the whole index in one transaction and marks it complete. A rebuild follows a case
   * leaving this laptop (restricted to others, or erased): FTS5 keeps a deleted row's words in its
   * older segments until they are merged, so they are merged at once, and the log written back,
   * leaving no word of it in the file.
   */
  replaceAll(entries: Iterable<IndexEntry>, unreadable: UnreadableCase[] = []): void {
    this.#db.transaction(() => {
      this.#db.exec('DELETE FROM cases; DELETE FROM case_names; DELETE FROM case_text; DELETE FROM unreadable; DELETE FROM search_words; DELETE FROM name_words;')
      const words = new Set<string>()
      for (const entry of entries) this.#put(entry, words)
      this.#addWords(words)
      this.markUnreadable(unreadable)
      this.#db.pragma(`user_version = ${INDEX_VERSION}`)
    })()
    this.#db.exec("INSERT INTO case_text (case_text) VALUES ('optimize')")
    this.#db.pragma('wal_checkpoint(TRUNCATE)')
  }

  /** The document heads the index last saw for a case, to skip work that is already done. */
  headsOf(id: string): string[] | undefined {
    const row = this.#statements.headsOf.get(id)
    return row ? (JSON.parse(row.heads) as string[]) : undefined
  }

  /** Every open case with what the caseload board shows of it. */
  openCasesForBoard(): readonly BoardCase[] {
    // Opening the board asks for its start, then the whole board, and the navigation's "My tasks"
    // count asks too (at 5,000 cases, each read and parse took a quarter of a second on a busy machine).
    return this.#keptRead('open cases', () =>
      this.#statements.board.all().map((row): BoardCase => ({ summary: toSummary(row), board: JSON.parse(row.board) as BoardFacts })),
    )
  }

  /**
   * The closed cases and the day each closed, for the team's retention: read here, not from every
   * document, because the board shows the retention's notice (reading 5,000 documents took the core
   * minutes, and it answered nothing else meanwhile: npm run bench -- board-first-row).
   */
  closedCases(): readonly ClosedCase[] {
    // The board asks on each opening.
    return this.#keptRead('closed cases', () =>
      this.#statements.closedCases.all().map((row): ClosedCase => ({
        id: row.id,
        clientName: row.client_name,
        status: 'closed',
        closedAs: row.closed_as as ClosedAs | null,
        closedOn: row.closed_on as IsoDate | null,
      })),
    )
  }

  /**
   * What `read` reads, read once for each state of the index and kept (shared between callers,
   * never changed). Every write through this connection, the index's only one, moves total_changes().
   */
  #keptRead<T>(what: 'open cases' | 'closed cases', read: () => readonly T[]): readonly T[] {
    const changes = this.#statements.totalChanges.get()!
    const kept = this.#kept.get(what)
    if (kept?.changes === changes) return kept.value as readonly T[]
    const value = read()
    this.#kept.set(what, { changes, value })
    return value
  }

  /**
   * The learning points of every case in the index, by id, each with its case: the team's learning
   * log as this laptop may see it (a case restricted to others, or erased, is not in the index).
   */
  learningLog(): Record<string, LearningPoint> {
    const log: Record<string, LearningPoint> = {}
    for (const row of this.#statements.learningPoints.all()) {
      for (const [id, point] of Object.entries(JSON.parse(row.learning_points) as Record<string, CaseLearningPoint>)) log[id] = { caseId: row.id, ...point }
    }
    return log
  }

  list(): CaseSummary[] {
    return this.#statements.list.all().map(toSummary)
  }

  /** A page of the case list, most recently changed first, with how many cases the filters match. */
  listPage(query: CaseListQuery, leadCaseworkerId: string | null): Omit<CasePage, 'cases'> & { cases: CaseSummary[] } {
    const filter: ListFilter = { status: query.status ?? null, phase: query.phase ?? null, lead: leadCaseworkerId }
    const total = this.#statements.countPage.get(filter) ?? 0
    // A page past the end (the list shrank since it was asked for) shows the last page.
    const lastPage = Math.max(1, Math.ceil(total / CASE_PAGE_SIZE))
    const offset = (Math.min(query.page ?? 1, lastPage) - 1) * CASE_PAGE_SIZE
    const cases = this.#statements.listPage.all({ ...filter, limit: CASE_PAGE_SIZE, offset }).map(toSummary)
    return { cases, total, offset, pageSize: CASE_PAGE_SIZE }
  }

  /** Open cases with another open case of the same person (the same CHAIN number, or name and date of birth). */
  openDuplicates(): Set<string> {
    return new Set(this.#statements.openDuplicates.all())
  }

  /**
   * Cases whose name, CHAIN number, referral, addresses, other forms (actions, plans…) or notes
   * contain every word of `text` (as word prefixes); then, if there is room, cases where a word is
   * spelt a letter or two differently ("gwenlian" finds Gwenllian): each word of four letters or
   * more also matches the index's words within a small edit distance, among those with the same
   * first letter. A search of only one or two letters a word finds names and CHAIN numbers
   * beginning with them (SHORT_TERM).
   */
  search(text: string): SearchHit[] {
    const terms = searchTerms(text)
    if (terms.length === 0) return []
    if (terms.every((term) => [...term].length <= SHORT_TERM)) return this.#nameStartingWith(terms)
    const quote = (word: string) => `"${word.replaceAll('"', '""')}"`
    const exact = this.#find(terms.map((term) => `${quote(term)}*`).join(' '), terms.map((term) => [term]))
    if (exact.length >= SEARCH_LIMIT) return exact
    const spellings = terms.map((term) => [term, ...this.#closeWords(term)])
    if (spellings.every((words) => words.length === 1)) return exact
    const found = new Set(exact.map((hit) => hit.id))
    const fuzzy = this.#find(spellings.map(([term, ...near]) => `(${[`${quote(term!)}*`, ...near.map(quote)].join(' OR ')})`).join(' AND '), spellings)
    return [...exact, ...fuzzy.filter((hit) => !found.has(hit.id))].slice(0, SEARCH_LIMIT)
  }

  /**
   * The cases matching an FTS5 query, at most SEARCH_LIMIT: first those where every word is in
   * the name, CHAIN number, referral, addresses or other forms, best first by bm25 (among the
   * newest RANK_CANDIDATES of them); then, if there
   * is room, those it takes the notes to match, most recently indexed first. Ranking every match
   * by bm25 was most of a common word's cost (a note word is in thousands of cases' notes), and
   * which of a thousand notes says "pharmacy" most is no help to the person looking.
   */
  #find(query: string, spellings: string[][]): SearchHit[] {
    // A client whose surname is an everyday word ("Green", of Green Lane in hundreds of addresses)
    // must not fall outside the newest RANK_CANDIDATES: their name's matches come first, on their own.
    let rows = this.#statements.ranked.all(`${NAME_COLUMNS} : (${query})`, SEARCH_LIMIT)
    const more = (found: (CaseRow & SearchColumns)[]) => {
      const had = new Set(rows.map((row) => row.id))
      rows = [...rows, ...found.filter((row) => !had.has(row.id))].slice(0, SEARCH_LIMIT)
    }
    if (rows.length < SEARCH_LIMIT) more(this.#statements.ranked.all(`${RANKED_COLUMNS} : (${query})`, SEARCH_LIMIT + rows.length))
    if (rows.length < SEARCH_LIMIT) more(this.#statements.newest.all(query, SEARCH_LIMIT + rows.length))
    return rows.map((row) => ({ ...toSummary(row), matchedIn: matchedIn(spellings, row) }))
  }

  /**
   * Cases with a word of their names or CHAIN number beginning with each term: those with the
   * first term as a whole word first ("li" lists Wei Li before a newer Liam), then most recently changed.
   */
  #nameStartingWith(terms: string[]): SearchHit[] {
    let statement = this.#nameStarts.get(terms.length)
    if (!statement) {
      statement = this.#db.prepare<string[], CaseRow & SearchColumns>(`
      SELECT ${HIT_COLUMNS}
      FROM (SELECT case_rowid AS rowid, max(word = ?) AS whole FROM name_words WHERE word >= ? AND word < ?
              ${terms
                .slice(1)
                .map(() => 'AND case_rowid IN (SELECT case_rowid FROM name_words WHERE word >= ? AND word < ?)')
                .join(' ')}
            GROUP BY case_rowid ORDER BY whole DESC, max(updated_at) DESC, case_rowid DESC LIMIT ${SEARCH_LIMIT}) AS found
      JOIN cases ON cases.rowid = found.rowid JOIN case_text ON case_text.rowid = found.rowid
      ORDER BY found.whole DESC, cases.updated_at DESC, cases.rowid DESC`)
      this.#nameStarts.set(terms.length, statement)
    }
    // Every word from the term up to the term followed by the last character there is.
    const rows = statement.all(terms[0]!, ...terms.flatMap((term) => [term, `${term}\u{10FFFF}`]))
    return rows.map((row) => ({ ...toSummary(row), matchedIn: matchedIn(terms.map((term) => [term]), row) }))
  }

  /** The index's words a word may be a misspelling of. */
  #closeWords(term: string): string[] {
    if ([...term].length < 4) return []
    const first = String.fromCodePoint(term.codePointAt(0)!)
    const after = String.fromCodePoint(first.codePointAt(0)! + 1)
    return closeWords(term, this.#statements.wordsFrom.all(first, after))
  }

  /** Cases that may be the same person: same CHAIN number, or a name in common (theirs or another they are known by) and the date of birth. */
  possibleDuplicates(identity: { chainNumber?: string | null; nameKeys: readonly string[]; dateOfBirth: string }): CaseSummary[] {
    return this.#statements.duplicates.all(identity.chainNumber ?? '', JSON.stringify(identity.nameKeys), identity.dateOfBirth).map(toSummary)
  }

  close(): void {
    this.#db.close()
  }
}

const COLUMNS = 'id, client_name, date_of_birth, chain_number, phase, status, closed_as, lead_caseworker, lead_caseworker_id, created_at, updated_at'
/** What a search hit reads: the case's row, and the words that say where it was found (the notes, last in case_text, are never read). */
const HIT_COLUMNS = `${COLUMNS.split(', ').map((column) => `cases.${column}`).join(', ')}, case_text.names AS names, case_text.identifiers AS identifiers,
  case_text.referral AS referral, case_text.addresses AS addresses, case_text.casework AS casework`

interface ListFilter {
  status: 'open' | 'closed' | null
  phase: string | null
  lead: string | null
}
const LIST_FILTER = '(@status IS NULL OR status = @status) AND (@phase IS NULL OR phase = @phase) AND (@lead IS NULL OR lead_caseworker_id = @lead)'

interface SearchColumns {
  names: string
  identifiers: string
  referral: string
  addresses: string
  casework: string
}

function toSummary(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    clientName: row.client_name,
    dateOfBirth: row.date_of_birth,
    chainNumber: row.chain_number,
    phase: row.phase as Phase,
    status: row.status as CaseSummary['status'],
    closedAs: row.closed_as as ClosedAs | null,
    leadCaseworker: row.lead_caseworker,
    leadCaseworkerId: row.lead_caseworker_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/**
 * Says where a hit came from: the first place that holds every term (as a prefix, or in one of its
 * close spellings) wins, notes otherwise. The stored words are folded already; each term is a
 * pattern run over them (splitting 50 hits' text into words took longer than finding them).
 */
function matchedIn(spellings: string[][], row: SearchColumns): MatchedIn {
  const patterns = spellings.map(([term, ...near]) => wordPattern(term!, near))
  const hasAll = (text: string) => patterns.every((pattern) => pattern.test(text))
  const places: [MatchedIn, string][] = [
    ['name', row.names],
    ['identifiers', row.identifiers],
    ['addresses', row.addresses],
    ['referral', row.referral],
    ['casework', row.casework],
  ]
  return places.find(([, text]) => hasAll(text))?.[0] ?? 'notes'
}

/** A word beginning with `prefix`, or one of `words` whole, in folded text (a search's terms are letters and digits only). */
function wordPattern(prefix: string, words: string[]): RegExp {
  const edge = '(?<![\\p{L}\\p{N}])'
  const whole = words.length > 0 ? `|(?:${words.join('|')})(?![\\p{L}\\p{N}])` : ''
  return new RegExp(`${edge}(?:${prefix}${whole})`, 'u')
}

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { CaseIndex, type IndexEntry } from '../../src/main/core/index/case-index'
import { boardFacts } from '../../src/shared/board/board'
import { readCase } from '../../src/shared/case/case-doc'
import { caseSearchText, summariseCase } from '../../src/shared/case/summary'
import { openSqlite } from '../../src/node/sqlite'
import { newCase } from '../support/cases'
import { tempDir } from '../support/temp-dir'

/** The index's entry for a case with this name and CHAIN number. */
function entry(id: string, clientName: string, chainNumber: string): IndexEntry {
  const doc = newCase({ clientName, chainNumber })
  const record = readCase(doc)
  return { summary: summariseCase(id, record), text: caseSearchText(record), board: boardFacts(record), heads: Automerge.getHeads(doc), learningPoints: {} }
}

/** Whether a word is anywhere in the index: its file's bytes (this test's is unencrypted, so its pages can be read), its FTS5 segments, its tables of words. */
function traces(file: string, word: string): string[] {
  const found: string[] = []
  if (readFileSync(file).toString('latin1').toLowerCase().includes(word)) found.push('file')
  const db = openSqlite(file)
  try {
    if (db.prepare<[], { block: Buffer }>('SELECT block FROM case_text_data').all().some((row) => row.block.toString('latin1').includes(word))) found.push('fts segments')
    if (db.prepare('SELECT word FROM search_words').pluck().all().includes(word)) found.push('search words')
    if (db.prepare('SELECT word FROM name_words').pluck().all().includes(word)) found.push('name words')
  } finally {
    db.close()
  }
  return found
}

describe('a case taken out of the search index leaves no trace of its words', () => {
  const folders: { remove: () => void }[] = []
  afterEach(() => folders.splice(0).forEach((folder) => folder.remove()))

  it('neither a corrected value, nor an erased (or corrected away) case, stays in its segments, pages or words', () => {
    const folder = tempDir('index-trace')
    folders.push(folder)
    const file = join(folder.path, 'index.sqlite')
    const index = CaseIndex.open(file)
    // Enough other cases that FTS5 keeps several segments, as a laptop's index does.
    for (let i = 0; i < 40; i++) index.putMany([entry(`other-${i}`, `Olwen Pryce${i}`, `40000${i}`)])
    index.putMany([entry('old', 'Zofia Wisniewska', '918273')])
    index.putMany([entry('kept', 'Aoife Byrne', '555111')])
    // A value corrected in place (the case indexed again with the right value): the old one goes.
    index.putMany([entry('kept', 'Aoife Byrne', '555112')])
    // The old document of a corrected case, or an erased case, taken out without a rebuild.
    index.remove(['old'])
    index.close()

    expect(traces(file, '918273')).toEqual([])
    expect(traces(file, 'wisniewska')).toEqual([])
    expect(traces(file, 'zofia')).toEqual([])
    expect(traces(file, '555111')).toEqual([])
    // What is still held is still found.
    expect(traces(file, 'byrne')).toEqual(['file', 'fts segments', 'search words', 'name words'])
  })
})

/**
 * A child process for the crash test: opens a workspace, then adds notes to one case as fast as it
 * can, printing `ack N` once note N is on disk. It writes through the case document and flushes,
 * without waiting for the index, so a kill can fall between a save and its indexing.
 */
import { randomUUID } from 'node:crypto'
import { openWorkspace } from '../../src/main/core/workspace'
import { addNote } from '../../src/shared/case/changes'
import { authoredBy } from '../../src/shared/authorship'
import { AMINA, referral } from './people'

const [dataDir] = process.argv.slice(2)
if (!dataDir) throw new Error('usage: crash-writer DATA_DIR')

const workspace = await openWorkspace({ dataDir, user: AMINA })
const caseId = await workspace.cases.create(referral())
process.stdout.write(`case ${caseId}\n`)
const handle = await workspace.cases.open(caseId)
for (let n = 1; ; n++) {
  const now = new Date()
  handle.change(
    (doc) =>
      addNote(doc, { date: '2026-11-20', type: 'phone', text: `Contact number ${n} word${n}x` }, { id: randomUUID(), author: AMINA, role: 'caseworker', now, today: '2026-11-20' }),
    authoredBy(AMINA, now),
  )
  await workspace.repo.flush([handle.documentId])
  process.stdout.write(`ack ${n}\n`)
}

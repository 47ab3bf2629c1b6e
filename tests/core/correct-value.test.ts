import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { corrections } from '../../src/shared/team/corrections'
import { DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

describe('correcting a value on a laptop alone', () => {
  const dir = tempDir('correct-value')
  let ws: Workspace | undefined
  afterEach(async () => {
    await ws?.close()
    ws = undefined
    dir.remove()
  })

  it('rebuilds the case as a new document without the old value, and deletes the old one', async () => {
    ws = await openWorkspace({ dataDir: dir.path, user: DEREK })
    const caseId = await ws.cases.create(referral({ chainNumber: '918273' }))
    const newId = await ws.correctedCases.correct(caseId, 'referral.chainNumber', '918237')
    expect(corrections(ws.teamDoc())[caseId]).toMatchObject({ replacedBy: newId, field: 'referral.chainNumber', by: DEREK.id })
    expect(ws.cases.list().map((c) => c.id)).toEqual([newId])
    const doc = (await ws.cases.open(newId)).doc()
    expect((await ws.cases.read(newId)).referral.chainNumber).toBe('918237')
    const history = Automerge.getAllChanges(doc).map((change) => JSON.stringify(Automerge.decodeChange(change).ops)).join()
    expect(history).not.toContain('918273')
    expect(await ws.repo.storageSubsystem!.loadDoc(caseId as never)).toBeNull()
    expect(ws.correctedCases.correctionOf(newId).rebuiltAt).toBeDefined()
  })

  it('keeps who viewed and changed the case before the correction in its audit, read under the id it has now', async () => {
    ws = await openWorkspace({ dataDir: dir.path, user: DEREK })
    const caseId = await ws.cases.create(referral({ chainNumber: '918273' }))
    ws.audit.record(caseId, 'exported', 'subject access copy')
    const before = ws.audit.ofCase(caseId)
    expect(before.map((row) => row.action)).toContain('exported')
    const newId = await ws.correctedCases.correct(caseId, 'referral.chainNumber', '918237')
    const after = ws.audit.ofCase(newId)
    expect(after.map((row) => row.detail)).toEqual(expect.arrayContaining([...before.map((row) => row.detail), 'corrected “CHAIN number”: the old value removed']))
    expect(after.filter((row) => row.caseId === caseId)).toHaveLength(before.length)
  })
})

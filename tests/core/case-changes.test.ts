import { randomUUID } from 'node:crypto'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { createApiHandler } from '../../src/main/core/api/api-handler'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import { openWorkspace } from '../../src/main/core/workspace'
import type { CaseChanges } from '../../src/shared/api'
import { authoredBy } from '../../src/shared/authorship'
import { newCaseDoc, type CaseDoc } from '../../src/shared/case/case-doc'
import * as change from '../../src/shared/case/changes'
import { AMINA, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const START = new Date('2026-11-02T09:00:00Z')

describe('a case’s changes, through the API', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('lists the latest 500, newest first, and says how many older ones are not listed; outside a team none is attested', async () => {
    const dir = tempDir('case-changes')
    const ws = await openWorkspace({ dataDir: dir.path, user: AMINA })
    cleanups.push(dir.remove, () => ws.close())
    const author = { id: AMINA.id, name: AMINA.name }
    let doc = Automerge.from(newCaseDoc(referral() as never, { id: randomUUID(), author, now: START, today: '2026-11-02' })) as Automerge.Doc<CaseDoc>
    for (let i = 0; i < 520; i++) {
      const at = new Date(START.getTime() + i * 60_000)
      doc = Automerge.change(doc, authoredBy(author, at), (d) =>
        change.updateSection(d, 'referral', { referrerName: `Referrer ${i}` }, { author, role: 'caseworker', now: at, today: '2026-11-02' }),
      )
    }
    const [caseId] = await ws.cases.addMany([doc])
    const answer = await createApiHandler(ws)({ id: 1, method: 'caseChanges', params: { caseId } })
    expect(answer.ok).toBe(true)
    const { changes, more } = (answer as { result: CaseChanges }).result
    expect(changes).toHaveLength(500)
    // Automerge.from's first change names nobody and is dated now: listed first, as 'No author recorded'.
    expect(more).toBe(521 - 500)
    expect(changes[0]).toMatchObject({ declaredAuthor: null, attestation: 'none' })
    expect(changes.find((entry) => entry.hash === Automerge.getHeads(doc)[0])).toEqual({
      hash: Automerge.getHeads(doc)[0],
      at: new Date(START.getTime() + 519 * 60_000).toISOString(),
      declaredAuthor: author,
      attestedBy: null,
      mismatch: false,
      attestation: 'none',
      choices: [],
    })
    const times = changes.map((entry) => entry.at!)
    expect(times).toEqual([...times].sort().reverse())

    const refused = await createApiHandler(ws)({ id: 2, method: 'caseChanges', params: { caseId: 'not a case' } })
    expect(refused.ok).toBe(false)
  })

  it('names the author of a case’s first change, whether typed as a referral or made as a sample, and lists no empty change', async () => {
    const dir = tempDir('case-changes-first')
    const ws = await openWorkspace({ dataDir: dir.path, user: AMINA })
    cleanups.push(dir.remove, () => ws.close())
    const typed = await ws.cases.create(referral())
    const typedChanges = (await ws.cases.changes(typed)).changes
    expect(typedChanges.length).toBeGreaterThan(0)
    expect(typedChanges.every((entry) => entry.declaredAuthor?.id === AMINA.id)).toBe(true)

    await seedWorkspace(ws, { cases: 3, seed: 5, today: '2026-11-23' })
    const sampleIds = ws.cases.list().map((row) => row.id).filter((id) => id !== typed)
    expect(sampleIds).toHaveLength(3)
    for (const id of sampleIds) expect((await ws.cases.changes(id)).changes.filter((entry) => entry.declaredAuthor === null)).toEqual([])

    // A case made before its first change named its author began with automerge-repo's empty
    // change: it holds nothing typed, so it is not listed as a change with no author.
    const author = { id: AMINA.id, name: AMINA.name }
    const empty = Automerge.emptyChange(Automerge.init<CaseDoc>())
    const older = Automerge.change(empty, authoredBy(author, START), (d) =>
      Object.assign(d, newCaseDoc(referral({ clientName: 'Gwenllian Jones' }) as never, { id: randomUUID(), author, now: START, today: '2026-11-02' })),
    )
    const [olderId] = await ws.cases.addMany([older])
    const { changes, more } = await ws.cases.changes(olderId!)
    expect(changes.map((entry) => entry.declaredAuthor)).toEqual([author])
    expect(more).toBe(0)
  })

  it('says what a change kept where two values were saved at once', async () => {
    const dir = tempDir('case-changes-choice')
    const ws = await openWorkspace({ dataDir: dir.path, user: AMINA })
    cleanups.push(dir.remove, () => ws.close())
    const author = { id: AMINA.id, name: AMINA.name }
    const context = { author, role: 'caseworker' as const, now: START, today: '2026-11-02' }
    const base = Automerge.from(newCaseDoc(referral() as never, { id: randomUUID(), author, now: START, today: '2026-11-02' })) as Automerge.Doc<CaseDoc>
    const [one, two] = ['1111111', '2222222'].map((chainNumber) =>
      Automerge.change(Automerge.clone(base), authoredBy(author, START), (d) => change.updateSection(d, 'referral', { chainNumber }, context)),
    )
    const chosen = Automerge.change(Automerge.merge(one!, two!), authoredBy(author, START), (d) => change.chooseValue(d, 'referral', 'chainNumber', '1111111', context))
    const [caseId] = await ws.cases.addMany([chosen])
    const answer = await createApiHandler(ws)({ id: 1, method: 'caseChanges', params: { caseId } })
    const { changes } = (answer as { result: CaseChanges }).result
    expect(changes.find((entry) => entry.hash === Automerge.getHeads(chosen)[0])?.choices).toEqual(['Kept “1111111” for CHAIN number (from 2 values saved at once)'])
    expect(changes.filter((entry) => entry.choices.length > 0)).toHaveLength(1)
  })
})

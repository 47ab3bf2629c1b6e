import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CaseIndex, type IndexEntry } from '../../src/main/core/index/case-index'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { PHASES } from '../../src/shared/case/phases'
import { openSqlite } from '../../src/node/sqlite'
import { AMINA, DEREK, JO, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const NOW = new Date('2026-11-23T10:00:00Z')

describe('the case list: closed cases, filters and pages', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  async function workspace(): Promise<Workspace> {
    const dir = tempDir('case-list')
    const opened = await openWorkspace({ dataDir: dir.path, user: AMINA, now: () => NOW })
    cleanups.push(dir.remove, () => opened.close())
    return opened
  }
  function index(): CaseIndex {
    const dir = tempDir('case-index')
    const opened = CaseIndex.open(join(dir.path, 'index.sqlite'))
    cleanups.push(dir.remove, () => opened.close())
    return opened
  }

  it('lists and finds a closed case as "Closed — not appropriate", and as open again once reopened', async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral())
    await ws.cases.change(id, (doc, context) =>
      change.closeCase(doc, { type: 'inappropriate', inappropriateReason: 'client-refused', details: 'Staying in London', on: context.today, id: 'close-1' }, context),
    )
    expect(ws.cases.listPage({}).cases).toMatchObject([{ id, status: 'closed', closedAs: 'inappropriate', phase: 'identify' }])
    expect(ws.cases.search('wisniewski')).toMatchObject([{ id, closedAs: 'inappropriate' }])

    await ws.cases.reopen(id, 'He has changed his mind')
    expect(ws.cases.listPage({}).cases).toMatchObject([{ id, status: 'open', closedAs: null }])
    const record = await ws.cases.read(id)
    expect(record.phaseHistory.at(-1)).toMatchObject({ kind: 'reopened', reason: 'He has changed his mind', by: { id: AMINA.id } })
    await expect(ws.cases.reopen(id, 'Again')).rejects.toThrow('The case is not closed')
  })

  it('filters by open or closed, mine, phase and lead caseworker, in the index', async () => {
    const ws = await workspace()
    const mine = await ws.cases.create(referral({ clientName: 'Gwenllian Pryce', chainNumber: '111' }))
    const jos = await ws.cases.create(referral({ clientName: 'Ifan Morgan', chainNumber: '222' }))
    const closed = await ws.cases.create(referral({ clientName: 'Nia Evans', chainNumber: '333' }))
    await ws.cases.change(mine, (doc, context) => change.allocate(doc, { id: AMINA.id, name: AMINA.name }, context.today, context))
    await ws.cases.change(jos, (doc, context) => change.allocate(doc, { id: JO.id, name: JO.name }, context.today, context))
    await ws.cases.change(closed, (doc, context) => change.closeCase(doc, { type: 'unplanned', unplannedReason: 'disengaged', on: context.today, id: 'c' }, context))
    const ids = (query: Parameters<Workspace['cases']['listPage']>[0]) => ws.cases.listPage(query).cases.map((row) => row.id).sort()

    expect(ids({})).toEqual([mine, jos, closed].sort())
    expect(ids({ status: 'open' })).toEqual([mine, jos].sort())
    expect(ids({ status: 'closed' })).toEqual([closed])
    expect(ids({ mine: true })).toEqual([mine])
    expect(ids({ caseworkerId: JO.id })).toEqual([jos])
    expect(ids({ phase: 'identify', status: 'closed' })).toEqual([closed])
    expect(ids({ phase: 'engage' })).toEqual([])
    expect(ws.cases.listPage({ status: 'open' }).total).toBe(2)
  })

  it('pages 50 at a time, most recently changed first, and a page past the end shows the last', () => {
    const cases = index()
    cases.putMany(Array.from({ length: 123 }, (_, i) => entry(i)))
    const first = cases.listPage({}, null)
    expect(first).toMatchObject({ total: 123, offset: 0, pageSize: 50 })
    expect(first.cases).toHaveLength(50)
    expect(first.cases[0]!.id).toBe('case-122')
    const third = cases.listPage({ page: 3 }, null)
    expect(third).toMatchObject({ total: 123, offset: 100 })
    expect(third.cases.map((row) => row.id).at(-1)).toBe('case-0')
    expect(cases.listPage({ page: 9 }, null).offset).toBe(100)
    // Filtering happens before paging: the count is of what matches.
    const closed = cases.listPage({ status: 'closed', phase: 'engage' }, null)
    expect(closed.total).toBe(Array.from({ length: 123 }, (_, i) => i).filter((i) => i % 3 === 0 && PHASES[i % 8] === 'engage').length)
    expect(closed.cases.every((row) => row.closedAs === 'no-progress' && row.phase === 'engage')).toBe(true)
    expect(cases.listPage({}, 'member-derek').total).toBe(Array.from({ length: 123 }, (_, i) => i).filter((i) => i % 2 === 0).length)
  })

  it('finds a person whose name is typed with a slip, and words of the referral and the addresses', async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral({ clientName: 'Gwenllian Pryce', chainNumber: '', siteUsuallySeen: 'Outside the library on Marylebone Road' }))
    await ws.cases.create(referral({ clientName: 'Gwen Price', chainNumber: '', dateOfBirth: '1990-01-01' }))
    await ws.cases.change(id, (doc, context) =>
      change.addItem(doc, 'addresses', 'address-1', { address: '12 Stryd Fawr, Caernarfon', postcode: 'LL55 1AB', localAuthority: 'W06000002', kind: 'own-tenancy', from: '2019-03-01', to: '2025-02-01' }, context),
    )
    expect(ws.cases.search('gwenlian').map((hit) => [hit.id, hit.matchedIn])).toEqual([[id, 'name']])
    expect(ws.cases.search('gwenlian pryce').map((hit) => hit.id)).toEqual([id])
    expect(ws.cases.search('Caernarfon').map((hit) => [hit.id, hit.matchedIn])).toEqual([[id, 'addresses']])
    expect(ws.cases.search('LL55').map((hit) => hit.id)).toEqual([id])
    expect(ws.cases.search('marylebone').map((hit) => [hit.id, hit.matchedIn])).toEqual([[id, 'referral']])
    // A right spelling ranks first; a short word is never guessed at.
    expect(ws.cases.search('gwen').map((hit) => hit.clientName).sort()).toEqual(['Gwen Price', 'Gwenllian Pryce'])
    expect(ws.cases.search('gwn')).toEqual([])
  })

  it('finds every address of a case: the reconnection day’s new address and the postal address too', async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral({ clientName: 'Gwenllian Pryce', chainNumber: '', postalAddress: 'c/o St Mungo’s, 3 Harehills Lane, Leeds' }))
    await ws.cases.change(id, (doc, context) => change.updateSection(doc, 'reconnectionDay', { newAddress: 'Flat 1, 59 Gloucester Road, Bristol BS7 8AD' }, context))
    expect(ws.cases.search('Gloucester Road').map((hit) => [hit.id, hit.matchedIn])).toEqual([[id, 'addresses']])
    expect(ws.cases.search('BS7').map((hit) => hit.id)).toEqual([id])
    expect(ws.cases.search('Harehills').map((hit) => [hit.id, hit.matchedIn])).toEqual([[id, 'addresses']])
  })

  it('finds a CHAIN number as typed, never another person’s one digit off', async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral({ clientName: 'Gwenllian Pryce', chainNumber: '1111111' }))
    expect(ws.cases.search('1111111').map((hit) => hit.id)).toEqual([id])
    expect(ws.cases.search('1111112')).toEqual([])
  })

  it('starts an index of the last version afresh, so closed cases and the new search columns are filled', () => {
    const dir = tempDir('old-index')
    cleanups.push(dir.remove)
    const file = join(dir.path, 'index.sqlite')
    const old = openSqlite(file)
    old.exec('CREATE TABLE cases (id TEXT)')
    old.pragma('user_version = 5')
    old.close()
    const reopened = CaseIndex.open(file)
    cleanups.push(() => reopened.close())
    expect(reopened.needsRebuild).toBe(true)
  })
})

/** An index entry made by hand: every third case closed, every other one Derek's, the phases in turn. */
function entry(i: number): IndexEntry {
  const closed = i % 3 === 0
  const updatedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
  return {
    summary: {
      id: `case-${i}`,
      clientName: `Client ${i}`,
      dateOfBirth: '1980-01-01',
      chainNumber: null,
      phase: PHASES[i % 8]!,
      status: closed ? 'closed' : 'open',
      closedAs: closed ? 'no-progress' : null,
      leadCaseworker: i % 2 === 0 ? DEREK.name : null,
      leadCaseworkerId: i % 2 === 0 ? DEREK.id : null,
      createdAt: updatedAt,
      updatedAt,
    },
    text: { names: `Client ${i}`, identifiers: '', referral: '', addresses: '', casework: '', notes: '', nameKeys: [`client ${i}`] },
    board: {} as IndexEntry['board'],
    heads: [],
    learningPoints: {},
  }
}

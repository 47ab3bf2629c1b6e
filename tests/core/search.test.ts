import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CaseIndex, type IndexEntry } from '../../src/main/core/index/case-index'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { AMINA, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

describe('search: every word of a case, a slip forgiven, a first keystroke answered', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  /** A workspace whose clock moves a minute at each reading, so each change is later than the last. */
  async function workspace(): Promise<Workspace> {
    const dir = tempDir('search')
    let clock = Date.parse('2026-11-23T10:00:00Z')
    const opened = await openWorkspace({ dataDir: dir.path, user: AMINA, now: () => new Date((clock += 60_000)) })
    cleanups.push(dir.remove, () => opened.close())
    return opened
  }

  function index(): CaseIndex {
    const dir = tempDir('search-index')
    const opened = CaseIndex.open(join(dir.path, 'index.sqlite'))
    cleanups.push(dir.remove, () => opened.close())
    return opened
  }

  it('finds a client whose surname is an everyday word, first, though hundreds of newer cases have it in an address', () => {
    const cases = index()
    cases.putMany([entry(0, 'Alice Green'), ...Array.from({ length: 250 }, (_, i) => entry(i + 1, `Client ${i + 1}`, `${i + 1} Green Lane, Leeds`))])
    expect(cases.search('green')[0]).toMatchObject({ id: 'case-0', matchedIn: 'name' })
    expect(cases.search('alice green').map((hit) => hit.id)).toEqual(['case-0'])
    // A slip: the name's close spelling is still found, among the address's exact ones.
    expect(cases.search('greene').map((hit) => hit.id)).toContain('case-0')
  })

  it('forgives a slip in a word of any case of a batch written at once (the words are gathered for the batch and written once)', () => {
    const cases = index()
    cases.putMany([entry(0, 'Siobhan Kowalczyk', '4 Harrogate Road'), entry(1, 'Tomasz Kowalczyk', '9 Harrogate Road'), entry(2, 'Ewa Wozniak', '1 Keighley Road')])
    expect(cases.search('kowalcyk').map((hit) => hit.id).sort()).toEqual(['case-0', 'case-1'])
    expect(cases.search('keigley').map((hit) => hit.id)).toEqual(['case-2'])
    expect(cases.search('harogate').map((hit) => hit.id).sort()).toEqual(['case-0', 'case-1'])
  })

  it('answers two letters with the clients named so as a whole word first: "li" finds Wei Li before newer Liams', () => {
    const cases = index()
    cases.putMany([entry(0, 'Wei Li'), ...Array.from({ length: 60 }, (_, i) => entry(i + 1, `Liam Client${i + 1}`))])
    expect(cases.search('li')[0]).toMatchObject({ id: 'case-0', clientName: 'Wei Li' })
    expect(cases.search('li')).toHaveLength(50)
  })

  it('finds "Gwenllïan" for "gwenlian": the accent and a letter missed', async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral({ clientName: 'Gwenllïan Pryce', chainNumber: '' }))
    await ws.cases.create(referral({ clientName: 'Gwyneth Jones', chainNumber: '', dateOfBirth: '1990-01-01' }))
    expect(ws.cases.search('gwenlian').map((hit) => [hit.id, hit.matchedIn])).toEqual([[id, 'name']])
    expect(ws.cases.search('Gwenllïan').map((hit) => hit.id)).toEqual([id])
  })

  it('finds a word of an action, and of the rest of the forms: an onward referral, a goal', async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '' }))
    await ws.cases.create(referral({ clientName: 'Dan Lee', chainNumber: '', dateOfBirth: '1990-01-01' }))
    await ws.cases.change(id, (doc, context) => {
      change.addAction(doc, 'action-1', { description: 'Arrange the methadone script transfer', due: '2026-12-01' }, AMINA, context)
      change.addItem(doc, 'onwardReferrals', 'referral-1', { agency: 'Bradford Floating Support', madeOn: '2026-11-12', reason: 'Settling in', outcome: 'accepted' }, context)
      change.addItem(doc, 'goals', 'goal-1', { goal: 'See my daughter at weekends' }, context)
    })
    expect(ws.cases.search('methadone').map((hit) => [hit.id, hit.matchedIn])).toEqual([[id, 'casework']])
    expect(ws.cases.search('script transfer').map((hit) => hit.id)).toEqual([id])
    expect(ws.cases.search('floating support').map((hit) => [hit.id, hit.matchedIn])).toEqual([[id, 'casework']])
    expect(ws.cases.search('daughter').map((hit) => hit.id)).toEqual([id])
    // A slip in an action's word is forgiven as in a name.
    expect(ws.cases.search('methadon').map((hit) => hit.id)).toEqual([id])
    expect(ws.cases.search('metadone').map((hit) => hit.id)).toEqual([id])
  })

  it('lists a case found in its forms before one found only in its notes, and those newest first', async () => {
    const ws = await workspace()
    const inNotes = await ws.cases.create(referral({ clientName: 'Client One', chainNumber: '' }))
    const laterInNotes = await ws.cases.create(referral({ clientName: 'Client Two', chainNumber: '', dateOfBirth: '1990-01-01' }))
    const inAction = await ws.cases.create(referral({ clientName: 'Client Three', chainNumber: '', dateOfBirth: '1991-01-01' }))
    // bm25 would put the older first (the word twice, in fewer words): which note says it most is no help.
    await ws.cases.addNote(inNotes, { date: '2026-11-20', type: 'phone', text: 'Pharmacy: pharmacy.' })
    await ws.cases.addNote(laterInNotes, { date: '2026-11-20', type: 'phone', text: 'Collected the script from the pharmacy on the corner of the high street after the appointment.' })
    await ws.cases.change(inAction, (doc, context) => change.addAction(doc, 'action-1', { description: 'Call the pharmacy', due: '2026-12-01' }, AMINA, context))
    expect(ws.cases.search('pharmacy').map((hit) => [hit.id, hit.matchedIn])).toEqual([
      [inAction, 'casework'],
      [laterInNotes, 'notes'],
      [inNotes, 'notes'],
    ])
  })

  it('answers a first keystroke or two with the names and CHAIN numbers beginning so, most recently changed first', async () => {
    const ws = await workspace()
    const gwenllian = await ws.cases.create(referral({ clientName: 'Gwenllïan Pryce', chainNumber: '7000001' }))
    const gareth = await ws.cases.create(referral({ clientName: 'Gareth Evans', chainNumber: '1234567', dateOfBirth: '1990-01-01' }))
    const other = await ws.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '', dateOfBirth: '1991-01-01' }))
    await ws.cases.addNote(other, { date: '2026-11-20', type: 'phone', text: 'Going to Glasgow.' })
    expect(ws.cases.search('g').map((hit) => [hit.id, hit.matchedIn])).toEqual([
      [gareth, 'name'],
      [gwenllian, 'name'],
    ])
    await ws.cases.addNote(gwenllian, { date: '2026-11-21', type: 'phone', text: 'Called.' })
    expect(ws.cases.search('G').map((hit) => hit.id)).toEqual([gwenllian, gareth])
    expect(ws.cases.search('gw').map((hit) => hit.id)).toEqual([gwenllian])
    expect(ws.cases.search('p').map((hit) => hit.id)).toEqual([gwenllian])
    expect(ws.cases.search('g e').map((hit) => hit.id)).toEqual([gareth])
    expect(ws.cases.search('70').map((hit) => [hit.id, hit.matchedIn])).toEqual([[gwenllian, 'identifiers']])
    // From the third letter every word of the case is searched again, the notes with it.
    expect(ws.cases.search('gla').map((hit) => [hit.id, hit.matchedIn])).toEqual([[other, 'notes']])
  })

  it('forgets a case’s name words when its name changes or it leaves the index', async () => {
    const ws = await workspace()
    const id = await ws.cases.create(referral({ clientName: 'Zofia Wisniewska', chainNumber: '' }))
    expect(ws.cases.search('z').map((hit) => hit.id)).toEqual([id])
    await ws.cases.change(id, (doc, context) => change.updateSection(doc, 'referral', { clientName: 'Aoife Byrne' }, context))
    expect(ws.cases.search('z')).toEqual([])
    expect(ws.cases.search('a').map((hit) => hit.id)).toEqual([id])
  })
})

/** A case as the index holds it, made by hand: the later `i`, the more recently changed. */
function entry(i: number, name: string, address = ''): IndexEntry {
  const updatedAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
  return {
    summary: {
      id: `case-${i}`,
      clientName: name,
      dateOfBirth: '1980-01-01',
      chainNumber: null,
      phase: 'identify',
      status: 'open',
      closedAs: null,
      leadCaseworker: null,
      leadCaseworkerId: null,
      createdAt: updatedAt,
      updatedAt,
    },
    text: { names: name, identifiers: '', referral: '', addresses: address, casework: '', notes: '', nameKeys: [name.toLowerCase()] },
    board: {} as IndexEntry['board'],
    heads: [],
    learningPoints: {},
  }
}

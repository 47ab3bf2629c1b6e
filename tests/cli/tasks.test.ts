import { join } from 'node:path'
import { subDays } from 'date-fns'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { addWorkingDays, workingDayFrom } from '../../src/shared/calendar/working-days'
import { formatUkDate, isoDateOf } from '../../src/shared/dates'
import { builtEntry } from '../support/built'
import { walkTo } from '../support/cases'
import { homeward } from '../support/cli-server'
import { AMINA, DEREK, JO, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

// The command reads the real clock, so the cases are set up around today.
const today = isoDateOf(new Date())
const twoDaysAgo = isoDateOf(subDays(new Date(), 2))

describe('`homeward tasks`: what is due for a person across cases', () => {
  const dir = tempDir('cli-tasks')
  const data = join(dir.path, 'workspace')
  let olwen = ''
  let dylan = ''

  beforeAll(async () => {
    builtEntry('cli')
    // Derek, the laptop's person, manages the team; Amina is a caseworker in it.
    const ws = await openWorkspace({ dataDir: data })
    ws.team.setProfile({ name: DEREK.name })
    ws.team.addMembers([AMINA])
    olwen = await ws.cases.create(referral({ clientName: 'Olwen Pryce', chainNumber: '' }), { allowDuplicate: true })
    dylan = await ws.cases.create(referral({ clientName: 'Dylan Hughes', chainNumber: '', dateOfBirth: '1990-02-03' }), { allowDuplicate: true })
    // Agreed with Amina last week, due two days ago and not done.
    await ws.cases.change(olwen, (doc, context) =>
      change.addAction(doc, 'ring-gp', { description: 'Ring the GP practice', due: twoDaysAgo }, AMINA, { ...context, today: isoDateOf(subDays(new Date(), 7)) }),
    )
    await ws.close()
  }, 60_000)
  afterAll(() => dir.remove())

  it('prints a person’s tasks as JSON, {caseId, clientName, kind, due, person}, due as YYYY-MM-DD', () => {
    const amina = homeward('tasks', '--person', 'AMINA OKAFOR', '--data', data, '--json')
    expect(amina.err).toBe('')
    expect(JSON.parse(amina.out)).toEqual([{ caseId: olwen, clientName: 'Olwen Pryce', kind: 'action', due: twoDaysAgo, person: 'Amina Okafor' }])

    // The manager's own: the referrals not yet allocated, due on the third working day after they came in.
    const derek = JSON.parse(homeward('tasks', '--data', data, '--json').out) as { caseId: string; kind: string; due: string; person: string | null }[]
    expect(derek.map(({ caseId, kind, due, person }) => ({ caseId, kind, due, person })).sort((a, b) => a.caseId.localeCompare(b.caseId))).toEqual(
      [olwen, dylan].sort().map((caseId) => ({ caseId, kind: 'allocate-referral', due: addWorkingDays(today, 3), person: null })),
    )
    // Nothing is due before today for Derek; Amina's overdue action always shows.
    expect(JSON.parse(homeward('tasks', '--due-before', formatUkDate(today), '--data', data, '--json').out)).toEqual([])
    expect(JSON.parse(homeward('tasks', '--person', 'Amina Okafor', '--due-before', formatUkDate(today), '--data', data, '--json').out)).toHaveLength(1)
  }, 90_000)

  it('prints a readable table without --json, the overdue marked', () => {
    const text = homeward('tasks', '--person', 'Amina Okafor', '--data', data)
    expect(text.code).toBe(0)
    expect(text.out).toContain('Tasks for Amina Okafor')
    expect(text.out).toMatch(/Overdue\s+\S+\s+Olwen Pryce\s+Action\s+Ring the GP practice/)
  }, 30_000)

  it('refuses an unknown person or a date it cannot read, in one line', () => {
    const nobody = homeward('tasks', '--person', 'Nobody Here', '--data', data, '--json')
    expect(nobody.code).toBe(1)
    expect(nobody.err).toBe('homeward: no one called "Nobody Here" in the team\n')
    expect(nobody.out).toBe('')
    const badDate = homeward('tasks', '--due-before', '31/02/2026', '--data', data)
    expect(badDate.code).toBe(1)
    expect(badDate.err).toBe("homeward: option '--due-before <date>' argument '31/02/2026' is invalid. 31/02/2026 is not a real date (see --help)\n")
    // As a file or --json has a date, too.
    expect(JSON.parse(homeward('tasks', '--due-before', today, '--data', data, '--json').out)).toEqual([])
  }, 30_000)
})

describe('`homeward tasks --person`: another person\'s tasks are a manager\'s to see', () => {
  const dir = tempDir('cli-tasks-others')
  const data = join(dir.path, 'workspace')
  let olwen = ''

  beforeAll(async () => {
    builtEntry('cli')
    // A laptop Derek (the team's manager) and Jo (a caseworker) share; an action of Jo's is due.
    const ws = await openWorkspace({ dataDir: data })
    ws.team.setProfile({ name: DEREK.name })
    ws.team.addMembers([JO])
    ws.session.addPerson(JO)
    olwen = await ws.cases.create(referral({ clientName: 'Olwen Pryce', chainNumber: '' }), { allowDuplicate: true })
    await ws.cases.change(olwen, (doc, context) =>
      change.addAction(doc, 'ring-gp', { description: 'Ring the GP practice', due: twoDaysAgo }, JO, { ...context, today: isoDateOf(subDays(new Date(), 7)) }),
    )
    await ws.close()
  }, 60_000)
  afterAll(() => dir.remove())

  it('refuses a caseworker asking for the manager\'s tasks in one line, printing nothing else; the manager may see hers', () => {
    const refused = homeward('--as', JO.name, 'tasks', '--person', DEREK.name, '--data', data, '--json')
    expect(refused.code).toBe(1)
    expect(refused.err).toBe("homeward: Only a team manager can see another person's tasks\n")
    expect(refused.out).toBe('')
    // Her own she may: by her name, or by giving none.
    const own = homeward('--as', JO.name, 'tasks', '--person', JO.name, '--data', data, '--json')
    expect(own.err).toBe('')
    expect(JSON.parse(own.out)).toEqual([{ caseId: olwen, clientName: 'Olwen Pryce', kind: 'action', due: twoDaysAgo, person: JO.name }])
    expect(JSON.parse(homeward('--as', JO.name, 'tasks', '--data', data, '--json').out)).toEqual(JSON.parse(own.out))

    const hers = homeward('--as', DEREK.name, 'tasks', '--person', JO.name, '--data', data, '--json')
    expect(hers.err).toBe('')
    expect(JSON.parse(hers.out)).toEqual(JSON.parse(own.out))
  }, 90_000)
})

describe('`homeward tasks --json`: what the board flags as due is a task; a closed case’s open actions are not', () => {
  const dir = tempDir('cli-tasks-flags')
  const data = join(dir.path, 'workspace')
  let sian = ''
  let gareth = ''
  const twentyDaysAgo = isoDateOf(subDays(new Date(), 20))

  beforeAll(async () => {
    builtEntry('cli')
    const ws = await openWorkspace({ dataDir: data })
    ws.team.setProfile({ name: DEREK.name })
    ws.team.addMembers([AMINA])
    // Amina's case in intensive support: reconnected on 12/08/2026 (the closure point 12/11/2026),
    // last contact twenty days ago, consent to record withdrawn two days ago.
    sian = await ws.cases.create(referral({ clientName: 'Siân Evans', chainNumber: '', referralDate: '2026-06-01' }), { allowDuplicate: true })
    await ws.cases.change(sian, (doc, context) => {
      walkTo(doc, 'intensive-support')
      change.addNote(doc, { date: twentyDaysAgo, type: 'phone', text: 'Checked in.' }, { ...context, id: 'call' })
      change.updateSection(doc, 'engagement', { consentToRecordWithdrawnOn: twoDaysAgo }, context)
    })
    // Amina's case closed today with an action of hers overdue and not done.
    gareth = await ws.cases.create(referral({ clientName: 'Gareth Price', chainNumber: '', referralDate: '2026-06-01' }), { allowDuplicate: true })
    await ws.cases.change(gareth, (doc, context) => {
      walkTo(doc, 'intensive-support')
      change.addAction(doc, 'ring-gp', { description: 'Ring the GP practice', due: twoDaysAgo }, AMINA, { ...context, today: isoDateOf(subDays(new Date(), 7)) })
      change.closeCase(doc, { type: 'unplanned', unplannedReason: 'disengaged', on: context.today, id: 'closed' }, context)
    })
    await ws.close()
  }, 60_000)
  afterAll(() => dir.remove())

  it('prints the closure point, contact expected and consent to record withdrawn as the lead caseworker’s tasks, and nothing of the closed case', () => {
    const amina = homeward('tasks', '--person', AMINA.name, '--data', data, '--json')
    expect(amina.err).toBe('')
    const tasks = JSON.parse(amina.out) as { caseId: string; kind: string; due: string; person: string }[]
    expect(tasks.filter((task) => task.caseId === gareth)).toEqual([])
    expect(tasks.filter((task) => task.caseId === sian).map(({ kind, due, person }) => ({ kind, due, person }))).toEqual(
      expect.arrayContaining([
        { kind: 'closure-point', due: '2026-11-12', person: AMINA.name },
        { kind: 'no-recent-contact', due: expect.any(String), person: AMINA.name },
        { kind: 'consent-withdrawn', due: workingDayFrom(twoDaysAgo), person: AMINA.name },
      ]),
    )
    // Contact was expected within 14 days of the last: overdue now.
    expect(tasks.find((task) => task.kind === 'no-recent-contact')!.due < today).toBe(true)
  }, 90_000)
})

import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtEntry, ROOT } from '../support/built'
import { referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')
const LEEDS = 'E08000035'

function homeward(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

/** `case add --json-file` holds a file to the date rules the forms keep, one line per problem. */
describe('dates in a case added from a file', () => {
  const dir = tempDir('cli-dates')
  const file = (name: string, content: unknown) => {
    const path = join(dir.path, name)
    writeFileSync(path, JSON.stringify(content))
    return path
  }
  let shown: Record<string, unknown>

  beforeAll(() => {
    builtEntry('cli')
    const source = join(dir.path, 'source')
    const id = homeward('case', 'add', '--json-file', file('referral.json', referral()), '--data', source).out.trim()
    shown = JSON.parse(homeward('case', 'show', id, '--data', source, '--json').out) as Record<string, unknown>
  })
  afterAll(() => dir.remove())

  it('refuses a referral dated after today, or with a date that does not exist', () => {
    const future = homeward('case', 'add', '--json-file', file('future.json', referral({ referralDate: '2999-01-01' })), '--data', join(dir.path, 'a'))
    expect(future.code).toBe(1)
    expect(future.err).toBe('homeward: the case was not added: "Date of referral" (01/01/2999) cannot be in the future\n')
    const unreal = homeward('case', 'add', '--json-file', file('unreal.json', referral({ referralDate: '31/02/2026' })), '--data', join(dir.path, 'b'))
    expect(unreal.err).toBe('homeward: the case was not added: 31/02/2026 is not a real date\n')
  })

  it('refuses a whole case whose dates cannot be true, saying each problem on its own line, and adds nothing', () => {
    const referred = (shown.referral as { receivedOn: string }).receivedOn
    const impossible = {
      ...shown,
      addresses: { a: { address: '12 High Street', localAuthority: LEEDS, kind: 'own-tenancy', from: '2021-05-01', to: '2021-04-01' } },
      reconnectionDay: { date: '2001-01-01' },
      outcome: { type: 'planned', closedOn: '2999-01-01', closedBy: { id: 'p', name: 'P' } },
      status: 'closed',
    }
    const empty = join(dir.path, 'refused')
    const result = homeward('case', 'add', '--json-file', file('impossible.json', impossible), '--data', empty)
    expect(result.code).toBe(1)
    expect(result.out).toBe('')
    expect(result.err.trimEnd().split('\n')).toEqual([
      'homeward: the case was not added: "Case closed on" (01/01/2999) cannot be in the future',
      'homeward: the case was not added: Address 1: until (01/04/2021) cannot be before the start (01/05/2021)',
      `homeward: the case was not added: Date of reconnection (01/01/2001) cannot be before the referral (${referred.split('-').reverse().join('/')})`,
    ])
    expect(JSON.parse(homeward('case', 'list', '--data', empty, '--json').out)).toEqual([])
  })

  it("refuses events before the client's birth, out of order with the reconnection, or a history after today", () => {
    const client = shown.referral as { clientName: string; dateOfBirth: string; receivedOn: string }
    const born = `${client.clientName.split(' ')[0]}'s date of birth (${client.dateOfBirth.split('-').reverse().join('/')})`
    const referred = client.receivedOn.split('-').reverse().join('/')
    const impossible = {
      ...shown,
      addresses: { a: { address: '12 High Street', localAuthority: LEEDS, kind: 'own-tenancy', from: '1960-01-01', to: '2021-04-01' } },
      reconnectionDay: { date: '2999-01-02', arrivedOn: '2026-01-01', packEmailedOn: '2001-01-01' },
      stepDown: { startedOn: '2001-02-01' },
      phaseHistory: [...(shown.phaseHistory as object[]), { id: 'late', at: '2999-01-01T10:00:00.000Z', by: { id: 'p', name: 'P' }, kind: 'forward', to: 'allocate' }],
    }
    const result = homeward('case', 'add', '--json-file', file('out-of-order.json', impossible), '--data', join(dir.path, 'order'))
    expect(result.code).toBe(1)
    expect(result.err.trimEnd().split('\n').map((line) => line.replace('homeward: the case was not added: ', ''))).toEqual([
      `"Recorded in the phase history on" (01/01/2999) cannot be in the future`,
      `Address 1: "Lived there from" (01/01/1960) cannot be before ${born}`,
      'Arrival confirmed on (01/01/2026) cannot be before the date of reconnection (02/01/2999)',
      `The pack cannot have been emailed (01/01/2001) before the referral (${referred})`,
      `Support started scaling back on (01/02/2001) cannot be before the referral (${referred})`,
    ])
  })

  it('adds a case whose addresses overlap, with a warning on stderr', () => {
    const overlapping = {
      ...shown,
      addresses: {
        a: { address: '12 High Street', localAuthority: LEEDS, kind: 'own-tenancy', from: '2020-01-01', to: '2021-06-01' },
        b: { address: '3 Mill Lane', localAuthority: LEEDS, kind: 'own-tenancy', from: '2021-01-01', to: '2022-01-01' },
      },
    }
    const target = join(dir.path, 'warned')
    const result = homeward('case', 'add', '--json-file', file('overlapping.json', overlapping), '--data', target)
    expect(result.code).toBe(0)
    expect(result.err).toBe(
      'homeward: warning: 12 High Street (from 01/01/2020 until 01/06/2021) and 3 Mill Lane (from 01/01/2021 until 01/01/2022) overlap: check the dates (two places at once is rare)\n',
    )
    expect(JSON.parse(homeward('case', 'list', '--data', target, '--json').out)).toHaveLength(1)
  })

  it('adds a case whose pack is recorded as emailed before the day it was first made, with a warning on stderr', () => {
    const emailedEarly = {
      ...shown,
      referral: { ...(shown.referral as object), referralDate: '2026-01-05', receivedOn: '2026-01-05' },
      generatedDocuments: { p: { kind: 'presentation-pack', fileName: 'pack.pdf', pages: 3, at: '2026-01-12T10:00:00.000Z', by: { id: 'p', name: 'P' }, enclosures: [] } },
      reconnectionDay: { packEmailedOn: '2026-01-10' },
    }
    const target = join(dir.path, 'emailed-early')
    const result = homeward('case', 'add', '--json-file', file('emailed-early.json', emailedEarly), '--data', target)
    expect(result.code).toBe(0)
    expect(result.err).toBe('homeward: warning: The presentation pack was first made on Monday 12 January 2026, after the day it is recorded as emailed: check this date\n')
    expect(JSON.parse(homeward('case', 'list', '--data', target, '--json').out)).toHaveLength(1)
  })

  it("refuses a follow-up check whose answers contradict each other, by the form's questions, and adds nothing", () => {
    const contradictory = {
      ...shown,
      followUps: { f: { check: '3-months', doneOn: '2026-01-05', contactMethod: 'phone', stillAccommodated: 'yes', returnedToRoughSleeping: 'yes' } },
    }
    const target = join(dir.path, 'contradictory')
    const result = homeward('case', 'add', '--json-file', file('contradictory.json', contradictory), '--data', target)
    expect(result.code).toBe(1)
    expect(result.err).toBe(
      'homeward: the case was not added: Follow-up check 1: the answers to Still accommodated? and Returned to rough sleeping? cannot both be Yes: change the one that is not true\n',
    )
    expect(JSON.parse(homeward('case', 'list', '--data', target, '--json').out)).toEqual([])
  })
})

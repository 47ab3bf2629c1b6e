import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import { rejectReferral } from '../../src/shared/case/changes'
import { builtEntry } from '../support/built'
import { homeward, listed, serve } from '../support/cli-server'
import { DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const dir = tempDir('cli-alone-offline')
afterAll(() => dir.remove())
beforeAll(() => builtEntry('cli'))

// Each run of the command derives its key and opens SQLite: a few seconds each on a busy machine.
describe('erasing, correcting and retention on a laptop on its own: done here, with no server to ask', { timeout: 240_000 }, () => {
  const data = join(dir.path, 'alone')
  let closedLongAgo = ''
  let open = ''

  beforeAll(async () => {
    const clock = { now: new Date('2019-03-01T09:00:00Z') }
    const ws = await openWorkspace({ dataDir: data, now: () => clock.now })
    ws.team.setProfile({ name: DEREK.name, role: 'manager' })
    closedLongAgo = await ws.cases.create(referral({ clientName: 'Zofia Wiśniewska', chainNumber: '555111', dateOfBirth: '1990-02-03' }))
    await ws.cases.change(closedLongAgo, (doc, context) => rejectReferral(doc, { on: '2019-03-01', reason: 'withdrawn', id: randomUUID() }, context))
    clock.now = new Date()
    open = await ws.cases.create(referral({ clientName: 'Olwen Pryce', chainNumber: '918273' }))
    await ws.close()
  })

  it('lists the cases due, corrects a value (naming the field by its label), erases a case and applies the retention', () => {
    const due = homeward('retention', '--due', '--json', '--data', data)
    expect(due.err).toBe('')
    expect(JSON.parse(due.out)).toMatchObject({ due: [{ id: closedLongAgo, closedOn: '2019-03-01' }], mayBeBehind: false })

    const corrected = homeward('case', 'correct', open, '--field', 'referral.chainNumber', '--value', '918237', '--data', data)
    expect(corrected.err).toBe('')
    expect(corrected.code).toBe(0)
    expect(corrected.out).toMatch(/^Corrected “CHAIN number”\. The old value is removed from the case’s history on this laptop\. The case’s id is now \S+\.\n$/)
    const newId = /id is now (\S+)\.\n$/.exec(corrected.out)![1]!
    expect(listed(data).sort()).toEqual([closedLongAgo, newId].sort())

    expect(homeward('erase', newId, '--reason', 'Asked to be forgotten', '--data', data)).toMatchObject({ code: 0, out: `Case ${newId} is erased: gone from this laptop.\n` })
    expect(listed(data)).toEqual([closedLongAgo])
    expect(homeward('retention', '--apply', '--yes', '--data', data)).toMatchObject({ code: 0, out: 'Erased 1 closed case.\n' })
    expect(listed(data)).toEqual([])
  })
})

describe('erasing, correcting and retention on a team’s laptop that cannot reach the server', { timeout: 240_000 }, () => {
  const data = join(dir.path, 'offline')
  let caseId = ''
  let url = ''

  beforeAll(async () => {
    const server = await serve(join(dir.path, 'server-data'))
    url = server.url
    try {
      expect(homeward('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', data).code).toBe(0)
      const file = join(dir.path, 'referral.json')
      writeFileSync(file, JSON.stringify(referral({ chainNumber: '918273' })))
      caseId = homeward('case', 'add', '--json-file', file, '--data', data).out.trim()
      expect(homeward('sync', '--once', '--data', data).code).toBe(0)
    } finally {
      server.process.kill('SIGKILL')
    }
  })

  it('lists the cases due from what the laptop holds, saying it may be behind; refuses erasing and correcting in one line, as the server does them', () => {
    const due = homeward('retention', '--due', '--json', '--data', data)
    expect(due.code).toBe(0)
    expect(due.err).toBe('The team’s server cannot be reached: this is from what this laptop holds, which may be behind the team’s.\n')
    expect(JSON.parse(due.out)).toEqual({ retention: { action: 'erase', years: 6 }, due: [], mayBeBehind: true })

    const unreachable = `The sync server at ${url} cannot be reached.`
    expect(homeward('erase', caseId, '--reason', 'Asked to be forgotten', '--data', data)).toMatchObject({
      code: 1,
      out: '',
      err: `homeward: nothing was erased: ${unreachable} In a team, the team’s server erases a case: try again when this laptop can reach it.\n`,
    })
    expect(homeward('case', 'correct', caseId, '--field', 'referral.chainNumber', '--value', '918237', '--data', data)).toMatchObject({
      code: 1,
      out: '',
      err: `homeward: nothing was corrected: ${unreachable} In a team, the team’s server rebuilds the case: try again when this laptop can reach it.\n`,
    })
    expect(homeward('retention', '--apply', '--yes', '--data', data).err).toBe(
      `homeward: nothing was erased: ${unreachable} In a team, the team’s server erases the cases due: try again when this laptop can reach it.\n`,
    )
    expect(listed(data)).toEqual([caseId])
  })
})

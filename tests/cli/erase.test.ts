import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { referral } from '../support/people'
import { homeward, listed, serverForTests } from '../support/cli-server'

describe('homeward erase', () => {
  const { dir, server } = serverForTests('cli-erase')
  const manager = join(dir.path, 'manager')
  const jo = join(dir.path, 'jo')

  // About a dozen runs of the command, each a few seconds on a busy machine.
  it('a manager erases a case from every laptop of the team; a caseworker is refused in one line; retention --due lists nothing due', () => {
    homeward('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', manager)
    const file = join(dir.path, 'referral.json')
    writeFileSync(file, JSON.stringify(referral()))
    const caseId = homeward('case', 'add', '--json-file', file, '--data', manager).out.trim()
    homeward('sync', '--once', '--data', manager)
    const code = (JSON.parse(homeward('team', 'join-code', '--for', 'Jo Price', '--role', 'caseworker', '--data', manager, '--json').out) as { joinCode: string }).joinCode
    expect(homeward('join', '--server', server.url, '--code', code, '--data', jo).code).toBe(0)
    homeward('sync', '--once', '--data', jo)
    expect(listed(jo)).toEqual([caseId])

    const refused = homeward('erase', caseId, '--reason', 'Asked to be forgotten', '--data', jo)
    expect(refused.code).toBe(1)
    expect(refused.err).toBe('homeward: Only a team manager can erase a case\n')
    expect(homeward('erase', caseId, '--data', manager).err).toMatch(/^homeward: .*--reason.*\n$/)

    const erased = homeward('erase', caseId, '--reason', 'Asked to be forgotten', '--data', manager)
    expect(erased.err).toBe('')
    expect(erased.out).toContain(`Case ${caseId} is erased`)
    expect(listed(manager)).toEqual([])
    homeward('sync', '--once', '--data', jo)
    expect(listed(jo)).toEqual([])

    const due = JSON.parse(homeward('retention', '--due', '--json', '--data', manager).out) as unknown
    expect(due).toEqual({ retention: { action: 'erase', years: 6 }, due: [], mayBeBehind: false })
    expect(homeward('retention', '--data', manager).err).toBe('homeward: give either --due or --apply\n')
  }, 240_000)
})

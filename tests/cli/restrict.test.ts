import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { referral } from '../support/people'
import { homeward, listed, serverForTests } from '../support/cli-server'

describe('homeward case restrict', () => {
  const { dir, server } = serverForTests('cli-restrict')
  const manager = join(dir.path, 'manager')
  const amina = join(dir.path, 'amina')
  const jo = join(dir.path, 'jo')

  // About twenty runs of the command, each a few seconds on a busy machine.
  it('restricts a case to named people (a manager’s or the lead caseworker’s): other laptops lose it; clearing brings it back; anyone else is refused in one line', async () => {
    homeward('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', manager)
    const file = join(dir.path, 'referral.json')
    writeFileSync(file, JSON.stringify(referral()))
    const caseId = homeward('case', 'add', '--json-file', file, '--data', manager).out.trim()
    homeward('sync', '--once', '--data', manager)
    for (const [name, data] of [['Amina Okafor', amina], ['Jo Price', jo]] as const) {
      const code = (JSON.parse(homeward('team', 'join-code', '--for', name, '--role', 'caseworker', '--data', manager, '--json').out) as { joinCode: string }).joinCode
      expect(homeward('join', '--server', server.url, '--code', code, '--data', data).code).toBe(0)
      homeward('sync', '--once', '--data', data)
      expect(listed(data)).toEqual([caseId])
    }

    const notLead = homeward('case', 'restrict', caseId, '--to', 'Jo Price', '--data', jo)
    expect(notLead.code).toBe(1)
    expect(notLead.err).toBe('homeward: the case was not restricted: Only the case’s lead caseworker or a manager can restrict it or clear its restriction.\n')
    expect(homeward('case', 'restrict', caseId, '--to', 'Amina Okafor', '--clear', '--data', manager).err).toBe('homeward: give either --to NAME[,NAME…] or --clear\n')
    expect(homeward('case', 'restrict', caseId, '--to', 'Nobody Here', '--data', manager).err).toBe('homeward: the case was not restricted: Nobody Here is not one of the team’s people.\n')

    const restricted = homeward('case', 'restrict', caseId, '--to', 'amina okafor', '--data', manager, '--json')
    expect(restricted.err).toBe('')
    expect((JSON.parse(restricted.out) as { restrictedTo: string[] }).restrictedTo).toContain('Amina Okafor')
    homeward('sync', '--once', '--data', jo)
    homeward('sync', '--once', '--data', amina)
    expect(listed(jo)).toEqual([])
    expect(listed(amina)).toEqual([caseId])
    expect(JSON.parse(homeward('search', 'Wiśniewski', '--data', jo, '--json').out)).toEqual([])

    const cleared = homeward('case', 'restrict', caseId, '--clear', '--data', manager)
    expect(cleared.out).toBe(`Case ${caseId} is no longer restricted: every laptop of the team holds it again\n`)
    homeward('sync', '--once', '--data', jo)
    expect(listed(jo)).toEqual([caseId])
  }, 300_000)
})

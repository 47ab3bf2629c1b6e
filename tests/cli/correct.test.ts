import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { referral } from '../support/people'
import { homeward, listed, serverForTests } from '../support/cli-server'

describe('homeward case correct', () => {
  const { dir, server } = serverForTests('cli-correct')
  const manager = join(dir.path, 'manager')
  const jo = join(dir.path, 'jo')

  // A dozen runs of the command, each up to ten seconds or more on a busy machine.
  it('a manager corrects a value: the case has a new id on every laptop; a caseworker who is not the lead, and a field that is not one, are refused in one line', () => {
    homeward('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', manager)
    const file = join(dir.path, 'referral.json')
    writeFileSync(file, JSON.stringify(referral({ chainNumber: '918273' })))
    const caseId = homeward('case', 'add', '--json-file', file, '--data', manager).out.trim()
    homeward('sync', '--once', '--data', manager)
    const code = (JSON.parse(homeward('team', 'join-code', '--for', 'Jo Price', '--role', 'caseworker', '--data', manager, '--json').out) as { joinCode: string }).joinCode
    expect(homeward('join', '--server', server.url, '--code', code, '--data', jo).code).toBe(0)
    homeward('sync', '--once', '--data', jo)
    expect(listed(jo)).toEqual([caseId])

    const refused = homeward('case', 'correct', caseId, '--field', 'referral.chainNumber', '--value', '918237', '--data', jo)
    expect(refused.code).toBe(1)
    expect(refused.err).toBe('homeward: nothing was corrected: Only the case’s lead caseworker or a manager can correct a value so that the old one is removed.\n')
    expect(homeward('case', 'correct', caseId, '--field', 'referral.nothing', '--value', 'x', '--data', manager).err).toBe('homeward: nothing was corrected: “referral.nothing” is not a field of a case (a form’s field, as referral.clientName, or a list item’s, as addresses.ITEM.town)\n')

    const corrected = homeward('case', 'correct', caseId, '--field', 'referral.chainNumber', '--value', '918237', '--data', manager, '--json')
    expect(corrected.err).toBe('')
    const { replacedBy } = JSON.parse(corrected.out) as { replacedBy: string }
    expect(replacedBy).not.toBe(caseId)
    expect(listed(manager)).toEqual([replacedBy])
    expect((JSON.parse(homeward('case', 'show', replacedBy, '--json', '--data', manager).out) as { referral: { chainNumber: string } }).referral.chainNumber).toBe('918237')
    homeward('sync', '--once', '--data', jo)
    expect(listed(jo)).toEqual([replacedBy])
  }, 480_000)
})

import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import type { TeamDevice } from '../../src/shared/sync/team-api'
import { homeward, serverForTests } from '../support/cli-server'

describe('homeward person remove: a manager takes someone off a laptop they share', () => {
  const { dir, server } = serverForTests('cli-person-remove')
  const manager = join(dir.path, 'manager')
  const amina = join(dir.path, 'amina')

  it('takes Jo off Amina’s laptop by their names; the laptop lets her go when it next syncs; a caseworker, an unknown laptop and the laptop’s own person are refused in one line', async () => {
    homeward('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', manager)
    const code = (name: string) => (JSON.parse(homeward('team', 'join-code', '--for', name, '--role', 'caseworker', '--data', manager, '--json').out) as { joinCode: string }).joinCode
    expect(homeward('join', '--server', server.url, '--code', code('Amina Okafor'), '--device-name', 'Front desk laptop', '--data', amina).code).toBe(0)
    process.env.HOMEWARD_PIN = '482913'
    try {
      expect(homeward('person', 'add', '--code', code('Jo Price'), '--data', amina).out).toBe('Jo Price can now sign in on this laptop.\n')
    } finally {
      delete process.env.HOMEWARD_PIN
    }

    const caseworker = homeward('--as', 'Amina Okafor', 'person', 'remove', 'Jo Price', '--laptop', 'Front desk laptop', '--data', amina)
    expect(caseworker).toMatchObject({ code: 1, err: 'homeward: Only a team manager can take someone off a laptop\n' })
    expect(homeward('person', 'remove', 'Jo Price', '--laptop', 'Back office', '--data', manager).err).toBe(
      'homeward: The team has no laptop named Back office (homeward devices list shows them)\n',
    )
    expect(homeward('person', 'remove', 'Sam Reed', '--laptop', 'Front desk laptop', '--data', manager).err).toBe(
      'homeward: Sam Reed does not use Front desk laptop (also used by Jo Price)\n',
    )
    const devices = JSON.parse(homeward('devices', 'list', '--data', manager, '--json').out) as TeamDevice[]
    const front = devices.find((device) => device.name === 'Front desk laptop')!
    const jo = front.people[0]!
    expect(homeward('person', 'remove', 'amina okafor', '--laptop', 'front desk laptop', '--data', manager).err).toBe(
      `homeward: Amina Okafor is the person Front desk laptop belongs to: revoke the laptop instead (homeward devices revoke ${front.id})\n`,
    )

    // By the laptop's name, whatever the capitals, or by its id.
    const removed = homeward('person', 'remove', 'jo price', '--laptop', 'front desk laptop', '--data', manager)
    expect(removed).toMatchObject({ code: 0, err: '', out: 'Jo Price is taken off Front desk laptop: they can no longer sign in there.\n' })
    const after = JSON.parse(homeward('devices', 'list', '--data', manager, '--json').out) as TeamDevice[]
    expect(after.find((device) => device.id === front.id)!.people).toEqual([])
    expect(homeward('person', 'remove', 'Jo Price', '--laptop', front.id, '--data', manager).err).toBe('homeward: Jo Price does not use Front desk laptop (nobody else uses it)\n')

    // Amina's laptop hears of it when it next syncs: Jo cannot act there, and her PIN hash is gone.
    expect(homeward('--as', 'Amina Okafor', 'sync', '--once', '--data', amina).err).toBe('')
    expect(homeward('--as', 'Jo Price', 'case', 'list', '--data', amina).err).toBe("homeward: Jo Price is not one of this laptop's people (Amina Okafor)\n")
    const workspace = await openWorkspace({ dataDir: amina })
    try {
      expect(workspace.session.people().map((person) => person.name)).toEqual(['Amina Okafor'])
      expect(workspace.session.view().people).toEqual([expect.objectContaining({ name: 'Amina Okafor' })])
      expect(workspace.session.hasPin(jo.id)).toBe(false)
    } finally {
      await workspace.close()
    }
  }, 300_000)
})

import { userInfo } from 'node:os'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtEntry } from '../support/built'
import { referral } from '../support/people'
import { tempDir } from '../support/temp-dir'
import { homeward, serve } from '../support/cli-server'

describe('the team from the command line', () => {
  const dir = tempDir('cli-team')
  const manager = join(dir.path, 'manager')
  const laptop = join(dir.path, 'laptop')
  let server: Awaited<ReturnType<typeof serve>>

  beforeAll(async () => {
    builtEntry('cli')
    server = await serve(join(dir.path, 'server-data'))
  })
  afterAll(() => {
    server.process.kill('SIGKILL')
    dir.remove()
  })

  it('creates the team, joins a laptop, syncs both ways, lists and revokes devices', async () => {
    expect(server.setupCode).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}$/)
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ ok: true })

    const wrongCode = homeward('team', 'create', '--server', server.url, '--setup-code', 'AAAAA-BBBBB-CCCCC', '--name', 'North', '--data', manager)
    expect(wrongCode.code).toBe(1)
    expect(wrongCode.err).toMatch(/setup code is not right/)

    const created = homeward('team', 'create', '--server', server.url, '--setup-code', server.setupCode!, '--name', 'Safe Connections North', '--data', manager, '--json')
    expect(created.err).toBe('')
    const { joinCode } = JSON.parse(created.out) as { joinCode: string }
    expect(joinCode).toMatch(/^[A-Z0-9-]{17}$/)

    const file = join(dir.path, 'referral.json')
    writeFileSync(file, JSON.stringify(referral()))
    const caseId = homeward('case', 'add', '--json-file', file, '--data', manager).out.trim()
    const sent = homeward('sync', '--once', '--data', manager, '--json')
    expect(sent.err).toBe('')
    expect(JSON.parse(sent.out)).toMatchObject({ sent: expect.any(Number), received: 0 })
    expect((JSON.parse(sent.out) as { sent: number }).sent).toBeGreaterThan(0)

    // The code from creating the team is for anyone; the manager issues one for Amina by name.
    const forAmina = homeward('team', 'join-code', '--for', 'Amina Okafor', '--role', 'caseworker', '--data', manager, '--json')
    expect(forAmina.err).toBe('')
    const issued = JSON.parse(forAmina.out) as { joinCode: string; expiresAt: string; for: string; role: string }
    expect(issued).toMatchObject({ for: 'Amina Okafor', role: 'caseworker' })
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000)
    const joined = homeward('join', '--server', server.url, '--code', issued.joinCode, '--device-name', 'Amina’s laptop', '--data', laptop, '--json')
    expect(joined.err).toBe('')
    const { deviceId } = JSON.parse(joined.out) as { deviceId: string }
    const twice = homeward('join', '--server', server.url, '--code', issued.joinCode, '--data', join(dir.path, 'third-laptop'), '--json')
    expect(twice.code).toBe(1)
    expect(twice.err).toBe('homeward: That join code is not right, has been used, or has expired. Ask the team manager for a new one.\n')
    const notAManagersCode = homeward('team', 'join-code', '--data', laptop, '--json')
    expect(notAManagersCode.code).toBe(1)
    expect(notAManagersCode.err).toBe('homeward: Only a team manager can make join codes\n')
    const received = homeward('sync', '--once', '--data', laptop, '--json')
    expect(received.err).toBe('')
    expect((JSON.parse(received.out) as { received: number }).received).toBeGreaterThan(0)
    const cases = JSON.parse(homeward('case', 'list', '--data', laptop, '--json').out) as { id: string; clientName: string }[]
    expect(cases).toMatchObject([{ id: caseId, clientName: 'Łukasz Wiśniewski' }])
    // The laptop is Amina's, as the team says: its people and its person, offline too.
    const shown = JSON.parse(homeward('team', 'show', '--data', laptop, '--json').out) as { team: string; person: { name: string; role: string }; people: { name: string; role: string }[] }
    expect(shown.team).toBe('Safe Connections North')
    expect(shown.person).toMatchObject({ name: 'Amina Okafor', role: 'caseworker' })
    expect(shown.people.map(({ name, role }) => ({ name, role }))).toEqual([
      { name: 'Amina Okafor', role: 'caseworker' },
      { name: `${userInfo().username} (command line)`, role: 'manager' },
    ])

    const devices = JSON.parse(homeward('devices', 'list', '--data', manager, '--json').out) as { id: string; name: string; lastSeen: string | null; revoked: boolean }[]
    expect(devices).toHaveLength(2)
    expect(devices.find((device) => device.id === deviceId)).toMatchObject({ name: 'Amina’s laptop', revoked: false, lastSeen: expect.any(String) })

    const notManagersRemoval = homeward('team', 'remove-document', caseId, '--data', laptop)
    expect(notManagersRemoval.err).toBe('homeward: Only a team manager can take a document out of the team\n')
    const notManager = homeward('devices', 'revoke', deviceId, '--data', laptop)
    expect(notManager.code).toBe(1)
    expect(notManager.err).toMatch(/manager/)

    expect(homeward('devices', 'revoke', deviceId, '--data', manager).code).toBe(0)
    // The revoked laptop, told so with the server's proof, deletes the team's data and says so.
    const refused = homeward('sync', '--once', '--data', laptop, '--json')
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/^homeward: This laptop was taken off the team on \d\d\/\d\d\/\d{4} at \d\d:\d\d by the team's server\. The team's data on it was deleted\.\n$/)
    expect(JSON.parse(homeward('case', 'list', '--data', laptop, '--json').out)).toEqual([])
    const again = homeward('sync', '--data', laptop)
    expect(again.code).toBe(1)
    expect(again.err).toMatch(/taken off the team on .* The team's data on it was deleted/)
    const after = JSON.parse(homeward('devices', 'list', '--data', manager, '--json').out) as { id: string; revoked: boolean }[]
    expect(after.find((device) => device.id === deviceId)?.revoked).toBe(true)

    // The manager takes the case out of the team: the server deletes it, and the laptop stops listing it.
    expect(JSON.parse(homeward('team', 'remove-document', caseId, '--data', manager, '--json').out)).toEqual({ removed: caseId })
    homeward('sync', '--once', '--data', manager)
    expect(JSON.parse(homeward('case', 'list', '--data', manager, '--json').out)).toEqual([])
    // A hang guard: twenty-four runs of the command, about 2 s each (5 s when the machine is busy).
  }, 240_000)

  it('stops cleanly on SIGTERM, and starts again with its team and no new setup code', async () => {
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)))
    server.process.kill('SIGTERM')
    expect(await exited).toBe(0)
    server = await serve(join(dir.path, 'server-data'))
    expect(server.setupCode).toBeUndefined()
    // Up (all /health tells a caller with no credential), and with its team: it will not make another.
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ ok: true })
    const again = await fetch(`${server.url}/api/team`, {
      method: 'POST',
      body: JSON.stringify({ setupCode: 'AAAAA-BBBBB-CCCCC', name: 'Another', deviceName: 'Laptop', teamDocumentId: '4NMNnkMhL8jXrdJ9jamS58PAVdXu', you: { id: 'p', name: 'Someone' }, people: [] }),
    })
    expect(again.status).toBe(409)
    expect(await again.json()).toEqual({ error: 'This server already has a team. Join it with its join code.' })
  })
})

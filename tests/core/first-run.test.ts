import { afterEach, describe, expect, it } from 'vitest'
import { seedWorkspace } from '../../src/main/core/seed/seed'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { tempDir } from '../support/temp-dir'

const NOW = new Date('2026-11-23T10:00:00Z')

describe('the first run on a laptop whose team already has people', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  async function seeded(): Promise<Workspace> {
    const dir = tempDir('first-run')
    // The sample team is made from the command line, before anyone is set up on the laptop.
    const opened = await openWorkspace({ dataDir: dir.path, now: () => NOW, fallbackUser: { id: 'command-line:it', name: 'it (command line)', role: 'caseworker' } })
    cleanups.push(dir.remove, () => opened.close())
    await seedWorkspace(opened, { cases: 2, seed: 1, today: '2026-11-23' })
    return opened
  }

  it('takes the member a typed name belongs to, however it is typed, and keeps their role', async () => {
    const ws = await seeded()
    const amina = ws.team.members().find((member) => member.name === 'Amina Okafor')!
    expect(amina.role).toBe('caseworker')

    const person = ws.team.setProfile({ name: '  amína  OKAFOR ' })
    expect(person.id).toBe(amina.id)
    expect(person.name).toBe('Amina Okafor')
    expect(ws.team.members().filter((member) => /amina/i.test(member.name))).toEqual([amina])
    expect(ws.currentContext().author).toEqual({ id: amina.id, name: 'Amina Okafor' })
  })

  it('adds someone the team does not have yet, once', async () => {
    const ws = await seeded()
    const before = ws.team.members().length
    const person = ws.team.setProfile({ name: 'Priya Shah' })
    expect(ws.team.members()).toHaveLength(before + 1)
    expect(ws.team.members()).toContainEqual(person)
  })
})

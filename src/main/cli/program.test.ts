import { describe, expect, it } from 'vitest'
import { COMMAND_NAMES, commandNamed, program } from './program'

describe('the command table', () => {
  it('loads every command for the list `homeward --help` prints, in its order', async () => {
    const root = await program(['--help'])
    expect(root.commands.map((command) => command.name())).toEqual(COMMAND_NAMES)
    expect(COMMAND_NAMES).toEqual(expect.arrayContaining(['case', 'board', 'serve', 'team', 'join', 'sync', 'erase', 'retention']))
  })

  it('loads only the command that runs, found by the name its module gives it', async () => {
    for (const name of COMMAND_NAMES) {
      const root = await program([name, '--json'])
      expect(root.commands.map((command) => command.name())).toEqual([name])
    }
  })

  it('finds the command after the global --as, and the one `help` is asked about', () => {
    expect(commandNamed(['case', 'list', '--json'])).toBe('case')
    expect(commandNamed(['--as', 'Amina Okafor', 'board'])).toBe('board')
    expect(commandNamed(['--as=Amina Okafor', 'board'])).toBe('board')
    expect(commandNamed(['help', 'pack'])).toBe('pack')
    expect(commandNamed(['help'])).toBeUndefined()
    expect(commandNamed(['--help'])).toBeUndefined()
    expect(commandNamed([])).toBeUndefined()
  })

  it('loads every command for a name it does not know, so commander answers it as before', async () => {
    const root = await program(['boad'])
    expect(root.commands).toHaveLength(COMMAND_NAMES.length)
  })
})

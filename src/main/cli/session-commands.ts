import { Command } from 'commander'
import { addLaptopPerson, takePersonOffLaptop } from '../core/sync/team-setup'
import { pinProblem } from '../../shared/session/pin-rule'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson } from './output'

/**
 * `homeward pin set`: sets (or replaces) the PIN the laptop's person (or the one --as names) signs
 * in to the app with, for a workspace made at the command line or a forgotten PIN. Read from the
 * HOMEWARD_PIN environment variable or standard input, never from an argument (which the computer's
 * process list would show).
 */
export function pinCommand(): Command {
  const pin = new Command('pin').description("the PIN each of this laptop's people signs in to the app with")
  withCommonOptions(
    pin.command('set').description("set the PIN of this laptop's person (--as NAME where several share it), read from HOMEWARD_PIN or standard input"),
  ).action(async (options: CommonOptions) => {
    const typed = (process.env.HOMEWARD_PIN ?? (await readStandardInput())).replace(/\r?\n$/, '')
    const name = await withWorkspace(
      options,
      async (workspace) => {
        const person = workspace.session.person()
        if (!person) throw new CliError('Nobody is set up on this laptop yet: open Homeward once and say who is using it')
        await workspace.session.setPin(person.id, typed)
        return person.name
      },
      'nobody',
    )
    process.stdout.write(`PIN set for ${name}.\n`)
  })
  return pin
}

/**
 * `homeward person add --code CODE`: someone else who uses this team's laptop, with the join code
 * the manager made for them (`--name` for a code made for anyone), and their PIN from HOMEWARD_PIN
 * or standard input. The PIN is checked before the code is used up. `homeward person remove NAME
 * --laptop LAPTOP`: a manager takes someone off a laptop.
 */
export function personCommand(): Command {
  const person = new Command('person').description('the people who share this laptop, each signed in as themselves')
  withCommonOptions(
    person
      .command('add')
      .description("add someone else who uses this laptop, with a join code the manager made for them; their PIN from HOMEWARD_PIN or standard input")
      .requiredOption('--code <code>', 'the join code made for them')
      .option('--name <name>', 'their name, for a join code made for anyone'),
  ).action(async (options: CommonOptions & { code: string; name?: string }) => {
    const typed = (process.env.HOMEWARD_PIN ?? (await readStandardInput())).replace(/\r?\n$/, '')
    const problem = pinProblem(typed)
    if (problem) throw new CliError(`pin: ${problem}`)
    const name = await withWorkspace(options, async (workspace) => {
      const added = await addLaptopPerson(workspace, { code: options.code, ...(options.name ? { name: options.name } : {}) })
      await workspace.session.setPin(added.id, typed)
      return added.name
    })
    process.stdout.write(`${name} can now sign in on this laptop.\n`)
  })
  withCommonOptions(
    person
      .command('remove')
      .description("a manager's: take someone off one of the team's laptops; they can no longer sign in there, and the laptop deletes their PIN when it next connects")
      .argument('<name>', 'their name, as the team has it')
      .requiredOption('--laptop <laptop>', 'the laptop, by its name or id (homeward devices list)'),
  ).action(async (name: string, options: CommonOptions & { laptop: string }) => {
    const { person: taken, laptop } = await withWorkspace(options, (workspace) => takePersonOffLaptop(workspace, { name, laptop: options.laptop }))
    if (options.json) printJson({ removed: taken.id, name: taken.name, laptop: laptop.id })
    else process.stdout.write(`${taken.name} is taken off ${laptop.name}: they can no longer sign in there.\n`)
  })
  return person
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

import { Command, InvalidArgumentError } from 'commander'
import { withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson } from './output'
import { progressLine } from './progress'

const MAX_CASES = 100_000

function whole(limit: number) {
  return (text: string) => {
    const value = Number(text)
    if (!Number.isInteger(value) || value < 1 || value > limit) throw new InvalidArgumentError(`must be a whole number from 1 to ${limit}`)
    return value
  }
}

export function seedCommand(): Command {
  return withCommonOptions(
    new Command('seed')
      .description('fill a workspace with realistic sample cases across all eight phases, for a demonstration, tests or benchmarks')
      .requiredOption('--cases <n>', 'how many cases', whole(MAX_CASES))
      .option('--seed <s>', 'the same seed gives the same cases', whole(2 ** 31), 1),
  ).action(async (options: CommonOptions & { cases: number; seed: number }) => {
    const { seedWorkspace } = await import('../core/seed/seed')
    const started = Date.now()
    const progress = progressLine()
    const result = await withWorkspace(options, (workspace) =>
      seedWorkspace(workspace, {
        cases: options.cases,
        seed: options.seed,
        progress: (done, total) => {
          if (!options.json) progress.show(`Seeded ${done} of ${total} cases`)
        },
      }),
    ).catch((error: unknown) => {
      progress.end()
      throw error
    })
    const seconds = (Date.now() - started) / 1000
    if (options.json) printJson({ ...result, seconds })
    else progress.end(`Seeded ${result.cases} cases and a team of ${result.members} in ${seconds.toFixed(1)} s`)
  })
}

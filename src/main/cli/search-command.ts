import { Command } from 'commander'
import { withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printCases, printJson } from './output'

export function searchCommand(): Command {
  return withCommonOptions(
    new Command('search')
      .description("find cases by the client's name, CHAIN number or any words of the case: referral, addresses, actions and other forms, notes (one or two letters: names and CHAIN numbers beginning so)")
      .argument('<text...>', 'words to look for; accents and capitals do not matter'),
  ).action(async (words: string[], options: CommonOptions) => {
    const text = words.join(' ')
    const hits = await withWorkspace(options, async (workspace) => workspace.cases.search(text))
    if (options.json) printJson(hits)
    else printCases(hits, `No cases match "${text}".`)
  })
}

import { resolve } from 'node:path'
import { Command } from 'commander'
import { withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson } from './output'

/** `homeward export subject-access`: everything held about a person, for their subject access request. */
export function exportCommand(): Command {
  const exported = new Command('export').description('copies of what Homeward holds')
  withCommonOptions(
    exported
      .command('subject-access')
      .description('a subject access copy of a case: a readable PDF of everything held, the scanned documents and record.json (a manager or the lead caseworker)')
      .argument('<case>', 'the case id')
      .requiredOption('--out <dir>', 'a new or empty folder to write the copy into'),
  ).action(async (caseId: string, options: CommonOptions & { out: string }) => {
    const out = resolve(options.out)
    const made = await withWorkspace(options, (workspace) => workspace.paperwork.subjectAccessCopy(caseId, out), 'nobody')
    if (options.json) return printJson(made)
    process.stdout.write(`${out} (${made.files.length} files; the PDF has ${made.pages} pages)\n`)
    if (made.heldForReview > 0) process.stderr.write(`homeward: note: ${made.heldForReview} notes name another person: they are on the PDF's pages headed "For the reviewer", to decide on before the copy is given\n`)
    for (const name of made.missingScans) process.stderr.write(`homeward: note: ${name} is not on this laptop yet, so it is not in the copy\n`)
  })
  return exported
}

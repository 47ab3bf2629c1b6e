import { readFile, rename, writeFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { ATTACHMENT_TYPES, EVIDENCE_COLLECTIONS, type EvidenceFor } from '../../shared/case/attachments'
import { isoDateOf } from '../../shared/dates'
import type { GeneratedFile } from '../core/paperwork/paperwork'
import type { Workspace } from '../core/workspace'
import { CLI_DATE_FORMATS, cliDate } from './cli-date'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson } from './output'
import { progressLine } from './progress'

function evidenceFor(text: string): EvidenceFor {
  const [collection, itemId] = text.split(':')
  if (!itemId || !(EVIDENCE_COLLECTIONS as readonly string[]).includes(collection!)) {
    throw new InvalidArgumentError(`must be LIST:ENTRY-ID, the list one of ${EVIDENCE_COLLECTIONS.join(', ')}`)
  }
  return { collection: collection as EvidenceFor['collection'], itemId }
}

/** `homeward attach`: a scanned document onto a case. */
export function attachCommand(): Command {
  return withCommonOptions(
    new Command('attach')
      .description('attach a scanned document (PDF, JPEG or PNG) to a case; prints its id')
      .argument('<case>', 'the case id')
      .argument('<file>', 'the file')
      .addOption(new Option('--type <type>', 'what it is').choices(ATTACHMENT_TYPES.map((t) => t.value)).makeOptionMandatory())
      .option('--date <date>', `the date of the document, ${CLI_DATE_FORMATS} (default: today)`, cliDate)
      .option('--note <text>', 'a note, such as "Tenancy agreement, 2019 to 2021"')
      .option('--not-for-pack', 'the client has not agreed it goes in the presentation pack')
      .option('--evidence-for <list:id>', 'the address or connection entry it is evidence for, e.g. addresses:ID', evidenceFor),
  ).action(
    async (
      caseId: string,
      file: string,
      options: CommonOptions & { type: string; date?: string; note?: string; notForPack?: boolean; evidenceFor?: EvidenceFor },
    ) => {
      const bytes = await readFile(file).catch(() => {
        throw new CliError(`cannot read ${file}`)
      })
      const id = await withWorkspace(options, (workspace) =>
        workspace.attachments.add(caseId, {
          fileName: basename(file),
          bytes: new Uint8Array(bytes),
          details: {
            type: options.type,
            date: options.date ?? isoDateOf(new Date()),
            ...(options.note ? { note: options.note } : {}),
            shareInPack: options.notForPack ? 'no' : 'yes',
          },
          ...(options.evidenceFor ? { evidenceFor: options.evidenceFor } : {}),
        }),
        'nobody',
      )
      if (options.json) printJson({ id })
      else process.stdout.write(`${id}\n`)
    },
  )
}

/** `homeward pack`: the presentation pack, as a PDF file. */
export function packCommand(): Command {
  return withCommonOptions(
    new Command('pack')
      .description("make a case's presentation pack: covering letter, client summary, index and the documents the client agreed to share")
      .argument('<case>', 'the case id')
      .requiredOption('--out <file.pdf>', 'where to write the PDF')
      .option('--without <attachment...>', 'leave these documents out (by id or file name)'),
  ).action(async (caseId: string, options: CommonOptions & { out: string; without?: string[] }) => {
    const progress = progressLine()
    const made = await withWorkspace(options, async (workspace) => {
      const without = await attachmentIds(workspace, caseId, options.without ?? [])
      const pack = await workspace.paperwork.presentationPack(caseId, {
        without,
        onProgress: (done, total) => {
          if (!options.json) progress.show(`Making the pack: ${done} of ${total} parts`)
        },
      })
      return { ...pack, bytes: await workspace.paperwork.read(pack) }
    }, 'nobody').finally(() => progress.end())
    // Made anyway, as the window's "Make it anyway": whoever runs the command has chosen to.
    if (!options.json) for (const warning of made.warnings) process.stderr.write(`Check: ${warning}\n`)
    await writeOut(made, options, { warnings: made.warnings })
  })
}

/** `homeward letter closure`: the closure letter, as a PDF file. */
export function letterCommand(): Command {
  const letter = new Command('letter').description('letters made from a case')
  withCommonOptions(
    letter
      .command('closure')
      .description('the closure letter to the client: why the case is closing, local services, what to do in a crisis')
      .argument('<case>', 'the case id')
      .requiredOption('--out <file.pdf>', 'where to write the PDF'),
  ).action(async (caseId: string, options: CommonOptions & { out: string }) => {
    const made = await withWorkspace(
      options,
      async (workspace) => {
        const letter = await workspace.paperwork.closureLetter(caseId)
        return { ...letter, bytes: await workspace.paperwork.read(letter) }
      },
      'nobody',
    )
    await writeOut(made, options)
    for (const note of made.notes) process.stderr.write(`homeward: note: ${note}\n`)
  })
  return letter
}

/** Documents named by id or by file name, as ids. */
async function attachmentIds(workspace: Workspace, caseId: string, names: string[]): Promise<string[]> {
  const attachments = Object.entries((await workspace.cases.read(caseId)).attachments)
  return names.map((name) => {
    const matches = attachments.filter(([id, attachment]) => id === name || attachment.fileName === name)
    if (matches.length === 0) throw new CliError(`no document ${name} on this case`)
    if (matches.length > 1) throw new CliError(`more than one document is called ${name}: give its id`)
    return matches[0]![0]
  })
}

/** Writes the made PDF (kept in the workspace too, sealed) where it was asked for, whole or not at all. */
async function writeOut(made: GeneratedFile & { bytes: Uint8Array }, options: CommonOptions & { out: string }, extra: { warnings?: string[] } = {}): Promise<void> {
  const out = resolve(options.out)
  await writeFile(`${out}.partial`, made.bytes)
  await rename(`${out}.partial`, out)
  if (options.json) printJson({ id: made.id, file: out, pages: made.document.pages, enclosures: made.document.enclosures, ...extra })
  else process.stdout.write(`${out} (${made.document.pages} pages)\n`)
}

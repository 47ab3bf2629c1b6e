import { randomUUID } from 'node:crypto'
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, sep } from 'node:path'
import { GENERATED_KINDS, type GeneratedDocument, type GeneratedKind } from '../../../shared/case/attachments'
import * as change from '../../../shared/case/changes'
import { planClosureLetter } from '../../../shared/case/closure-letter'
import { closureLetterEmail } from '../../../shared/case/closure-letter-email'
import { planPack } from '../../../shared/case/presentation-pack'
import { sharingRefusal } from '../../../shared/case/consent-to-share'
import type { CaseRecord } from '../../../shared/case/record'
import { mayMakeSubjectAccessCopy, SubjectAccessRefusedError } from '../../../shared/case/subject-access'
import { notesForReview } from '../../../shared/case/third-party-notes'
import { formatLongDate, formatUkDate } from '../../../shared/dates'
import { councilName } from '../../../shared/places/local-authority'
import { attachmentsInOrder } from '../../../shared/case/attachments'
import { isSealed, readSealedFile, writeSealedFile } from '../../../node/sealed-file'
import type { Signer } from '../../pdf/letter'
import type { MadeDocument } from '../../pdf/pack'
import { toBase64, type ApiHandlers } from '../api/handlers'
import { safeFileName } from '../attachments/attachment-store'
import type { Attachments } from '../attachments/attachments'
import type { Audit } from '../audit/audit'
import type { Cases } from '../cases/cases'
import { AttachmentNotFoundError, FileRefusedError, PaperworkNotReadyError } from '../errors'
import type { Team } from '../team/team'
import type { WorkspaceCore } from '../workspace-core'

/** A generated document as the case records it, and where its file is on this laptop (sealed: `read` gives its bytes). */
export interface GeneratedFile {
  id: string
  path: string
  document: GeneratedDocument
}

export interface PackOptions {
  /** Attachments to leave out this time (by id). */
  without?: readonly string[]
  onProgress?(done: number, total: number): void
}

/** What a subject access copy holds back or lacks, for whoever made it. */
export interface SubjectAccessSummary {
  pages: number
  /** Notes naming another person, on the PDF's pages for the reviewer. */
  heldForReview: number
  /** Scanned documents whose files have not reached this laptop yet. */
  missingScans: string[]
}

/** A file name without the characters a folder refuses on some computer (Windows' \ / : * ? " < > |). */
function withoutUnsafeCharacters(name: string): string {
  return safeFileName(name.replace(/[\\/:*?"<>|]/g, ''))
}

/** Where a subject access copy puts the scanned documents, beside its PDF. */
const SCANS_FOLDER = 'Scanned documents'
/** Where the plain copies handed to the PDF viewer or mail client are, in a case's documents folder. */
const VIEWER_FOLDER = 'opened'

/** Generated documents are named by the ids Homeward makes for them (a UUID each). */
const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * The paperwork Homeward makes from a case (the presentation pack, the closure letter): made when
 * the case holds what it needs, kept as a file on this laptop and recorded on the case, opened or
 * emailed from there. Generated files are not synced: any laptop can make them again from the case.
 *
 * The PDF makers (here, in meetings and in reports) are loaded when first used: with their font
 * library they take half a second to load, which every command of the command line would pay.
 */
export class Paperwork {
  constructor(
    private readonly core: WorkspaceCore,
    private readonly cases: Cases,
    private readonly attachments: Attachments,
    private readonly team: Team,
    private readonly audit: Audit,
  ) {}

  /**
   * Makes a presentation pack from a case: checks it can be made (PaperworkNotReadyError saying what
   * is missing), reads and checks every enclosure (a bad one stops it with FileRefusedError naming
   * the file, and writes nothing), saves the PDF in the workspace and records it on the case.
   * Answers with the plan's warnings (evidence not in it, a letter saying "enclosed" with nothing
   * enclosed): the window shows them before making it; the command line prints them.
   */
  async presentationPack(caseId: string, options: PackOptions = {}): Promise<GeneratedFile & { warnings: string[] }> {
    const record = await this.cases.read(caseId)
    const settings = this.team.settings()
    const unknown = (options.without ?? []).filter((id) => !record.attachments[id])
    if (unknown.length > 0) throw new AttachmentNotFoundError(unknown[0]!)
    const context = this.core.context()
    const plan = planPack(record, settings, new Set(options.without), context.today)
    if (plan.problems.length > 0 || !plan.recipient) throw new PaperworkNotReadyError(plan.problems)
    // pdf-lib and the file checks load with the first paperwork, not with every workspace (the command line's start).
    const [{ makePresentationPack }, { checkFile }] = await Promise.all([import('../../pdf/pack'), import('../../pdf/file-check')])
    const made = await makePresentationPack({
      record,
      plan: { ...plan, recipient: plan.recipient },
      settings,
      signer: this.#signer(record),
      today: context.today,
      now: context.now,
      readEnclosure: async (id) => {
        const { fileName, sha256 } = record.attachments[id]!
        const file = await this.attachments.read(caseId, id, sha256).catch((error: unknown) => {
          if (error instanceof AttachmentNotFoundError) {
            throw new FileRefusedError(fileName, 'its file is not on this laptop yet (it may still be on its way from another laptop). Try again later, or make the pack without it.')
          }
          throw error
        })
        const checked = await checkFile(fileName, file.bytes, { trialCopy: false })
        return { fileName, mediaType: checked.mediaType, bytes: file.bytes }
      },
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    })
    const saved = await this.#save(caseId, record, 'presentation-pack', made, plan.enclosures)
    this.audit.record(caseId, 'exported', 'presentation pack made')
    return { ...saved, warnings: plan.warnings }
  }

  /**
   * Makes the closure letter (Tool 4, Step 7), saves it and records it on the case (and on the step,
   * the day it was made). What the letter was made without (a gap in the team's directory) comes back as `notes`.
   */
  async closureLetter(caseId: string): Promise<GeneratedFile & { notes: string[] }> {
    const record = await this.cases.read(caseId)
    const settings = this.team.settings()
    const plan = planClosureLetter(record, settings)
    if (plan.problems.length > 0) throw new PaperworkNotReadyError(plan.problems)
    const context = this.core.context()
    const { makeClosureLetter } = await import('../../pdf/closure-letter')
    const made = await makeClosureLetter({ record, plan, settings, signer: this.#signer(record), today: context.today, now: context.now })
    const saved = await this.#save(caseId, record, 'closure-letter', made, [])
    this.audit.record(caseId, 'exported', 'closure letter made')
    return { ...saved, notes: plan.notes }
  }

  /**
   * A subject access copy (UK GDPR Article 15) written into `outDir`, a new or empty folder (see
   * #subjectAccessFiles). Written whole before anything is said to be done: each file written, then
   * renamed into place, readable by its owner only.
   */
  async subjectAccessCopy(caseId: string, outDir: string): Promise<SubjectAccessSummary & { folder: string; files: string[] }> {
    const already = await readdir(outDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw new PaperworkNotReadyError([`${outDir} is not a folder that can be written to: choose a new or empty folder for the copy`])
    })
    if (already.length > 0) throw new PaperworkNotReadyError([`${outDir} is not empty: choose a new or empty folder for the copy`])
    const { files, ...summary } = await this.#subjectAccessFiles(caseId)
    for (const file of files) {
      const path = join(outDir, file.name)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(`${path}.partial`, file.bytes, { mode: 0o600 })
      await rename(`${path}.partial`, path)
    }
    return { ...summary, folder: outDir, files: files.map((file) => file.name) }
  }

  /**
   * A subject access copy's files: the readable PDF of everything held about the person, their
   * scanned documents byte for byte (numbered, so two of one name stay two) and record.json, the
   * record as the core reads it. Only a manager or the case's lead caseworker may make one (a
   * restricted case is on the laptops of those it is restricted to only); it is recorded in the audit.
   */
  async #subjectAccessFiles(caseId: string): Promise<SubjectAccessSummary & { fileName: string; files: { name: string; bytes: Uint8Array }[] }> {
    const record = await this.cases.read(caseId)
    const context = this.core.context()
    if (!mayMakeSubjectAccessCopy({ id: context.author.id, role: context.role }, record.allocation.leadCaseworker?.id)) throw new SubjectAccessRefusedError()
    const scanFiles: Record<string, string> = {}
    const files: { name: string; bytes: Uint8Array }[] = []
    const missingScans: string[] = []
    for (const [i, scan] of attachmentsInOrder(record.attachments).entries()) {
      const file = await this.attachments.read(caseId, scan.id, scan.sha256).catch((error: unknown) => {
        if (error instanceof AttachmentNotFoundError) return undefined
        throw error
      })
      if (!file) {
        missingScans.push(scan.fileName)
        continue
      }
      const name = `${SCANS_FOLDER}/${String(i + 1).padStart(2, '0')} ${withoutUnsafeCharacters(scan.fileName)}`
      scanFiles[scan.id] = name
      files.push({ name, bytes: file.bytes })
    }
    const forReview = notesForReview(record)
    const { makeSubjectAccessCopy } = await import('../../pdf/subject-access')
    const made = await makeSubjectAccessCopy({ record, forReview, scanFiles, madeBy: context.author, today: context.today, now: context.now })
    const fileName = withoutUnsafeCharacters(`Subject access copy - ${record.referral.clientName} - ${formatUkDate(context.today).replaceAll('/', '-')}`)
    files.unshift({ name: `${fileName}.pdf`, bytes: made.bytes }, { name: 'record.json', bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}\n`) })
    this.audit.record(caseId, 'exported', 'subject access copy made')
    return { fileName, files, pages: made.pages, heldForReview: forReview.length, missingScans }
  }

  /**
   * Where a generated document's file is on this laptop. One made on another laptop is reported
   * missing, with what to do.
   */
  async file(caseId: string, id: string): Promise<GeneratedFile> {
    const document = (await this.cases.read(caseId)).generatedDocuments[id]
    if (!document) throw new AttachmentNotFoundError(id)
    const path = this.#path(caseId, id, 'pdf')
    try {
      await access(path)
    } catch {
      throw new PaperworkNotReadyError([`${document.fileName} was made on another laptop, or removed from this one: make it again here`])
    }
    return { id, path, document }
  }

  /**
   * Takes a scanned document off a case, deleting its file, and the packs made on this laptop that
   * enclose it (each holds a copy, as does its email): removed means removed. The case keeps its
   * record of what was made. Returns how many packs were deleted.
   */
  async removeAttachmentAndCopies(caseId: string, attachmentId: string): Promise<number> {
    const made = Object.entries((await this.cases.read(caseId)).generatedDocuments).filter(([, document]) =>
      document.enclosures.some((enclosure) => enclosure.attachmentId === attachmentId),
    )
    await this.attachments.remove(caseId, attachmentId)
    for (const [id] of made) {
      for (const extension of ['pdf', 'eml'] as const) await rm(this.#path(caseId, id, extension), { force: true })
      await rm(this.#viewerFolder(caseId, id), { recursive: true, force: true })
    }
    return made.length
  }

  /**
   * Writes a ready-to-send email (.eml) with the document attached, beside it, for the mail client
   * to open as a draft: the pack to the Housing Options contact, the day before the presentation;
   * the closure letter to the client (`closureLetterEmail`: refused, in one line, with no address).
   */
  async prepareEmail(caseId: string, id: string): Promise<string> {
    const { path, document } = await this.file(caseId, id)
    const record = await this.cases.read(caseId)
    const settings = this.team.settings()
    const { author } = this.core.context()
    const name = record.referral.clientName
    const pack = document.kind === 'presentation-pack'
    // A pack made before the client withdrew consent to share with the council must not be sent now.
    const refused = pack && record.plan.destination ? sharingRefusal(record, { destination: record.plan.destination }) : undefined
    if (refused) throw new PaperworkNotReadyError([refused])
    // The closure letter goes to the client: without their email address there is no one to send it to.
    const toClient = pack ? undefined : closureLetterEmail(record)
    if (toClient && 'whyNot' in toClient) throw new PaperworkNotReadyError([toClient.whyNot])
    const recipient = pack ? planPack(record, settings).recipient : undefined
    const council = recipient ? councilName(recipient.localAuthority) : ''
    const day = record.reconnectionDay.date
    const lines = pack
      ? [
          `Dear ${recipient?.contactName ?? 'Housing Options Officer'},`,
          '',
          `Please find attached the presentation pack for ${name}, who is making a homelessness application to ${council} under Part VII of the Housing Act 1996${day ? `. We will present at your office on ${formatLongDate(day)}` : ''}.`,
          '',
          'The pack holds our covering letter, a summary of the client’s circumstances and copies of their documents. It contains personal information shared with the client’s consent: please keep it secure.',
          '',
          'We will bring a printed copy on the day.',
        ]
      : [`Dear ${name.trim().split(/\s+/)[0] || name},`, '', 'Please find attached our letter about your support ending.']
    const signature = ['', 'Kind regards,', '', author.name, settings.letterhead.teamName, settings.letterhead.organisation, settings.letterhead.phone].filter(
      (line) => line !== undefined,
    )
    const { default: MailComposer } = await import('nodemailer/lib/mail-composer')
    const message = new MailComposer({
      ...(recipient?.email ? { to: recipient.email } : {}),
      ...(toClient ? { to: toClient.to } : {}),
      subject: pack ? `Presentation pack: ${name} (Part VII application to ${council})` : `Closure letter: ${name}`,
      text: [...lines, ...signature].join('\n'),
      // Outlook opens a message marked unsent as a draft, ready to send.
      headers: { 'X-Unsent': '1' },
      attachments: [{ filename: outgoingName(document), content: await this.#read(path), contentType: 'application/pdf' }],
    })
    const eml = this.#path(caseId, id, 'eml')
    await writeSealedFile(eml, await message.compile().build(), this.core.key)
    return eml
  }

  /**
   * Seals the paperwork a workspace made before encryption (plain PDFs and emails under
   * documents/), in place, on the first open with its key; deletes the plain copies made for a viewer.
   */
  async sealOlderFiles(): Promise<void> {
    const folder = join(this.core.dataDir, 'documents')
    const files = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => [])
    // The viewer's plain copies from the last run have been read by now.
    for (const entry of files.filter((entry) => entry.isDirectory() && entry.name === VIEWER_FOLDER)) {
      await rm(join(entry.parentPath, entry.name), { recursive: true, force: true })
    }
    for (const file of files.filter((entry) => entry.isFile() && /\.(pdf|eml)$/.test(entry.name) && !relative(folder, entry.parentPath).split(sep).includes(VIEWER_FOLDER))) {
      const path = join(file.parentPath, file.name)
      const bytes = await readFile(path)
      if (!isSealed(bytes)) await writeSealedFile(path, bytes, this.core.key)
    }
  }

  /** A made document's bytes, or its email's (their files are sealed with the workspace key). */
  read(made: Pick<GeneratedFile, 'path'>): Promise<Buffer> {
    return this.#read(made.path)
  }

  #read(path: string): Promise<Buffer> {
    return readSealedFile(path, this.core.key)
  }

  /**
   * A plain copy for the computer's PDF viewer or mail client, which cannot read a sealed file: in
   * the case's documents folder (so removing the document, restricting the case or wiping the
   * laptop removes it too), owner-only, and deleted when the workspace next opens.
   */
  async #viewerCopy(caseId: string, id: string, path: string, fileName: string): Promise<string> {
    const folder = this.#viewerFolder(caseId, id)
    await mkdir(folder, { recursive: true, mode: 0o700 })
    const copy = join(folder, basename(fileName))
    await writeFile(copy, await this.#read(path), { mode: 0o600 })
    return copy
  }

  #viewerFolder(caseId: string, id: string): string {
    return join(dirname(this.#path(caseId, id, 'pdf')), VIEWER_FOLDER, id)
  }

  /**
   * Who signs a letter: the case's lead caseworker (the toolkit's "covering letter signed by the
   * caseworker"), whoever makes it; the person making it when no one is allocated yet. The lead's
   * role is the team's word for them, and their signature the one they gave the team, if any.
   */
  #signer(record: CaseRecord): Signer {
    const { author, role } = this.core.context()
    const lead = record.allocation.leadCaseworker
    const person = lead ? { name: lead.name, role: this.team.members().find((member) => member.id === lead.id)?.role ?? 'caseworker' } : { name: author.name, role }
    const signature = this.team.settings().signatures[lead?.id ?? author.id]
    return { ...person, ...(signature ? { signature } : {}) }
  }

  /**
   * Writes the PDF under the workspace's documents folder (written whole, then renamed into place,
   * so a crash never leaves half a file), then records it on the case.
   */
  async #save(caseId: string, record: CaseRecord, kind: GeneratedKind, made: MadeDocument, enclosures: { id: string; fileName: string }[]): Promise<GeneratedFile> {
    const id = randomUUID()
    const context = this.core.context()
    const document: GeneratedDocument = {
      kind,
      fileName: safeFileName(`${GENERATED_KINDS[kind]} - ${record.referral.clientName} - ${formatUkDate(context.today).replaceAll('/', '-')}.pdf`.replace(/[\\/:*?"<>|]/g, '')),
      pages: made.pages,
      at: context.now.toISOString(),
      by: context.author,
      enclosures: enclosures.map((enclosure) => ({ attachmentId: enclosure.id, fileName: enclosure.fileName, pages: made.enclosurePages[enclosure.id] ?? 0 })),
    }
    const path = this.#path(caseId, id, 'pdf')
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    await writeSealedFile(path, made.bytes, this.core.key)
    await this.cases.change(caseId, (doc, ctx) => change.recordGeneratedDocument(doc, id, document, ctx))
    return { id, path, document }
  }

  /**
   * Where a generated document's file is kept: named by ids only, never by anything a window could
   * write into the case (a file name there could climb out of the folder). `caseId` has been checked
   * as a case of this workspace by reading it.
   */
  #path(caseId: string, id: string, extension: 'pdf' | 'eml'): string {
    if (!GENERATED_ID.test(id)) throw new AttachmentNotFoundError(id)
    return join(this.core.dataDir, 'documents', caseId, `${id}.${extension}`)
  }

  handlers() {
    return {
      generateDocument: async ({ caseId, kind, without, taskId }, caller) => {
        const made =
          kind === 'closure-letter'
            ? await this.closureLetter(caseId)
            : await this.presentationPack(caseId, {
                without: without ?? [],
                onProgress: (done, total) => taskId && caller.emit({ type: 'progress', taskId, done, total }),
              })
        return { id: made.id }
      },
      readGeneratedDocument: async ({ caseId, documentId }) => {
        const made = await this.file(caseId, documentId)
        this.audit.record(caseId, 'exported', `${GENERATED_KINDS[made.document.kind].toLowerCase()} saved`)
        return { fileName: outgoingName(made.document), base64: toBase64(await this.#read(made.path)) }
      },
      openGeneratedDocument: async ({ caseId, documentId, as }, caller) => {
        const made = await this.file(caseId, documentId)
        const path = as === 'email' ? await this.prepareEmail(caseId, documentId) : made.path
        const kind = GENERATED_KINDS[made.document.kind].toLowerCase()
        if (as === 'email') this.audit.record(caseId, 'exported', `${kind} emailed`)
        else this.audit.record(caseId, 'printed', `${kind} opened to print`)
        const fileName = outgoingName(made.document, as === 'email' ? 'eml' : 'pdf')
        if (caller.host.openPath && (await caller.host.openPath(await this.#viewerCopy(caseId, documentId, path, fileName)))) return { opened: true as const }
        return { opened: false as const, fileName, base64: toBase64(await this.#read(path)) }
      },
      // One ZIP of the copy's folder: the window saves a file, where a browser cannot write a folder.
      makeSubjectAccessCopy: async ({ caseId }) => {
        const made = await this.#subjectAccessFiles(caseId)
        const { storedZip } = await import('./zip')
        return { fileName: `${made.fileName}.zip`, base64: toBase64(storedZip(made.files)), heldForReview: made.heldForReview, missingScans: made.missingScans }
      },
      // Here, not with the scanned documents: removing one also deletes the packs that enclose it.
      removeAttachment: async ({ caseId, attachmentId }) => ({ packsDeleted: await this.removeAttachmentAndCopies(caseId, attachmentId) }),
    } satisfies Partial<ApiHandlers>
  }
}

/** The name a generated file goes by when it leaves Homeward (an email's attachment, a download). */
export function outgoingName(document: GeneratedDocument, extension: 'pdf' | 'eml' = 'pdf'): string {
  return `${safeFileName(document.fileName).replace(/\.pdf$/i, '')}.${extension}`
}

import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import {
  isApiMethod,
  type ApiError,
  type ApiEvent,
  type ApiMethod,
  type ApiMethods,
  type ApiResponse,
  type ImageView,
  type TeamSettingsView,
} from '../../shared/api'
import { EVIDENCE_COLLECTIONS, GENERATED_KINDS, MAX_ATTACHMENT_BYTES } from '../../shared/case/attachments'
import type { TeamImage, TeamSettings } from '../../shared/team/settings'
import { caseloadWeights } from '../../shared/board/board'
import { PHASES } from '../../shared/case/phases'
import { ValidationError } from '../../shared/validation'
import type { Workspace } from './workspace'
import { isUserFacing } from './errors'
import { serverApi } from './sync/server-api'
import { exportMonitoringReport, monitoringReportFor } from './reports'
import { addMeetingAction, finishMeeting, meetingMinutes, startMeeting } from './meetings'
import { createTeam, joinTeam, requireMembership } from './sync/team-setup'
import { generateClosureLetter, generatedFile, generatePresentationPack, outgoingName, prepareEmail, removeAttachmentAndCopies } from './paperwork'

const MAX_SEARCH_LENGTH = 200
/**
 * Base64 takes four characters for every three bytes. Files somewhat over the limit still reach
 * the file check, which refuses them with the size in words; far bigger is not from the app.
 */
const MAX_FILE_BASE64 = Math.ceil((2 * MAX_ATTACHMENT_BYTES) / 3) * 4

/** What the app around the core can do for it: open a file with the computer's own programs. */
export interface ApiHost {
  /** Opens a file in its default program; false where there is none to open it with. */
  openPath?(path: string): Promise<boolean>
}

const id = z.string().min(1).max(100)
/** A short typed value: a server address, a code, a name. */
const text = z.string().max(200)
const values = z.record(z.string(), z.unknown())
const file = z.object({ fileName: z.string().min(1).max(500), base64: z.string().max(MAX_FILE_BASE64) })
const directory = z.enum(['housingOptions', 'agencies'])
/** The dates are checked with the report's own rules, which say what is wrong in words. */
const range = z.object({ from: z.string().max(10), to: z.string().max(10) })

/** The core's side of the typed API: each method, with its parameters checked (never trusted). */
function methods(
  workspace: Workspace,
  host: ApiHost,
  emit: (event: ApiEvent) => void,
): { [M in ApiMethod]: (params: unknown) => Promise<ApiMethods[M]['result']> } {
  return {
    getSession: async () => ({ profile: workspace.profile }),
    setProfile: async (params) => workspace.setProfile(params),
    listMembers: async () => workspace.members(),
    createCase: async (params) => {
      const { requestId, allowDuplicate, ...referral } = z
        .looseObject({ requestId: z.string().max(100).optional(), allowDuplicate: z.boolean().optional() })
        .parse(params)
      return { id: await workspace.createCase(referral, { ...(requestId ? { requestId } : {}), allowDuplicate: allowDuplicate ?? false }) }
    },
    checkDuplicates: async (params) => {
      const identity = z.object({ clientName: z.string().max(200), dateOfBirth: z.string().max(10), chainNumber: z.string().max(20).optional() }).parse(params)
      return workspace.possibleDuplicates(identity)
    },
    addLearningPoint: async (params) => {
      const { caseId, text } = z.object({ caseId: z.string(), text: z.unknown() }).parse(params)
      return { id: await workspace.addLearningPoint(caseId, text) }
    },
    reRefer: async (params) => {
      const { caseId } = z.object({ caseId: z.string() }).parse(params)
      return { id: await workspace.reRefer(caseId) }
    },
    listCases: async () => workspace.listCases(),
    duplicatesOf: async (params) => workspace.duplicatesOf(z.object({ caseId: id }).parse(params).caseId),
    mergeCases: async (params) => {
      const { keepId, duplicateId } = z.object({ keepId: id, duplicateId: id }).parse(params)
      await workspace.mergeCases(keepId, duplicateId)
      return {}
    },
    getSyncStatus: async () => workspace.sync.status(),
    createTeam: async (params) => {
      const input = z.object({ server: text, setupCode: text, name: text, deviceName: text.optional() }).parse(params)
      const { joinCode } = await createTeam(workspace, input)
      await workspace.sync.restart()
      return { joinCode }
    },
    joinTeam: async (params) => {
      await joinTeam(workspace, z.object({ server: text, code: text, deviceName: text.optional() }).parse(params))
      await workspace.sync.restart()
      return {}
    },
    leaveTeam: async () => {
      await workspace.sync.stop()
      workspace.membership.leave()
      await workspace.sync.restart()
      return {}
    },
    listDevices: async () => {
      const membership = requireMembership(workspace)
      return serverApi.devices(membership.server, membership.credential)
    },
    revokeDevice: async (params) => {
      const { deviceId } = z.object({ deviceId: id }).parse(params)
      const membership = requireMembership(workspace)
      await serverApi.revoke(membership.server, membership.credential, deviceId)
      return {}
    },
    newJoinCode: async () => {
      const membership = requireMembership(workspace)
      return serverApi.newJoinCode(membership.server, membership.credential)
    },
    searchCases: async (params) => {
      const { text } = z.object({ text: z.string().max(MAX_SEARCH_LENGTH) }).parse(params)
      return workspace.searchCases(text)
    },
    getBoard: async () => workspace.board(),
    listMeetings: async () => workspace.meetings(),
    startMeeting: async () => ({ id: await startMeeting(workspace) }),
    addMeetingAction: async (params) => {
      const parsed = z.object({ meetingId: id, itemId: id, description: z.string().max(1000), ownerId: id, due: z.string().max(10) }).parse(params)
      return { id: await addMeetingAction(workspace, parsed) }
    },
    finishMeeting: async (params) => {
      await finishMeeting(workspace, z.object({ meetingId: id }).parse(params).meetingId)
      return {}
    },
    meetingMinutes: async (params) => {
      const made = await meetingMinutes(workspace, z.object({ meetingId: id }).parse(params).meetingId)
      return { fileName: made.fileName, base64: Buffer.from(made.bytes).toString('base64') }
    },
    getMonitoringReport: async (params) => monitoringReportFor(workspace, range.parse(params)),
    exportMonitoringReport: async (params) => {
      const parsed = range.extend({ as: z.enum(['pdf', 'figures-csv', 'cases-csv']) }).parse(params)
      const made = await exportMonitoringReport(workspace, { from: parsed.from, to: parsed.to }, parsed.as)
      return { fileName: made.fileName, base64: Buffer.from(made.bytes).toString('base64') }
    },
    setCaseloadWeights: async (params) => {
      const { weights } = z.object({ weights: z.record(z.enum(PHASES), z.number()) }).parse(params)
      workspace.setCaseloadWeights(weights)
      return {}
    },
    getTeamSettings: async () => settingsView(workspace.teamSettings()),
    updateLetterhead: async (params) => {
      workspace.updateLetterhead(z.object({ values }).parse(params).values)
      return {}
    },
    saveDirectoryEntry: async (params) => {
      const parsed = z.object({ directory, id: id.optional(), values }).parse(params)
      return { id: workspace.saveDirectoryEntry(parsed.directory, parsed.id, parsed.values) }
    },
    removeDirectoryEntry: async (params) => {
      const parsed = z.object({ directory, id }).parse(params)
      workspace.removeDirectoryEntry(parsed.directory, parsed.id)
      return {}
    },
    setTeamImage: async (params) => {
      const parsed = z.object({ which: z.enum(['logo', 'signature']), file: file.nullable() }).parse(params)
      await workspace.setTeamImage(parsed.which, parsed.file && { fileName: parsed.file.fileName, bytes: fromBase64(parsed.file.base64) })
      return {}
    },
    addAttachment: async (params) => {
      const parsed = file
        .extend({
          caseId: id,
          details: values,
          evidenceFor: z.object({ collection: z.enum(EVIDENCE_COLLECTIONS), itemId: id }).optional(),
        })
        .parse(params)
      const added = await workspace.addAttachment(parsed.caseId, {
        fileName: parsed.fileName,
        bytes: fromBase64(parsed.base64),
        details: parsed.details,
        ...(parsed.evidenceFor ? { evidenceFor: parsed.evidenceFor } : {}),
      })
      return { id: added }
    },
    removeAttachment: async (params) => {
      const parsed = z.object({ caseId: id, attachmentId: id }).parse(params)
      return { packsDeleted: await removeAttachmentAndCopies(workspace, parsed.caseId, parsed.attachmentId) }
    },
    generateDocument: async (params) => {
      const parsed = z
        .object({
          caseId: id,
          kind: z.enum(Object.keys(GENERATED_KINDS) as [keyof typeof GENERATED_KINDS]),
          without: z.array(id).max(500).optional(),
          taskId: id.optional(),
        })
        .parse(params)
      const made =
        parsed.kind === 'closure-letter'
          ? await generateClosureLetter(workspace, parsed.caseId)
          : await generatePresentationPack(workspace, parsed.caseId, {
              without: parsed.without ?? [],
              onProgress: (done, total) => parsed.taskId && emit({ type: 'progress', taskId: parsed.taskId, done, total }),
            })
      return { id: made.id }
    },
    readGeneratedDocument: async (params) => {
      const parsed = z.object({ caseId: id, documentId: id }).parse(params)
      const made = await generatedFile(workspace, parsed.caseId, parsed.documentId)
      return { fileName: outgoingName(made.document), base64: Buffer.from(await readFile(made.path)).toString('base64') }
    },
    openGeneratedDocument: async (params) => {
      const parsed = z.object({ caseId: id, documentId: id, as: z.enum(['pdf', 'email']) }).parse(params)
      const made = await generatedFile(workspace, parsed.caseId, parsed.documentId)
      const path = parsed.as === 'email' ? await prepareEmail(workspace, parsed.caseId, parsed.documentId) : made.path
      if (host.openPath && (await host.openPath(path))) return { opened: true }
      const fileName = outgoingName(made.document, parsed.as === 'email' ? 'eml' : 'pdf')
      return { opened: false, fileName, base64: Buffer.from(await readFile(path)).toString('base64') }
    },
  }
}

function fromBase64(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'))
}

function imageView(image: TeamImage): ImageView {
  return { mediaType: image.mediaType, base64: Buffer.from(image.bytes).toString('base64') }
}

function settingsView(settings: TeamSettings): TeamSettingsView {
  return {
    letterhead: settings.letterhead,
    ...(settings.logo ? { logo: imageView(settings.logo) } : {}),
    housingOptions: settings.housingOptions,
    agencies: settings.agencies,
    signatures: Object.fromEntries(Object.entries(settings.signatures).map(([member, image]) => [member, imageView(image)])),
    caseloadWeights: caseloadWeights(settings.caseloadWeights),
  }
}

const requestSchema = z.object({ id: z.number().int(), method: z.string(), params: z.unknown() })

/**
 * Answers one request from a window; `emit` sends that window events about its request (progress).
 * Errors a user can cause come back as messages to show; any other failure is reported without its
 * details, which could hold case data.
 */
export function createApiHandler(workspace: Workspace, host: ApiHost = {}): (request: unknown, emit?: (event: ApiEvent) => void) => Promise<ApiResponse> {
  return async (request, emit = () => undefined) => {
    const table = methods(workspace, host, emit)
    const parsed = requestSchema.safeParse(request)
    if (!parsed.success) return { id: -1, ok: false, error: { message: 'Malformed request' } }
    const { id, method, params } = parsed.data
    if (!isApiMethod(method)) return { id, ok: false, error: { message: `Unknown method ${method.slice(0, 40)}` } }
    try {
      return { id, ok: true, result: await table[method](params ?? {}) }
    } catch (error) {
      return { id, ok: false, error: describe(error, method) }
    }
  }
}

function describe(error: unknown, method: ApiMethod): ApiError {
  if (error instanceof ValidationError) return { message: 'Some details need checking', issues: error.issues }
  if (error instanceof z.ZodError) return { message: 'Malformed request' }
  if (isUserFacing(error)) return { message: error.message }
  // Names only: a message or stack could quote what someone typed.
  console.error(`Homeward: ${method} failed (${error instanceof Error ? error.name : typeof error})`)
  return { message: 'Something went wrong. Your work is saved; please try again.' }
}

import { z } from 'zod'
import { isApiMethod, type ApiError, type ApiMethod, type ApiMethods, type ApiResponse } from '../../shared/api'
import { ValidationError } from '../../shared/validation'
import type { Workspace } from './workspace'
import { isUserFacing } from './errors'

const MAX_SEARCH_LENGTH = 200

/** The core's side of the typed API: each method, with its parameters checked (never trusted). */
function methods(workspace: Workspace): { [M in ApiMethod]: (params: unknown) => Promise<ApiMethods[M]['result']> } {
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
    searchCases: async (params) => {
      const { text } = z.object({ text: z.string().max(MAX_SEARCH_LENGTH) }).parse(params)
      return workspace.searchCases(text)
    },
  }
}

const requestSchema = z.object({ id: z.number().int(), method: z.string(), params: z.unknown() })

/**
 * Answers one request from a window. Errors a user can cause come back as messages to show; any
 * other failure is reported without its details, which could hold case data.
 */
export function createApiHandler(workspace: Workspace): (request: unknown) => Promise<ApiResponse> {
  const table = methods(workspace)
  return async (request) => {
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

import { z } from 'zod'
import { API, isApiMethod, type ApiError, type ApiEvent, type ApiMethod, type ApiResponse } from '../../../shared/api'
import { ValidationError } from '../../../shared/validation'
import { isUserFacing } from '../errors'
import type { ApiHandler, ApiHandlers, ApiHost } from './handlers'

export type { ApiHost } from './handlers'

const requestSchema = z.object({ id: z.number().int(), method: z.string(), params: z.unknown() })

/**
 * Answers one request from a window; `emit` sends that window events about its request (progress).
 * The parameters are checked against the contract's schema (never trusted) before the domain
 * module's handler sees them. Errors a user can cause come back as messages to show; any other
 * failure is reported without its details, which could hold case data.
 */
export function createApiHandler(
  workspace: { apiHandlers(): ApiHandlers },
  host: ApiHost = {},
): (request: unknown, emit?: (event: ApiEvent) => void) => Promise<ApiResponse> {
  const handlers = workspace.apiHandlers()
  return async (request, emit = () => undefined) => {
    const parsed = requestSchema.safeParse(request)
    if (!parsed.success) return { id: -1, ok: false, error: { message: 'Malformed request' } }
    const { id, method, params } = parsed.data
    if (!isApiMethod(method)) return { id, ok: false, error: { message: `Unknown method ${method.slice(0, 40)}` } }
    try {
      const checked = API[method].params.parse(params ?? {})
      // The schema and the handler are looked up by the same method name: TypeScript cannot follow
      // that a union of methods picks matching pairs, so the pair is joined here, once.
      const handler = handlers[method] as ApiHandler<ApiMethod>
      return { id, ok: true, result: await handler(checked as never, { host, emit }) }
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

import type { ApiEvent, ApiMethod, ApiMethods, ApiRequest, ApiResponse } from '../../shared/api'
import type { FieldIssue } from '../../shared/validation'

/** The core refused a call; `issues` says which fields, when the input was the problem. */
export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message)
    this.name = 'ApiCallError'
  }
}

/**
 * The window's link to the core: `lost` while it cannot be reached (it tries again by itself);
 * `restarted` when the browser mode was started again with a new secret, and this page must be
 * opened afresh from the address it printed.
 */
export type ConnectionState = 'connecting' | 'connected' | 'lost' | 'restarted'

/** How a window sends requests to the core and hears its events, whatever carries them. */
export interface ApiTransport {
  send(request: ApiRequest): Promise<ApiResponse>
  onEvent(listener: (event: ApiEvent) => void): () => void
  onConnection(listener: (state: ConnectionState) => void): () => void
}

export interface ApiClient {
  call<M extends ApiMethod>(method: M, params: ApiMethods[M]['params']): Promise<ApiMethods[M]['result']>
  /**
   * Sends a call now, as the page starts, before the code that needs its answer has loaded: the
   * first `call` of the method with the same parameters takes that answer instead of asking again.
   */
  prime<M extends ApiMethod>(method: M, params: ApiMethods[M]['params']): void
  /**
   * The primed call's answer, taken now, if it has already come (and was not refused): the app's
   * first draw uses it instead of asking in an effect and drawing again. Otherwise nothing is
   * taken, and `call` asks as before.
   */
  answered<M extends ApiMethod>(method: M, params: ApiMethods[M]['params']): ApiMethods[M]['result'] | undefined
  onEvent(listener: (event: ApiEvent) => void): () => void
  onConnection(listener: (state: ConnectionState) => void): () => void
}

/** Events after which a primed answer may no longer be what the core would say (sync status and progress change none). */
const CHANGES_ANSWERS: ReadonlySet<ApiEvent['type']> = new Set(['index-changed', 'team-changed', 'session-changed'])

export function apiClient(transport: ApiTransport): ApiClient {
  let nextId = 1
  /** The primed calls not yet taken, by method: their parameters as sent, the answer coming, and it once come. */
  const primed = new Map<ApiMethod, { params: string; response: Promise<ApiResponse>; arrived?: ApiResponse }>()
  // A laptop taken off its team has its workspace closed and replaced without the other events.
  transport.onEvent((event) => (CHANGES_ANSWERS.has(event.type) || (event.type === 'sync-status' && event.status.takenOffTeam)) && primed.clear())
  return {
    async call(method, params) {
      const early = primed.get(method)
      primed.delete(method)
      // Taken only if it was answered: a refusal (asked before sign-in, say) is asked again now.
      const answer = early?.params === JSON.stringify(params) ? await early.response.catch(() => undefined) : undefined
      const response = answer?.ok ? answer : await transport.send({ id: nextId++, method, params })
      if (!response.ok) throw new ApiCallError(response.error.message, response.error.issues)
      return response.result as never
    },
    prime(method, params) {
      const response = transport.send({ id: nextId++, method, params })
      // An early call never taken (the page went elsewhere) that fails is nobody's error: the page asks again when it needs it.
      const early: { params: string; response: Promise<ApiResponse>; arrived?: ApiResponse } = { params: JSON.stringify(params), response }
      response.then((arrived) => (early.arrived = arrived), () => undefined)
      primed.set(method, early)
    },
    answered(method, params) {
      const early = primed.get(method)
      if (!early?.arrived?.ok || early.params !== JSON.stringify(params)) return undefined
      primed.delete(method)
      return early.arrived.result as never
    },
    onEvent: (listener) => transport.onEvent(listener),
    onConnection: (listener) => transport.onConnection(listener),
  }
}

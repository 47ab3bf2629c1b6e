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
  onEvent(listener: (event: ApiEvent) => void): () => void
  onConnection(listener: (state: ConnectionState) => void): () => void
}

export function apiClient(transport: ApiTransport): ApiClient {
  let nextId = 1
  return {
    async call(method, params) {
      const response = await transport.send({ id: nextId++, method, params })
      if (!response.ok) throw new ApiCallError(response.error.message, response.error.issues)
      return response.result as never
    },
    onEvent: (listener) => transport.onEvent(listener),
    onConnection: (listener) => transport.onConnection(listener),
  }
}

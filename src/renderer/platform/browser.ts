import type { ApiEvent, ApiRequest, ApiResponse } from '../../shared/api'
import type { ApiTransport, ConnectionState } from './api-client'

/** How soon a lost connection to the core (the API's, the repo's) is tried again. */
export const RECONNECT_AFTER_MS = 1000
/** A call the core has not answered in this time is reported as failed (it may still happen). */
const CALL_TIMEOUT_MS = 20_000

/**
 * The browser mode: the page talks to the core over two WebSockets on its own origin, /api for the
 * typed API and /sync for the window's repo (`window-repo.ts`). The server admitted this page by its
 * cookie. The API comes first, alone: before the workspace is unlocked there is no repo to connect to.
 */
export const coreSocketUrl = (path: '/api' | '/sync') => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`

export function browserApiTransport(): ApiTransport {
  return new WebSocketApiTransport(coreSocketUrl('/api'))
}

class WebSocketApiTransport implements ApiTransport {
  #socket: WebSocket | undefined
  #state: ConnectionState = 'connecting'
  readonly #pending = new Map<number, { resolve: (response: ApiResponse) => void; reject: (error: Error) => void }>()
  readonly #waiting: ApiRequest[] = []
  readonly #eventListeners = new Set<(event: ApiEvent) => void>()
  readonly #connectionListeners = new Set<(state: ConnectionState) => void>()

  constructor(private readonly url: string) {
    this.#connect()
  }

  send(request: ApiRequest): Promise<ApiResponse> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(request.id)
        const queued = this.#waiting.indexOf(request)
        if (queued >= 0) this.#waiting.splice(queued, 1)
        reject(new Error('Homeward did not answer in time. Check it is still running, then try again.'))
      }, CALL_TIMEOUT_MS)
      this.#pending.set(request.id, {
        resolve: (response) => (clearTimeout(timer), resolve(response)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      })
      if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(request))
      else this.#waiting.push(request)
    })
  }

  onEvent(listener: (event: ApiEvent) => void): () => void {
    this.#eventListeners.add(listener)
    return () => this.#eventListeners.delete(listener)
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.#connectionListeners.add(listener)
    listener(this.#state)
    return () => this.#connectionListeners.delete(listener)
  }

  #setState(state: ConnectionState) {
    this.#state = state
    for (const listener of this.#connectionListeners) listener(state)
  }

  /** Reconnects, unless the server now refuses this page: then it was restarted with a new secret. */
  async #afterClose() {
    let refused = false
    try {
      refused = (await fetch('/', { method: 'HEAD', cache: 'no-store' })).status === 403
    } catch {
      // Not reachable at all: it may come back.
    }
    if (refused) {
      this.#setState('restarted')
      return
    }
    this.#setState('lost')
    setTimeout(() => this.#connect(), RECONNECT_AFTER_MS)
  }

  #connect() {
    const socket = new WebSocket(this.url)
    this.#socket = socket
    socket.addEventListener('open', () => {
      const reconnected = this.#state !== 'connecting'
      this.#setState('connected')
      for (const request of this.#waiting.splice(0)) socket.send(JSON.stringify(request))
      // Anything may have changed while we were away (on the first connection, nothing was missed).
      if (reconnected) for (const listener of this.#eventListeners) {
        listener({ type: 'index-changed' })
        listener({ type: 'team-changed' })
      }
    })
    socket.addEventListener('message', (message) => {
      const data = JSON.parse(String(message.data)) as ApiResponse | ApiEvent
      if ('type' in data) {
        for (const listener of this.#eventListeners) listener(data)
      } else {
        this.#pending.get(data.id)?.resolve(data)
        this.#pending.delete(data.id)
      }
    })
    socket.addEventListener('close', () => {
      // Calls in flight may or may not have happened: the caller is told, and can try again.
      for (const [id, call] of this.#pending) {
        if (!this.#waiting.some((request) => request.id === id)) {
          call.reject(new Error('The connection to Homeward was lost before it answered. Check, then try again.'))
          this.#pending.delete(id)
        }
      }
      void this.#afterClose()
    })
  }
}

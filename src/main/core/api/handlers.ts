import type { ApiEvent, ApiMethod, ApiParams, ApiResult } from '../../../shared/api'

/** What the app around the core can do for it: open a file with the computer's own programs. */
export interface ApiHost {
  /** Opens a file in its default program; false where there is none to open it with. */
  openPath?(path: string): Promise<boolean>
}

/** The window a request came from: what it can be told while the request runs, and its host. */
export interface ApiCaller {
  host: ApiHost
  /** Sends this window an event about its request (progress). */
  emit(event: ApiEvent): void
}

/** One method's handler: its parameters already checked against the contract's schema. */
export type ApiHandler<M extends ApiMethod> = (params: ApiParams<M>, caller: ApiCaller) => Promise<ApiResult<M>> | ApiResult<M>

/**
 * Handlers by method. Each domain module registers its own (`handlers()`, checked with
 * `satisfies Partial<ApiHandlers>`); the workspace joins them, and the compiler refuses a method
 * of the contract that no module handles.
 */
export type ApiHandlers = { [M in ApiMethod]: ApiHandler<M> }

/** Files cross the window's API as base64 (the window's socket carries JSON). */
export function fromBase64(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'))
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

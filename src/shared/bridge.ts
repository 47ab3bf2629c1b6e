import type { ApiEvent, ApiRequest, ApiResponse } from './api'

/**
 * What the preload script gives the window in the desktop app (`window.homeward`). The browser
 * mode has no bridge; the window talks to the core over WebSockets instead.
 */
export interface HomewardBridge {
  invoke(request: ApiRequest): Promise<ApiResponse>
  onEvent(listener: (event: ApiEvent) => void): () => void
  /** Asks the core for a MessagePort carrying the window's repo connection. */
  connectRepo(): void
}

/** Electron IPC channel names, shared by the shell and the preload script. */
export const IPC_CHANNELS = {
  api: 'homeward:api',
  event: 'homeward:event',
  connectRepo: 'homeward:connect-repo',
  repoPort: 'homeward:repo-port',
} as const

/** The window.postMessage that hands the repo's MessagePort from the preload to the page. */
export const REPO_PORT_MESSAGE = 'homeward:repo-port'

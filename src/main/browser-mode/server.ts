import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { ApiEvent } from '../../shared/api'
import { contentSecurityPolicy } from '../../shared/content-security-policy'
import { createApiHandler, type ApiHost } from '../core/api/api-handler'
import type { LockedWorkspace } from '../core/storage/workspace-gate'
import type { Workspace } from '../core/workspace'
import { Admission } from './admission'
import { readRendererFile } from '../core/renderer-files'
import { WindowSyncAdapter } from './window-sync-adapter'

export interface BrowserModeOptions {
  /** The workspace, or its gate (`workspaceGate`) until the page gives its passphrase (then `setWorkspace`). */
  workspace: Workspace | LockedWorkspace
  /** Opens a file in the computer's own program for it (a PDF viewer, the mail client). */
  openPath?: ApiHost['openPath']
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
}

export interface BrowserModeServer {
  /** The URL to open, carrying this run's secret. */
  url: string
  origin: string
  /**
   * Serves another workspace from now on: the one the passphrase page unlocked, or the same folder
   * opened again once this laptop was taken off the team (the one served is closed for good). Open
   * pages are answered by the new one.
   */
  setWorkspace(workspace: Workspace): void
  close(): Promise<void>
}

/** Room for a scanned document of the largest size taken, sent as base64. */
const MAX_API_MESSAGE = 32 * 1024 * 1024
const MAX_SYNC_MESSAGE = 64 * 1024 * 1024

/**
 * Serves the renderer to a local browser from the headless core, on 127.0.0.1 only: the page, the
 * typed API (WebSocket /api) and the window's repo connection (WebSocket /sync). Nothing, not even
 * the page, is served before the browser is admitted.
 */
export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserModeServer> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const admission = new Admission((server.address() as AddressInfo).port)
  const rendererDir = options.rendererDir.replace(/[\\/]+$/, '')

  const host = options.openPath ? { openPath: options.openPath } : {}
  let served = serve(options.workspace, host)
  /** The open pages' API connections, each told when the workspace served changes. */
  const apiConnections = new Set<(served: Served) => void>()
  const apiSockets = new WebSocketServer({ noServer: true, maxPayload: MAX_API_MESSAGE })
  apiSockets.on('connection', (socket: WebSocket) => serveApi(socket, () => served, apiConnections))

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void serveHttp(request, response, admission, rendererDir)
  })
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', admission.origin).pathname
    // No repo connection before the workspace is open: the passphrase page has none.
    const target = path === '/sync' ? served.syncSockets : path === '/api' ? apiSockets : undefined
    if (!target || !admission.admitsWebSocket(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n')
      return
    }
    target.handleUpgrade(request, socket, head, (ws) => target.emit('connection', ws, request))
  })

  return {
    url: admission.entryUrl,
    origin: admission.origin,
    setWorkspace: (workspace) => {
      served.stop()
      served = serve(workspace, host)
      for (const rewire of apiConnections) rewire(served)
    },
    close: async () => {
      served.stop()
      for (const client of apiSockets.clients) client.terminate()
      apiSockets.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function serveHttp(request: IncomingMessage, response: ServerResponse, admission: Admission, rendererDir: string) {
  const url = new URL(request.url ?? '/', admission.origin)
  if (!admission.isFromHere(request) || (request.method !== 'GET' && request.method !== 'HEAD')) {
    return refuse(response, 403)
  }
  if (url.searchParams.has('key')) {
    if (!admission.hasKey(url)) return refuse(response, 403)
    // Trade the secret for a cookie, and take it out of the address bar and history.
    response.writeHead(303, { Location: '/', 'Set-Cookie': admission.setCookieHeader(), ...securityHeaders(admission) })
    return response.end()
  }
  if (!admission.hasCookie(request)) return refuse(response, 403)
  const file = await readRendererFile(rendererDir, url.pathname)
  if (!file) return refuse(response, 404)
  response.writeHead(200, { 'Content-Type': file.contentType, ...securityHeaders(admission), ...cacheHeaders(url.pathname) })
  response.end(request.method === 'HEAD' ? undefined : file.body)
}

/**
 * The built scripts, styles and wasm are named by their content's hash (`assets/`): kept by the
 * browser, they are not fetched and compiled again each time a page opens (Chromium keeps its
 * compiled code only for cached scripts: npm run bench -- board-first-row). They hold the app's
 * code, never case data. The page itself, which names the current ones, is never kept.
 */
function cacheHeaders(path: string): Record<string, string> {
  return /^\/assets\/[\w.-]+$/.test(path) ? { 'Cache-Control': 'private, max-age=31536000, immutable' } : {}
}

function refuse(response: ServerResponse, status: 403 | 404) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(status === 403 ? 'Forbidden: open Homeward with the address printed when it started.\n' : 'Not found\n')
}

function securityHeaders(admission: Admission): Record<string, string> {
  const ws = admission.origin.replace('http:', 'ws:')
  return {
    'Content-Security-Policy': contentSecurityPolicy({ connect: [ws] }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  }
}

/** One workspace as served: its API and the windows' repo connections to it (none while locked). */
interface Served {
  workspace?: Workspace
  handle: ReturnType<typeof createApiHandler>
  syncSockets?: WebSocketServer
  stop(): void
}

function serve(workspace: Workspace | LockedWorkspace, host: ApiHost): Served {
  if (!('repo' in workspace)) return { handle: createApiHandler(workspace, host), stop: () => undefined }
  // A server of the windows' repo connections per workspace: automerge's adapter listens to its
  // server for good, so a new workspace's adapter needs a server of its own.
  const syncSockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SYNC_MESSAGE })
  const syncAdapter = new WindowSyncAdapter(syncSockets)
  workspace.repo.networkSubsystem.addNetworkAdapter(syncAdapter)
  return {
    workspace,
    handle: createApiHandler(workspace, host),
    syncSockets,
    stop: () => {
      for (const client of syncSockets.clients) client.terminate()
      workspace.repo.networkSubsystem.removeNetworkAdapter(syncAdapter)
      syncSockets.close()
    },
  }
}

function serveApi(socket: WebSocket, current: () => Served, connections: Set<(served: Served) => void>) {
  const send = (message: unknown) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  const listen = ({ workspace }: Served) => {
    if (!workspace) return []
    return [
      workspace.onIndexChanged(() => send({ type: 'index-changed' } satisfies ApiEvent)),
      workspace.onTeamChanged(() => send({ type: 'team-changed' } satisfies ApiEvent)),
      workspace.sync.onStatus((status) => send({ type: 'sync-status', status } satisfies ApiEvent)),
      workspace.onSessionChanged(() => send({ type: 'session-changed' } satisfies ApiEvent)),
    ]
  }
  let unsubscribe = listen(current())
  const rewire = (served: Served) => {
    unsubscribe.forEach((stop) => stop())
    unsubscribe = listen(served)
  }
  connections.add(rewire)
  socket.on('close', () => {
    connections.delete(rewire)
    unsubscribe.forEach((stop) => stop())
  })
  // A frame over the size limit or a broken connection closes this socket (ws does so by itself
  // after one); unheard, it would end the process.
  socket.on('error', () => undefined)
  socket.on('message', (data, isBinary) => {
    // The window sends JSON text; anything else is not from it.
    if (isBinary) return socket.close(1003, 'The API takes text')
    let request: unknown
    try {
      request = JSON.parse(String(data))
    } catch {
      request = undefined
    }
    // Each request is handled in a turn of its own, so its answer leaves as soon as it is ready:
    // frames that arrive together are otherwise all handled before any answer is sent, and the
    // board's start waited for the navigation's tasks count (npm run bench -- board-first-row).
    const { handle } = current()
    setImmediate(() => void handle(request, send).then(send))
  })
}

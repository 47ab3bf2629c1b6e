import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { app, protocol, session, type WebFrameMain } from 'electron'
import { contentSecurityPolicy } from '../../shared/content-security-policy'

/** The app's pages are served from app://homeward/, a custom protocol, never file://. */
export const APP_ORIGIN = 'app://homeward'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }])
}

/** Serves the built renderer on app://homeward/ with the strict CSP, and nothing outside it. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url)
    const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname)
    const file = normalize(join(rendererDir, path))
    const type = CONTENT_TYPES[extname(file)]
    if (url.host !== 'homeward' || !file.startsWith(rendererDir + sep) || !type) {
      return new Response('Not found', { status: 404 })
    }
    try {
      return new Response(await readFile(file), {
        headers: { 'Content-Type': type, 'Content-Security-Policy': contentSecurityPolicy() },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}

/**
 * No remote content, no permissions, no navigation away, no new windows, no webviews. The only
 * origins a window may load from are the app's own (and the dev server's, in development).
 */
export function hardenSessions(devServerOrigin: string | undefined): void {
  const allowed = (url: string) =>
    url.startsWith(`${APP_ORIGIN}/`) ||
    url.startsWith('devtools://') ||
    (devServerOrigin !== undefined && (url.startsWith(`${devServerOrigin}/`) || url.startsWith(devServerOrigin.replace('http', 'ws'))))
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowed(details.url) }))
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== contents.getURL()) event.preventDefault()
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/** IPC is answered only for the app's own page in its main frame. */
export function isTrustedSender(frame: WebFrameMain | null, devServerOrigin: string | undefined): boolean {
  if (!frame || frame.parent !== null) return false
  const origin = new URL(frame.url).origin
  return origin === APP_ORIGIN || (devServerOrigin !== undefined && origin === devServerOrigin)
}

import { app, protocol, session, type WebFrameMain } from 'electron'
import { contentSecurityPolicy } from '../../shared/content-security-policy'
import { readRendererFile } from '../core/renderer-files'
import { APP_HOST, APP_SCHEME, isAppPage } from './app-origin'
import type { ShellOptions } from './shell-options'

/** The app's pages are served from app://homeward/, a custom protocol, never file://. Must run
 * before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
}

/** Serves the built renderer on app://homeward/ with the strict CSP, and nothing outside it. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === APP_HOST ? await readRendererFile(rendererDir, url.pathname) : undefined
    if (!file) return new Response('Not found', { status: 404 })
    return new Response(file.body, {
      headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': contentSecurityPolicy() },
    })
  })
}

/**
 * No remote content, no permissions, no navigation away, no new windows, no webviews. The only
 * origins a window may load from are the app's own (and the dev server's and DevTools', in
 * development).
 */
export function hardenSessions({ devServerOrigin, devTools }: ShellOptions): void {
  const allowed = (url: string) =>
    isAppPage(url) ||
    (devTools && url.startsWith('devtools://')) ||
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
  return frame !== null && frame.parent === null && isAppPage(frame.url, devServerOrigin)
}

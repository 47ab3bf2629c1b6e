import { randomBytes } from 'node:crypto'
import { sameSecret } from '../../node/crypto'
import type { IncomingMessage } from 'node:http'

/**
 * Who may use the browser mode. Any web page the user visits can send requests to 127.0.0.1, so
 * the server admits only a browser that was given this run's secret (in the URL printed at start,
 * exchanged at once for a cookie), asks with the right Host (no DNS rebinding), and, whenever the
 * browser names an Origin (every WebSocket and script request), names this server.
 */
export class Admission {
  readonly secret = randomBytes(32).toString('base64url')
  readonly #hosts: Set<string>
  readonly #origins: Set<string>

  constructor(readonly port: number) {
    this.#hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
    this.#origins = new Set([...this.#hosts].map((host) => `http://${host}`))
  }

  /** The cookie that carries the secret; named by port, as cookies are shared across ports. */
  get cookieName(): string {
    return `homeward-${this.port}`
  }

  /** The URL to open: it carries the secret once. */
  get entryUrl(): string {
    return `http://127.0.0.1:${this.port}/?key=${this.secret}`
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`
  }

  setCookieHeader(): string {
    return `${this.cookieName}=${this.secret}; HttpOnly; SameSite=Strict; Path=/`
  }

  /** A request from the right place: Host is this server, and Origin, if sent, is too. */
  isFromHere(request: IncomingMessage): boolean {
    const host = request.headers.host
    const origin = request.headers.origin
    return host !== undefined && this.#hosts.has(host) && (origin === undefined || this.#origins.has(origin))
  }

  /** The browser holds this run's cookie. */
  hasCookie(request: IncomingMessage): boolean {
    return this.#matches(cookieValue(request.headers.cookie, this.cookieName))
  }

  /** The URL's `key` is this run's secret. */
  hasKey(url: URL): boolean {
    return this.#matches(url.searchParams.get('key') ?? undefined)
  }

  /** WebSockets must name their Origin: a browser always does, and it must be this server. */
  admitsWebSocket(request: IncomingMessage): boolean {
    return request.headers.origin !== undefined && this.isFromHere(request) && this.hasCookie(request)
  }

  #matches(candidate: string | undefined): boolean {
    return candidate !== undefined && sameSecret(candidate, this.secret)
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}

import { request } from 'node:http'
import WebSocket from 'ws'

/** What a raw HTTP client got back. */
export interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A plain GET, as any program on the laptop could make it. */
export function get(url: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const call = request(url, { headers }, (response) => {
      let body = ''
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => done({ status: response.statusCode ?? 0, headers: response.headers, body }))
    })
    call.on('error', fail)
    call.end()
  })
}

/** The browser mode's cookie, as its entry address (with the secret) hands it to the page. */
export async function admit(entryUrl: string): Promise<string> {
  return String((await get(entryUrl)).headers['set-cookie']).split(';')[0]!
}

/** Opens a WebSocket; resolves with the socket once open, or the HTTP status it was refused with. */
export function connect(url: string, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(url, { headers })
    socket.once('open', () => done(socket))
    socket.once('unexpected-response', (_request, response) => done(response.statusCode ?? 0))
    socket.once('error', fail)
  })
}

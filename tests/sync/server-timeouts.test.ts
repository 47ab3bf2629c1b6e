import { connect, type Socket } from 'node:net'
import WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { startSyncServer, type SyncServer } from '../../src/server/sync-server'
import { encodeMessage } from '../../src/node/sync-codec'
import { CLOSE_CODES, SYNC_PATH, SYNC_PROTOCOL } from '../../src/shared/sync/protocol'
import { createTeamOver, newDocumentId, rawClient } from '../support/raw-sync'
import { eventually } from '../support/sync-team'
import { tempDir } from '../support/temp-dir'

/** Short timeouts, so that the test takes seconds; the defaults are 10 s, 30 s and 10 s. */
const TIMEOUTS = { helloTimeoutMs: 300, pingIntervalMs: 300, requestTimeoutMs: 500 }

describe('the sync server drops sockets that do nothing', () => {
  const dir = tempDir('server-timeouts')
  let server: SyncServer | undefined
  const sockets: Socket[] = []
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy()
    await server?.close()
    dir.remove()
  })

  const start = async () => {
    server = await startSyncServer({ dataDir: dir.path, port: 0, ...TIMEOUTS })
    return { server, credential: await createTeamOver(server.url, server.setupCode!, newDocumentId()) }
  }
  /** A raw TCP connection to the server, and whether the server has closed it. */
  const tcp = (url: string) => {
    const { hostname, port } = new URL(url)
    const socket = connect(Number(port), hostname)
    sockets.push(socket)
    let closed = false
    socket.on('error', () => undefined)
    socket.on('close', () => (closed = true))
    socket.resume()
    return { socket, closed: () => closed }
  }

  it('drops a TCP connection that sends nothing, and one that sends its request a header at a time', async () => {
    const { server } = await start()
    const silent = tcp(server.url)
    await eventually(() => silent.closed(), 5000, 'the silent socket to be dropped')

    const slow = tcp(server.url)
    slow.socket.write(`GET ${SYNC_PATH} HTTP/1.1\r\nHost: x\r\n`)
    // A header every 100 ms: never silent long enough for the idle timeout, never finished.
    const drip = setInterval(() => slow.socket.writable && slow.socket.write('X-Slow: y\r\n'), 100)
    try {
      await eventually(() => slow.closed(), 5000, 'the slow request to be dropped')
    } finally {
      clearInterval(drip)
    }
  })

  it('closes a WebSocket that authenticates and says no hello, with the reason', async () => {
    const { server, credential } = await start()
    const client = rawClient(server.url, credential)
    expect(await client.opened).toBe(true)
    expect(await client.closed).toEqual({ code: CLOSE_CODES.timeout, reason: 'No hello within 0.3 s.' })
  })

  it('keeps a laptop that answers pings, and drops one that stops answering', async () => {
    const { server, credential } = await start()
    const answering = rawClient(server.url, credential)
    // ws answers pings by itself unless told not to: this one is a laptop gone quiet.
    const mute = new WebSocket(`${server.url.replace(/^http/, 'ws')}${SYNC_PATH}`, { headers: { Authorization: `Bearer ${credential}` }, autoPong: false })
    const muteClosed = new Promise<number>((resolve) => mute.on('close', (code) => resolve(code)))
    mute.on('error', () => undefined)
    expect(await answering.opened).toBe(true)
    await new Promise((resolve) => mute.once('open', resolve))
    answering.hello()
    mute.send(encodeMessage({ type: 'hello', protocol: SYNC_PROTOCOL, since: 0 }))
    // Terminated without a closing handshake: 1006 on this side.
    expect(await muteClosed).toBe(1006)
    // Ten ping intervals on, the one that answers is still there.
    await new Promise((resolve) => setTimeout(resolve, 10 * TIMEOUTS.pingIntervalMs))
    expect(answering.ws.readyState).toBe(WebSocket.OPEN)
    answering.ws.close()
  })
})

import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { encode } from 'cbor-x'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtEntry } from '../support/built'
import { admit, get } from '../support/http-client'
import { tempDir } from '../support/temp-dir'

/**
 * A page the browser mode admitted can still send anything down its sockets (a bug, an extension,
 * a tampered page). Tried here against the real process: each bad frame closes that socket only,
 * and the process goes on serving its page, its API and its repo connection.
 */

describe('the browser mode, sent malformed and oversized frames by an admitted page', () => {
  const dir = tempDir('browser-mode-frames')
  let child: ChildProcess
  let origin: string
  let cookie: string
  let output = ''

  /** An admitted socket: this run's cookie, and the page's own Origin. */
  const open = async (path: '/sync' | '/api'): Promise<WebSocket> => {
    const socket = new WebSocket(`${origin.replace('http:', 'ws:')}${path}`, { headers: { Cookie: cookie, Origin: origin } })
    await once(socket, 'open')
    return socket
  }

  /** Sends a frame and resolves with the close code, once the server has closed the socket. */
  const closedBy = async (path: '/sync' | '/api', frame: string | Uint8Array, before: (string | Uint8Array)[] = []): Promise<number> => {
    const socket = await open(path)
    socket.on('error', () => undefined) // an oversized send is cut off mid-frame
    const closed = once(socket, 'close') as Promise<[number]>
    for (const earlier of before) socket.send(earlier)
    socket.send(frame)
    const [code] = await closed
    return code
  }

  /** A call of the window's API, answered. */
  const call = async (method: string, params: unknown): Promise<unknown> => {
    const socket = await open('/api')
    const answer = new Promise<unknown>((resolve) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id?: number }
        if (message.id === 7) resolve(message)
      })
    })
    socket.send(JSON.stringify({ id: 7, method, params }))
    const result = await answer
    socket.close()
    return result
  }

  beforeAll(async () => {
    child = spawn(process.execPath, [builtEntry('browser-mode'), '--data', dir.path, '--no-open'], {
      env: { ...process.env, CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout!.on('data', (chunk) => (output += chunk))
    child.stderr!.on('data', (chunk) => (output += chunk))
    const url = await new Promise<string>((resolve, reject) => {
      const look = () => {
        const found = /Open: (\S+)/.exec(output)
        if (found) resolve(found[1]!)
      }
      child.stdout!.on('data', look)
      child.once('exit', () => reject(new Error(`the browser mode stopped: ${output}`)))
    })
    origin = new URL(url).origin
    cookie = await admit(url)
  })

  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      await once(child, 'exit')
    }
    dir.remove()
  })

  it('closes only the repo socket that sent a frame automerge-repo cannot take', async () => {
    const join = encode({ type: 'join', senderId: 'window-attacker', peerMetadata: {}, supportedProtocolVersions: ['1'] })
    const frames: [string, string | Uint8Array, (string | Uint8Array)[]][] = [
      ['CBOR null', encode(null), []],
      ['a CBOR number', encode(42), []],
      ['a CBOR array', encode([1, 2, 3]), []],
      ['bytes that are not CBOR', new Uint8Array([0xff, 0xfe, 0x00, 0x1c]), []],
      ['a text frame', 'hello', []],
      ['a message with no sender', encode({ type: 'sync', documentId: 'x' }), []],
      // The core shares every document with another core: a page must not pass itself off as one.
      ['a peer that is not a window', encode({ type: 'join', senderId: 'core-impostor', peerMetadata: {}, supportedProtocolVersions: ['1'] }), []],
      ['a sync message whose data is text', encode({ type: 'sync', senderId: 'window-attacker', targetId: 'x', documentId: '4NMNnkhXn3ue6fACcYVvUBpa2y8k', data: 'text' }), [join]],
      ['a sync message for no document', encode({ type: 'sync', senderId: 'window-attacker', targetId: 'x', documentId: '../../etc', data: new Uint8Array([1, 2]) }), [join]],
      ['a request with garbage for Automerge', encode({ type: 'request', senderId: 'window-attacker', targetId: 'x', documentId: '4NMNnkhXn3ue6fACcYVvUBpa2y8k', data: new Uint8Array([0x85, 0x6f, 0x4a, 0x83, 1, 2, 3]) }), [join]],
    ]
    for (const [what, frame, before] of frames) {
      expect(await closedBy('/sync', frame, before), what).not.toBe(1006)
      expect(child.exitCode, `${what}: the process stopped\n${output}`).toBeNull()
    }
  })

  it('closes an API socket sent a frame over the size limit, or one that is not text', async () => {
    expect(await closedBy('/api', new Uint8Array([1, 2, 3]))).toBe(1003)
    // Closed as too big (1009), or cut off while the client was still sending (1006): closed either way.
    expect([1006, 1009]).toContain(await closedBy('/api', 'x'.repeat(33 * 1024 * 1024)))
    expect([1006, 1009]).toContain(await closedBy('/sync', new Uint8Array(65 * 1024 * 1024)))
    expect(child.exitCode, output).toBeNull()
  })

  it('answers a request that is not JSON, or not a request, with an error and keeps the socket', async () => {
    const socket = await open('/api')
    const answers: unknown[] = []
    socket.on('message', (data) => answers.push(JSON.parse(String(data))))
    socket.send('{not json')
    socket.send(JSON.stringify([1, 2]))
    socket.send(JSON.stringify({ id: 3, method: 'getSession', params: 'not an object' }))
    await expect.poll(() => answers.filter((answer) => (answer as { ok?: boolean }).ok === false).length).toBe(3)
    expect(socket.readyState).toBe(WebSocket.OPEN)
    socket.close()
  })

  it('goes on serving its page, its API and its repo connection', async () => {
    expect((await get(`${origin}/`, { Cookie: cookie })).status).toBe(200)
    expect(await call('getSession', {})).toMatchObject({ id: 7, ok: true, result: { profile: null } })
    const socket = await open('/sync')
    const peer = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve((data as Buffer).length)))
    socket.send(encode({ type: 'join', senderId: 'window-after', peerMetadata: {}, supportedProtocolVersions: ['1'] }))
    expect(await peer).toBeGreaterThan(0)
    socket.close()
    expect(child.exitCode).toBeNull()
  })
})

import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeServer } from '../../src/main/browser-mode/server'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { AMINA, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'
import { builtEntry, ROOT } from '../support/built'
import { admit, connect, get } from '../support/http-client'

describe('the browser mode admits only its own page', () => {
  const dir = tempDir('browser-mode')
  let workspace: Workspace
  let server: BrowserModeServer
  let origin: string
  let secret: string
  let cookie: string

  beforeAll(async () => {
    builtEntry('browser-mode') // the renderer must be built
    workspace = await openWorkspace({ dataDir: dir.path, user: AMINA })
    await workspace.cases.create(referral())
    server = await startBrowserMode({ workspace, rendererDir: resolve(ROOT, 'out/renderer') })
    origin = server.origin
    secret = new URL(server.url).searchParams.get('key')!
    cookie = await admit(server.url)
  })
  afterAll(async () => {
    await server.close()
    await workspace.close()
    dir.remove()
  })

  it('listens on 127.0.0.1 only and prints an address carrying a long secret', () => {
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(secret.length).toBeGreaterThanOrEqual(40)
  })

  it('trades the secret for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const entry = await get(server.url)
    expect(entry.status).toBe(303)
    expect(entry.headers.location).toBe('/')
    expect(String(entry.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
  })

  it('serves the page, with a strict CSP, only to a browser holding the cookie', async () => {
    const page = await get(`${origin}/`, { Cookie: cookie })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<div id="root">')
    expect(page.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'")
    expect(page.headers['content-security-policy']).toContain("default-src 'none'")
  })

  it.each([
    ['no cookie', {}],
    ['a wrong cookie', { Cookie: 'homeward-1=nope' }],
  ])('refuses a request with %s, before any page is served', async (_label, headers) => {
    const reply = await get(`${origin}/`, headers as Record<string, string>)
    expect(reply.status).toBe(403)
    expect(reply.body).not.toContain('<div id="root">')
  })

  it('refuses a wrong secret in the address', async () => {
    expect((await get(`${origin}/?key=${'x'.repeat(secret.length)}`)).status).toBe(403)
    expect((await get(`${origin}/?key=`)).status).toBe(403)
  })

  it('refuses requests from another Origin, or for another Host (DNS rebinding), even with the cookie', async () => {
    expect((await get(`${origin}/`, { Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403)
    expect((await get(`${origin}/`, { Cookie: cookie, Origin: 'http://127.0.0.1:1' })).status).toBe(403)
    expect((await get(`${origin}/`, { Cookie: cookie, Host: 'evil.example' })).status).toBe(403)
    expect((await get(server.url, { Host: `rebound.example:${new URL(origin).port}` })).status).toBe(403)
  })

  it('lets the browser keep the built files named by their hash, never the page naming them', async () => {
    const page = await get(`${origin}/`, { Cookie: cookie })
    expect(page.headers['cache-control']).toBe('no-store')
    const script = /src="\.(\/assets\/index-[\w-]+\.js)"/.exec(page.body)?.[1]
    expect(script).toBeDefined()
    const asset = await get(`${origin}${script}`, { Cookie: cookie })
    expect(asset.status).toBe(200)
    expect(asset.headers['cache-control']).toBe('private, max-age=31536000, immutable')
    // Not for anything else, nor for a path that only starts like one of them.
    expect((await get(`${origin}/icon.svg`, { Cookie: cookie })).headers['cache-control']).toBe('no-store')
    expect((await get(`${origin}/assets/..%2findex.html`, { Cookie: cookie })).headers['cache-control']).toBe('no-store')
  })

  it('never serves files outside the built renderer', async () => {
    for (const path of ['/../homeward.sqlite', '/%2e%2e/%2e%2e/package.json', '/.vite/manifest.json', '/assets/none.js']) {
      expect((await get(`${origin}${path}`, { Cookie: cookie })).status, path).toBe(404)
    }
  })

  it.each(['/api', '/sync'])('refuses a WebSocket to %s without the cookie, from another Origin, or naming none', async (path) => {
    const url = `${origin.replace('http', 'ws')}${path}`
    expect(await connect(url, { Origin: origin })).toBe(403)
    expect(await connect(url, { Origin: 'http://evil.example', Cookie: cookie })).toBe(403)
    expect(await connect(url, { Cookie: cookie })).toBe(403)
  })

  it('answers the admitted page over the API WebSocket, and pushes index changes', async () => {
    const socket = await connect(`${origin.replace('http', 'ws')}/api`, { Origin: origin, Cookie: cookie })
    if (typeof socket === 'number') throw new Error(`refused with ${socket}`)
    const messages: unknown[] = []
    socket.on('message', (data) => messages.push(JSON.parse(String(data))))
    socket.send(JSON.stringify({ id: 1, method: 'listCases', params: {} }))
    await expect.poll(() => messages.length).toBe(1)
    expect(messages[0]).toMatchObject({ id: 1, ok: true, result: { cases: [{ clientName: 'Łukasz Wiśniewski' }], total: 1 } })

    socket.send('not json')
    socket.send(JSON.stringify({ id: 2, method: 'dropTables', params: {} }))
    await expect.poll(() => messages.length).toBe(3)
    expect(messages[1]).toMatchObject({ ok: false, error: { message: 'Malformed request' } })
    expect(messages[2]).toMatchObject({ id: 2, ok: false, error: { message: 'Unknown method dropTables' } })

    await workspace.cases.create(referral({ clientName: 'Ólafur Jóhannsson', chainNumber: '' }))
    await expect.poll(() => messages.some((m) => (m as { type?: string }).type === 'index-changed')).toBe(true)
    socket.close()
  })
})

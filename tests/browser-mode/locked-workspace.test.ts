import { resolve } from 'node:path'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBrowserMode, type BrowserModeServer } from '../../src/main/browser-mode/server'
import { workspaceGate } from '../../src/main/core/storage/workspace-gate'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { tempDir } from '../support/temp-dir'
import { builtEntry, ROOT } from '../support/built'
import { admit, connect } from '../support/http-client'

describe('the browser mode before the workspace passphrase is given', () => {
  const dir = tempDir('browser-mode-locked')
  let workspace: Workspace | undefined
  let server: BrowserModeServer
  let headers: Record<string, string>
  let ws: string

  beforeAll(async () => {
    builtEntry('browser-mode') // the renderer must be built
    const gate = workspaceGate({
      dataDir: dir.path,
      open: async (passphrase) => {
        workspace = await openWorkspace({ dataDir: dir.path, passphrase })
        server.setWorkspace(workspace)
      },
    })
    server = await startBrowserMode({ workspace: gate, rendererDir: resolve(ROOT, 'out/renderer') })
    headers = { Cookie: await admit(server.url), Origin: server.origin }
    ws = server.origin.replace('http:', 'ws:')
  })
  afterAll(async () => {
    await server.close()
    await workspace?.close()
    dir.remove()
  })

  it('answers only the passphrase page, has no repo connection, and serves the workspace once it is given', async () => {
    expect(await connect(`${ws}/sync`, headers)).toBe(403)
    const api = (await connect(`${ws}/api`, headers)) as WebSocket
    const replies: unknown[] = []
    api.on('message', (data) => replies.push(JSON.parse(String(data))))
    let id = 0
    const call = async (method: string, params: object = {}) => {
      const asked = ++id
      api.send(JSON.stringify({ id: asked, method, params }))
      // Opening the workspace derives its key (scrypt): slow on a busy machine.
      await expect.poll(() => replies.find((reply) => (reply as { id: number }).id === asked), { timeout: 15_000 }).toBeTruthy()
      return replies.find((reply) => (reply as { id: number }).id === asked)
    }

    expect(await call('getWorkspaceLock')).toMatchObject({ ok: true, result: { state: 'choose' } })
    expect(await call('getSession')).toMatchObject({ ok: false, error: { message: 'Enter the workspace passphrase first' } })
    // The key that seals unsaved forms is case data's key: never to a window before the passphrase.
    expect(await call('draftKey')).toMatchObject({ ok: false, error: { message: 'Enter the workspace passphrase first' } })
    expect(await call('unlockWorkspace', { passphrase: 'kettle on at the day centre' })).toMatchObject({ ok: true })

    // The same page's connection is now answered by the open workspace.
    expect(await call('getWorkspaceLock')).toMatchObject({ ok: true, result: { state: 'open' } })
    expect(await call('getSession')).toMatchObject({ ok: true })
    // Open, but no one signed in: still refused on the socket.
    expect(await call('draftKey')).toMatchObject({ ok: false, error: { message: 'Sign in first' } })
    const sync = await connect(`${ws}/sync`, headers)
    expect(sync).toBeInstanceOf(WebSocket)
    ;(sync as WebSocket).close()
    api.close()
  })
})

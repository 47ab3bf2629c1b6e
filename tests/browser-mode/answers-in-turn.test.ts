import { resolve } from 'node:path'
import type { Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { startBrowserMode, type BrowserModeServer } from '../../src/main/browser-mode/server'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { builtEntry, ROOT } from '../support/built'
import { admit, connect } from '../support/http-client'
import { DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

/**
 * A page opening the board sends its calls together (the board's start, then the navigation's
 * tasks count), and they may reach the core in one read. Each is answered before the next is
 * handled, so the board's start never waits for the calls behind it.
 */
describe('the browser mode answers calls that arrive together in turn', () => {
  const dir = tempDir('browser-mode-in-turn')
  let workspace: Workspace
  let server: BrowserModeServer
  let socket: WebSocket

  beforeAll(async () => {
    builtEntry('browser-mode') // the renderer must be built
    workspace = await openWorkspace({ dataDir: dir.path, user: DEREK })
    await workspace.cases.create(referral())
    server = await startBrowserMode({ workspace, rendererDir: resolve(ROOT, 'out/renderer') })
    const opened = await connect(`${server.origin.replace('http', 'ws')}/api`, { Origin: server.origin, Cookie: await admit(server.url) })
    if (typeof opened === 'number') throw new Error(`refused with ${opened}`)
    socket = opened
  })
  afterAll(async () => {
    socket.close()
    await server.close()
    await workspace.close()
    dir.remove()
  })

  it("sends the board's start before it handles the tasks count sent with it", async () => {
    // The answers the server had sent (this process's sockets, the client's requests aside) when the tasks count was handled.
    const answered: number[] = []
    const originalSend = WebSocket.prototype.send
    const send = vi.spyOn(WebSocket.prototype, 'send').mockImplementation(function (this: WebSocket, ...args: Parameters<WebSocket['send']>) {
      const message = JSON.parse(String(args[0])) as { id?: number; ok?: boolean }
      if (message.ok !== undefined && message.id !== undefined) answered.push(message.id)
      originalSend.apply(this, args)
    })
    const originalTasks = workspace.cases.tasks.bind(workspace.cases)
    let answeredBeforeTasks: number[] = []
    const tasks = vi.spyOn(workspace.cases, 'tasks').mockImplementationOnce((...args) => {
      answeredBeforeTasks = [...answered]
      return originalTasks(...args)
    })
    try {
      const answers = new Map<number, { ok: boolean }>()
      const both = new Promise<void>((done) =>
        socket.on('message', (data) => {
          const message = JSON.parse(String(data)) as { id?: number; ok: boolean }
          if (message.id !== undefined) answers.set(message.id, message)
          if (answers.size === 2) done()
        }),
      )
      // Both frames in one write, as they may come from the page.
      const raw = (socket as unknown as { _socket: Socket })._socket
      raw.cork()
      socket.send(JSON.stringify({ id: 1, method: 'getBoardStart', params: { filter: {}, sort: 'flags', descending: true } }))
      socket.send(JSON.stringify({ id: 2, method: 'myTasks', params: {} }))
      raw.uncork()
      await both
      expect(answers.get(1)).toMatchObject({ ok: true })
      expect(answers.get(2)).toMatchObject({ ok: true })
      expect(tasks).toHaveBeenCalledOnce()
      expect(answeredBeforeTasks).toEqual([1])
    } finally {
      send.mockRestore()
      tasks.mockRestore()
    }
  })
})


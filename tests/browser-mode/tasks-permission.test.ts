import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startBrowserMode } from '../../src/main/browser-mode/server'
import { openWorkspace } from '../../src/main/core/workspace'
import type { Person } from '../../src/shared/people'
import { builtEntry, ROOT } from '../support/built'
import { admit, connect } from '../support/http-client'
import { AMINA, DEREK } from '../support/people'
import { tempDir } from '../support/temp-dir'

/** The window's API as a page the browser mode admitted calls it, for a workspace whose person is `user`. */
async function browserModeAs(dataDir: string, user: Person) {
  const workspace = await openWorkspace({ dataDir, user })
  const server = await startBrowserMode({ workspace, rendererDir: resolve(ROOT, 'out/renderer') })
  const cookie = await admit(server.url)
  const socket = await connect(`${server.origin.replace('http', 'ws')}/api`, { Origin: server.origin, Cookie: cookie })
  if (typeof socket === 'number') throw new Error(`refused with ${socket}`)
  let next = 0
  return {
    call: (method: string, params: unknown) =>
      new Promise<unknown>((answered) => {
        const id = ++next
        const listen = (data: WebSocket.RawData) => {
          const message = JSON.parse(String(data)) as { id?: number }
          if (message.id !== id) return
          socket.off('message', listen)
          answered(message)
        }
        socket.on('message', listen)
        socket.send(JSON.stringify({ id, method, params }))
      }),
    close: async () => {
      socket.close()
      await server.close()
      await workspace.close()
    },
  }
}

describe("the browser mode: another person's tasks are a manager's to see", () => {
  const dir = tempDir('browser-mode-tasks')
  let served: Awaited<ReturnType<typeof browserModeAs>> | undefined

  beforeAll(async () => {
    builtEntry('browser-mode') // the renderer must be built
    const workspace = await openWorkspace({ dataDir: dir.path, user: DEREK })
    workspace.team.addMembers([DEREK, AMINA])
    await workspace.close()
  })
  afterAll(async () => {
    await served?.close()
    dir.remove()
  })

  it("refuses a caseworker's page asking for the manager's tasks, in one line, and answers her own", async () => {
    served = await browserModeAs(dir.path, AMINA)
    expect(await served.call('myTasks', { personId: DEREK.id })).toEqual({ id: 1, ok: false, error: { message: "Only a team manager can see another person's tasks" } })
    expect(await served.call('myTasks', {})).toMatchObject({ id: 2, ok: true, result: { person: { id: AMINA.id, name: AMINA.name } } })
    await served.close()
    served = undefined
  })

  it("answers the manager's page asking for the caseworker's", async () => {
    served = await browserModeAs(dir.path, DEREK)
    expect(await served.call('myTasks', { personId: AMINA.id })).toMatchObject({ id: 1, ok: true, result: { person: { id: AMINA.id, name: AMINA.name }, tasks: [] } })
    await served.close()
    served = undefined
  })
})

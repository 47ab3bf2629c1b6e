import { describe, expect, it } from 'vitest'
import { normaliseServerAddress } from './server-api'

describe('a sync server address as people type it', () => {
  it.each([
    ['sync.example.org', 'http://sync.example.org'],
    ['  https://sync.example.org/  ', 'https://sync.example.org'],
    ['HTTPS://Sync.Example.org', 'https://sync.example.org'],
    ['192.168.1.20:3030', 'http://192.168.1.20:3030'],
    ['http://127.0.0.1:3030', 'http://127.0.0.1:3030'],
    ['ws://127.0.0.1:3030', 'http://127.0.0.1:3030'],
    ['wss://sync.example.org', 'https://sync.example.org'],
    ['WSS://sync.example.org:8443/', 'https://sync.example.org:8443'],
  ])('takes %s as %s', (typed, origin) => {
    expect(normaliseServerAddress(typed)).toBe(origin)
  })

  it.each([
    ['ftp://sync.example.org', /is not a server address: it starts https:\/\//],
    ['https://sync.example.org/homeward', /leave out any path/],
    ['wss://sync.example.org/sync', /leave out any path/],
  ])('refuses %s in words', (typed, message) => {
    expect(() => normaliseServerAddress(typed)).toThrow(message)
  })
})

describe("the sync server's answers", () => {
  it('are checked against the contract: a program on that address answering something else is refused in words', async () => {
    const { createServer } = await import('node:http')
    const answers: Record<string, [number, string]> = {
      '/api/join': [200, JSON.stringify({ team: 'North', teamDocumentId: 'not a document id', deviceId: 'd1', credential: 'c' })],
      '/api/devices': [200, JSON.stringify([{ id: 'd1', name: 'Laptop', createdAt: '2026-11-29', lastSeen: null, revoked: 'no', manager: false }])],
      '/api/join-code': [403, JSON.stringify({ error: 'Only the team manager’s laptop can do that.' })],
    }
    const server = createServer((request, response) => {
      const [status, body] = answers[request.url ?? ''] ?? [404, '<html>not found</html>']
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    try {
      const { serverApi } = await import('./server-api')
      const notHomeward = /is that the team's Homeward server\?/
      await expect(serverApi.join(origin, { joinCode: 'ABCDE-FGHJK-MNPQR', deviceName: 'Laptop' })).rejects.toThrow(notHomeward)
      await expect(serverApi.devices(origin, 'credential')).rejects.toThrow(notHomeward)
      await expect(serverApi.newJoinCode(origin, 'credential', {})).rejects.toThrow('Only the team manager’s laptop can do that.')
      await expect(serverApi.revoke(origin, 'credential', 'd1')).rejects.toThrow(notHomeward)
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

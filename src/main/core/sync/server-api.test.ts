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

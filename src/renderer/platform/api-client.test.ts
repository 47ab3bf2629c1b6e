import { describe, expect, it } from 'vitest'
import type { ApiEvent, ApiRequest, ApiResponse } from '../../shared/api'
import { apiClient, type ApiTransport } from './api-client'

/** A transport that answers every request at once, by `answer`, counting what was sent; events are sent by `emit`. */
function transportAnswering(answer: (request: ApiRequest, n: number) => ApiResponse) {
  const sent: ApiRequest[] = []
  const listeners = new Set<(event: ApiEvent) => void>()
  const transport: ApiTransport = {
    send: async (request) => (sent.push(request), answer(request, sent.length)),
    onEvent: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    onConnection: () => () => undefined,
  }
  return { transport, sent, emit: (event: ApiEvent) => listeners.forEach((listener) => listener(event)) }
}

const numbered = (request: ApiRequest, n: number): ApiResponse => ({ id: request.id, ok: true, result: { n } })

describe('calls sent as the page starts (ApiClient.prime)', () => {
  it("gives its answer to the first call of the method with the same parameters, and only to that one", async () => {
    const { transport, sent } = transportAnswering(numbered)
    const api = apiClient(transport)
    api.prime('getSession', {})
    expect(sent.map((request) => request.method)).toEqual(['getSession'])
    expect(await api.call('getSession', {})).toEqual({ n: 1 })
    expect(await api.call('getSession', {})).toEqual({ n: 2 })
    expect(sent).toHaveLength(2)
  })

  it('asks again for other parameters, and drops the primed answer', async () => {
    const { transport, sent } = transportAnswering(numbered)
    const api = apiClient(transport)
    api.prime('getBoardStart', { filter: {}, sort: 'flags', descending: true })
    expect(await api.call('getBoardStart', { filter: { phase: 'engage' }, sort: 'flags', descending: true })).toEqual({ n: 2 })
    expect(await api.call('getBoardStart', { filter: {}, sort: 'flags', descending: true })).toEqual({ n: 3 })
    expect(sent).toHaveLength(3)
  })

  it('asks again when the primed call was refused (sent before sign-in)', async () => {
    const { transport } = transportAnswering((request, n) =>
      n === 1 ? { id: request.id, ok: false, error: { message: 'Sign in first' } } : { id: request.id, ok: true, result: { key: 'k' } },
    )
    const api = apiClient(transport)
    api.prime('draftKey', {})
    expect(await api.call('draftKey', {})).toEqual({ key: 'k' })
  })

  it('asks again after anything changed what the core would answer, but not after a sync status', async () => {
    const { transport, sent, emit } = transportAnswering(numbered)
    const api = apiClient(transport)
    api.prime('withheldCases', {})
    api.prime('getSession', {})
    emit({ type: 'sync-status', status: {} as never })
    expect(await api.call('withheldCases', {})).toEqual({ n: 1 })
    emit({ type: 'session-changed' })
    expect(await api.call('getSession', {})).toEqual({ n: 3 })
    expect(sent).toHaveLength(3)
  })

  it('lets an early call never taken fail quietly (the connection lost, say), and asks again when one is made', async () => {
    const { transport, sent } = transportAnswering(numbered)
    let fail = true
    const api = apiClient({ ...transport, send: (request) => (fail ? Promise.reject(new Error('The connection was lost')) : transport.send(request)) })
    const unhandled: unknown[] = []
    const listener = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', listener)
    try {
      api.prime('getSession', {})
      await new Promise((resolve) => setTimeout(resolve, 10))
      expect(unhandled).toEqual([])
      fail = false
      expect(await api.call('getSession', {})).toEqual({ n: 1 })
      expect(sent).toHaveLength(1)
    } finally {
      process.off('unhandledRejection', listener)
    }
  })

  it('asks again once the laptop is taken off its team (its workspace is replaced with no other event)', async () => {
    const { transport, sent, emit } = transportAnswering(numbered)
    const api = apiClient(transport)
    api.prime('getSession', {})
    emit({ type: 'sync-status', status: { takenOffTeam: '2026-11-30T14:02:00Z' } as never })
    expect(await api.call('getSession', {})).toEqual({ n: 2 })
    expect(sent).toHaveLength(2)
  })

  it('gives a primed answer already come to the first draw, at once, and only once; none not yet come, refused, or dropped', async () => {
    let refuse = false
    const { transport, sent, emit } = transportAnswering((request, n) => (refuse ? { id: request.id, ok: false, error: { message: 'Sign in first' } } : numbered(request, n)))
    const api = apiClient(transport)
    api.prime('getSession', {})
    // Not come yet: the transport answers in a later microtask.
    expect(api.answered('getSession', {})).toBeUndefined()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(api.answered('getBoardStart', { filter: {}, sort: 'client', descending: false })).toBeUndefined()
    expect(api.answered('getSession', {})).toEqual({ n: 1 })
    expect(api.answered('getSession', {})).toBeUndefined()
    expect(await api.call('getSession', {})).toEqual({ n: 2 })

    api.prime('getBoardStart', { filter: {}, sort: 'flags', descending: true })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(api.answered('getBoardStart', { filter: { phase: 'engage' }, sort: 'flags', descending: true })).toBeUndefined()
    emit({ type: 'index-changed' })
    expect(api.answered('getBoardStart', { filter: {}, sort: 'flags', descending: true })).toBeUndefined()

    refuse = true
    api.prime('draftKey', {})
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(api.answered('draftKey', {})).toBeUndefined()
    expect(sent.map((request) => request.method)).toEqual(['getSession', 'getSession', 'getBoardStart', 'draftKey'])
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiEvent } from '../../shared/api'
import type { ApiClient, ConnectionState } from '../platform/api-client'
import { windowStorage } from '../../../tests/support/window-storage'
import { listForms, writeDraft } from './draft-entries'
import { openDraftsAtStart, removeDraftsOfCase } from './drafts'
import { SealedDrafts } from './sealed-drafts'

const DRAFTS = 'homeward-draft:'
const PERSON = `${DRAFTS}amina:`
const NAME = 'Zbigniew Quennell-Abara'
const KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)))

/** The core as the start's drafts see it: the draft key answered when the test says, events and the connection sent by it. */
function core() {
  let answer: (value: { key: string }) => void = () => {}
  const events = new Set<(event: ApiEvent) => void>()
  const connection = new Set<(state: ConnectionState) => void>()
  const api = {
    call: (method: string) => (method === 'draftKey' ? new Promise((resolve) => (answer = resolve)) : Promise.reject(new Error(method))),
    onEvent: (listener: (event: ApiEvent) => void) => (events.add(listener), () => void events.delete(listener)),
    onConnection: (listener: (state: ConnectionState) => void) => (connection.add(listener), () => void connection.delete(listener)),
  } as unknown as ApiClient
  return {
    api,
    answerKey: () => answer({ key: KEY }),
    emit: (event: ApiEvent) => [...events].forEach((listener) => listener(event)),
    lose: () => [...connection].forEach((listener) => listener('lost')),
    listening: () => events.size + connection.size,
  }
}

describe('the drafts opened as the app starts (openDraftsAtStart)', () => {
  beforeEach(async () => {
    const local = windowStorage() as Storage
    Object.assign(globalThis, { window: new EventTarget(), localStorage: local })
    // A case's unsaved referral, sealed as a window leaves it.
    const drafts = await SealedDrafts.open(local, KEY, DRAFTS)
    writeDraft(drafts, PERSON, 'case-1:referral', 'tab-1', { label: 'Referral', value: { clientName: NAME }, whose: NAME }, {})
    await drafts.settled()
  })
  afterEach(() => {
    for (const name of ['window', 'localStorage']) Reflect.deleteProperty(globalThis, name)
  })

  it('opens them before the first draw, and stops watching the session once the signed-in app takes them', async () => {
    const { api, answerKey, emit, listening } = core()
    const { opening, ready } = openDraftsAtStart(api)
    answerKey()
    await ready
    expect(listForms(opening.result!, PERSON, 'case-1').map((form) => form.envelope.value)).toEqual([{ clientName: NAME }])
    opening.adopt()
    expect(listening()).toBe(0)
    emit({ type: 'session-changed' })
    expect(opening.closed).toBeUndefined()
  })

  it('closes them, the key gone, when the window is locked before the app takes them', async () => {
    const { api, answerKey, emit } = core()
    const { opening, ready } = openDraftsAtStart(api)
    emit({ type: 'session-changed' })
    await ready
    answerKey()
    await expect(opening.opened).rejects.toThrow()
    expect(opening.closed).toBe(true)
    expect(opening.result).toBeUndefined()
  })

  it('closes them when the connection to the core is lost, or the laptop taken off its team, before the app takes them', async () => {
    for (const happening of ['lost', 'taken off'] as const) {
      const { api, emit, lose } = core()
      const { opening, ready } = openDraftsAtStart(api)
      if (happening === 'lost') lose()
      else emit({ type: 'sync-status', status: { takenOffTeam: '2026-12-01T09:00:00Z' } as never })
      await ready
      expect(opening.closed, happening).toBe(true)
    }
  })

  it('deletes from them a draft deleted before the app takes them (a case erased meanwhile): it never comes back into view', async () => {
    const { api, answerKey } = core()
    const { opening, ready } = openDraftsAtStart(api)
    answerKey()
    await ready
    removeDraftsOfCase('case-1')
    expect(listForms(opening.result!, PERSON, 'case-1')).toEqual([])
    expect(listForms(localStorage, PERSON, 'case-1')).toEqual([])
    opening.close()
  })
})

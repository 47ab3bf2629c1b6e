import type { Page } from '@playwright/test'

/**
 * A second window whose sync connection to the core can be held: while held, what is typed in it
 * stays in the window, and neither window sees the other's change (two laptops saving before they
 * sync; a core rebuilding a document before the last words typed reach it). (The hold is in the page:
 * the browser mode admits only its own page's sockets, so a proxy cannot stand between.)
 */
export async function heldWindow(first: Page): Promise<Page> {
  const second = await first.context().newPage()
  await second.addInitScript(() => {
    const queue: (() => void)[] = []
    const state = { held: false }
    Object.assign(window, {
      holdSync: () => (state.held = true),
      releaseSync: () => {
        state.held = false
        for (const run of queue.splice(0)) run()
      },
    })
    const later = (socket: WebSocket, run: () => void) => (socket.url.includes('/sync') && state.held ? queue.push(run) : run())
    const send = WebSocket.prototype.send
    WebSocket.prototype.send = function (this: WebSocket, data) {
      later(this, () => send.call(this, data))
    }
    const listen = WebSocket.prototype.addEventListener
    WebSocket.prototype.addEventListener = function (this: WebSocket, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
      if (type !== 'message' || typeof listener !== 'function') return listen.call(this, type, listener, options)
      return listen.call(this, type, (event) => later(this, () => listener.call(this, event)), options)
    } as typeof WebSocket.prototype.addEventListener
  })
  return second
}

export const holdSync = (page: Page) => page.evaluate(() => (window as unknown as { holdSync: () => void }).holdSync())
export const releaseSync = (page: Page) => page.evaluate(() => (window as unknown as { releaseSync: () => void }).releaseSync())

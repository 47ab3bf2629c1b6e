import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import type { Repo } from '@automerge/automerge-repo'

/** The parts of Electron's MessagePortMain the window's repo connection uses. */
export interface MainProcessPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown
  on(event: 'close', listener: () => void): unknown
  start(): void
  close(): void
}

/**
 * Connects a window's repo to the core's over an Electron MessagePortMain, with the same stock
 * adapter the window uses on its side. MessagePortMain differs from a DOM MessagePort in two ways
 * this bridges: it is an event emitter, and it cannot transfer ArrayBuffers (they are copied).
 */
export function windowPortAdapter(port: MainProcessPort): MessageChannelNetworkAdapter {
  const domLike = {
    addEventListener(type: string, listener: (event: { data: unknown }) => void) {
      if (type === 'message') port.on('message', (event) => listener({ data: event.data }))
    },
    postMessage(message: unknown) {
      port.postMessage(message)
    },
    start() {
      port.start()
    },
    close() {
      port.close()
    },
  }
  return new MessageChannelNetworkAdapter(domLike as unknown as ConstructorParameters<typeof MessageChannelNetworkAdapter>[0])
}

/**
 * A window's repo connections, at most `max` open at once. A page opens one each time it loads and
 * the last one closes when it unloads, so a few at once is all a real window needs; a compromised
 * page asking for thousands is refused past the bound, and the repo and its other peers go on.
 */
export function windowRepoConnections(repo: Repo, max: number): { connect(port: MainProcessPort): boolean } {
  let open = 0
  return {
    connect(port) {
      if (open >= max) return false
      open++
      const adapter = windowPortAdapter(port)
      repo.networkSubsystem.addNetworkAdapter(adapter)
      port.on('close', () => {
        open--
        adapter.disconnect()
        repo.networkSubsystem.removeNetworkAdapter(adapter)
      })
      return true
    },
  }
}

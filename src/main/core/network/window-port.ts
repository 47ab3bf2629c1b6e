import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'

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

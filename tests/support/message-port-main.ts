import type { MessagePort as NodeMessagePort } from 'node:worker_threads'
import type { MainProcessPort } from '../../src/main/core/network/window-port'

/** Shapes a Node MessagePort like Electron's MessagePortMain: an emitter whose events carry `data`. */
export function likeMessagePortMain(port: NodeMessagePort): MainProcessPort {
  return {
    postMessage: (message) => port.postMessage(message),
    on: ((event: 'message' | 'close', listener: (event?: { data: unknown }) => void) =>
      event === 'message' ? port.on('message', (data) => listener({ data })) : port.on('close', () => listener())) as MainProcessPort['on'],
    start: () => port.start(),
    close: () => port.close(),
  }
}

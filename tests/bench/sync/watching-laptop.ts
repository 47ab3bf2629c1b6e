/**
 * A raw laptop in a process of its own (`under-load.ts` starts it): it catches up, says `ready`,
 * then prints the time (ms since the epoch, to the microsecond) each chunk of one document reaches
 * it. In its own process, so it times the server's sending, not the bench's other laptops' work.
 * Arguments: the server's address, a device credential, the document's id.
 */
import WebSocket from 'ws'
import { decodeServerMessage, encodeMessage } from '../../../src/node/sync-codec'
import { SYNC_PATH, SYNC_PROTOCOL } from '../../../src/shared/sync/protocol'

const [url, credential, documentId] = process.argv.slice(2) as [string, string, string]
const ws = new WebSocket(`${url.replace(/^http/, 'ws')}${SYNC_PATH}`, { headers: { Authorization: `Bearer ${credential}` }, maxPayload: 64 * 1024 * 1024 })
ws.on('open', () => ws.send(encodeMessage({ type: 'hello', protocol: SYNC_PROTOCOL, since: 0 })))
ws.on('message', (data: Buffer) => {
  const at = performance.timeOrigin + performance.now()
  const message = decodeServerMessage(new Uint8Array(data))
  if (message?.type === 'caught-up') console.log('ready')
  if (message?.type === 'chunks' && message.chunks.some((chunk) => chunk.documentId === documentId)) console.log(at.toFixed(3))
})
ws.on('close', () => process.exit(0))

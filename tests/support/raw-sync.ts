import { randomUUID } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { generateAutomergeUrl, parseAutomergeUrl } from '@automerge/automerge-repo'
import WebSocket from 'ws'
import { decodeServerMessage, encodeMessage } from '../../src/node/sync-codec'
import { SYNC_PATH, SYNC_PROTOCOL, type ClientMessage, type ServerMessage } from '../../src/shared/sync/protocol'
import { TEAM_API } from '../../src/shared/sync/team-api'
import { serverKeyArgs } from './passphrase'
import { builtEntry } from './built'
import { eventually } from './sync-team'

/** A fresh Automerge document id. */
export function newDocumentId(): string {
  return parseAutomergeUrl(generateAutomergeUrl()).documentId
}

/** The built sync server in its own process: its memory is its own to measure. */
export async function serverProcess(dataDir: string, extraArgs: string[] = []): Promise<{ child: ChildProcess; url: string; setupCode: string | null }> {
  const child = spawn(process.execPath, [builtEntry('server'), '--port', '0', '--data', dataDir, '--json', ...serverKeyArgs(), ...extraArgs], { stdio: ['ignore', 'pipe', 'inherit'] })
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)))
    createInterface({ input: child.stdout! }).once('line', resolve)
  })
  return { child, ...(JSON.parse(line) as { url: string; setupCode: string | null }) }
}

/** A process's resident memory and its peak, in bytes, from /proc (Linux). */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024
  return { rss: kb('VmRSS'), peak: kb('VmHWM') }
}

/** Creates the team over HTTP as the manager's laptop would; returns the manager's credential. */
export async function createTeamOver(url: string, setupCode: string, teamDocumentId: string): Promise<string> {
  return (await createTeamWithCode(url, setupCode, teamDocumentId)).credential
}

/** A device that joins the team over HTTP; returns its credential. */
export async function joinOver(url: string, joinCode: string, you = { id: randomUUID(), name: `Another caseworker ${randomUUID().slice(0, 6)}` }): Promise<string> {
  const response = await fetch(`${url}${TEAM_API.join.path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ joinCode, deviceName: 'Another laptop', you }),
  })
  if (!response.ok) throw new Error(`joining the team failed: ${response.status}`)
  return ((await response.json()) as { credential: string }).credential
}

/** Creates the team over HTTP; returns the manager's credential and the join code. */
export async function createTeamWithCode(url: string, setupCode: string, teamDocumentId: string): Promise<{ credential: string; joinCode: string }> {
  const response = await fetch(`${url}${TEAM_API.createTeam.path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ setupCode, name: 'Safe Connections North', deviceName: 'Manager laptop', teamDocumentId, you: { id: 'manager-1', name: 'Derek Mills' }, people: [] }),
  })
  if (!response.ok) throw new Error(`creating the team failed: ${response.status}`)
  const created = (await response.json()) as { credential: string; joinCode: { joinCode: string } }
  return { credential: created.credential, joinCode: created.joinCode.joinCode }
}

/** A bare WebSocket to the server, as any program could open one, with what it has received. */
export function rawClient(server: string, credential?: string) {
  const messages: ServerMessage[] = []
  const ws = new WebSocket(`${server.replace(/^http/, 'ws')}${SYNC_PATH}`, credential ? { headers: { Authorization: `Bearer ${credential}` } } : {})
  // A connection the server turns away before it opens: its status and its words.
  let status: number | undefined
  let body = ''
  ws.on('unexpected-response', (_request, response) => {
    status = response.statusCode
    response.setEncoding('utf8').on('data', (part: string) => (body += part))
    response.on('end', () => ws.terminate())
  })
  ws.on('error', () => undefined)
  ws.on('message', (data) => {
    const message = decodeServerMessage(new Uint8Array(data as Buffer))
    if (message) messages.push(message)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  const opened = new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true))
    ws.once('close', () => resolve(false))
  })
  const send = (message: ClientMessage) => ws.send(encodeMessage(message))
  const hello = () => send({ type: 'hello', protocol: SYNC_PROTOCOL, since: 0 })
  /** The documents of every chunk received, once each. */
  const documents = () => new Set(messages.flatMap((message) => (message.type === 'chunks' ? message.chunks.map((chunk) => chunk.documentId) : [])))
  const acked = (ref: number) => eventually(() => messages.some((message) => message.type === 'ack' && message.ref === ref), 20_000, `the ack of upload ${ref}`)
  /** Uploads, and resolves with the server's ack. */
  let ref = 1_000_000
  const upload = async (documentId: string, data: Uint8Array) => {
    ref += 1
    const mine = ref
    send({ type: 'upload', ref: mine, documentId, data })
    await acked(mine)
    return messages.find((message) => message.type === 'ack' && message.ref === mine) as Extract<ServerMessage, { type: 'ack' }>
  }
  return { ws, messages, closed, opened, send, hello, documents, acked, upload, refusal: () => ({ status, body }) }
}

/** A change as a compressed change chunk (type 2): its body deflated, its checksum that of the change uncompressed. */
export function compress(change: Uint8Array): Uint8Array {
  let at = 9
  let length = 0
  for (let shift = 0; ; shift += 7) {
    const byte = change[at++]!
    length += (byte & 0x7f) * 2 ** shift
    if ((byte & 0x80) === 0) break
  }
  const body = deflateRawSync(change.subarray(at, at + length))
  const size: number[] = []
  let rest = body.length
  do {
    size.push((rest & 0x7f) | (rest > 0x7f ? 0x80 : 0))
    rest >>>= 7
  } while (rest > 0)
  return new Uint8Array([...change.subarray(0, 8), 2, ...size, ...body])
}

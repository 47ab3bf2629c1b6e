/** What the sync bench's parts share: a case of realistic size, a byte-counting relay, a Homeward server process, timing. */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, connect, type Server } from 'node:net'
import { createInterface } from 'node:readline'
import * as Automerge from '@automerge/automerge'
import type { DocHandle } from '@automerge/automerge-repo'
import { newCaseDoc, type CaseDoc } from '../../../src/shared/case/case-doc'
import * as change from '../../../src/shared/case/changes'
import type { ChangeContext } from '../../../src/shared/case/changes'
import { builtEntry } from '../../support/built'
import { serverKeyArgs } from '../../support/passphrase'
import { DEREK, referral } from '../../support/people'

export const CONTEXT: ChangeContext = { author: { id: DEREK.id, name: DEREK.name }, role: 'caseworker', now: new Date('2026-11-23T10:00:00Z'), today: '2026-11-23' }

/** A case of realistic size: a referral, 40 contact notes and 10 actions. */
export const WORDS = 'met at the day centre talked through plan return Bradford sister lives council housing options appointment GP registration benefits claim bus ticket hostel bed tenancy reference landlord probation support worker phone call letter'.split(' ')

/** A note as varied as real ones are (so it compresses like them). */
export function noteText(seed: number): string {
  let state = seed + 1
  const next = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) % WORDS.length)
  return Array.from({ length: 30 }, () => WORDS[next()]).join(' ')
}

export function realisticCase(i: number): Automerge.Doc<CaseDoc> {
  let doc = Automerge.from(newCaseDoc(referral({ clientName: `Client ${i}`, chainNumber: String(100000 + i) }) as never, { id: randomUUID(), author: CONTEXT.author, now: CONTEXT.now, today: '2026-11-02' }))
  for (let n = 0; n < 40; n++) {
    doc = Automerge.change(doc, (d) =>
      change.addNote(d, { date: '2026-11-20', type: 'face-to-face', text: noteText(i * 100 + n) }, { ...CONTEXT, id: randomUUID() }),
    )
  }
  for (let a = 0; a < 10; a++) doc = Automerge.change(doc, (d) => change.addAction(d, randomUUID(), { description: `Ring Housing Options about the appointment (${a})`, due: '2026-12-01' }, CONTEXT.author, CONTEXT))
  return doc
}

/** Counts the bytes between the laptops and a server, both ways. */
export async function relay(target: string): Promise<{ url: string; bytes: () => number; reset: () => void; server: Server }> {
  const { hostname, port, protocol } = new URL(target)
  let bytes = 0
  const server = createServer((socket) => {
    const upstream = connect(Number(port), hostname)
    socket.on('data', (data) => (bytes += data.length))
    upstream.on('data', (data) => (bytes += data.length))
    socket.pipe(upstream).pipe(socket)
    socket.on('error', () => upstream.destroy())
    upstream.on('error', () => socket.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as { port: number }
  return { url: `${protocol}//127.0.0.1:${address.port}`, bytes: () => bytes, reset: () => (bytes = 0), server }
}

/** A process's peak resident memory (Linux), in MB. */
export function peakMemoryMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024
}

export async function homewardServer(dataDir: string): Promise<{ child: ChildProcess; url: string; setupCode: string }> {
  const child = spawn(process.execPath, [builtEntry('server'), '--port', '0', '--data', dataDir, '--json', ...serverKeyArgs()], { stdio: ['ignore', 'pipe', 'inherit'] })
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve))
  return { child, ...(JSON.parse(line) as { url: string; setupCode: string }) }
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await work()
  return { ms: performance.now() - started, value }
}

/** Waits for a handle to have `heads`: true once it has, false if `limitMs` passes first. */
export function arrival(handle: DocHandle<unknown>, heads: string[], limitMs = Infinity): Promise<boolean> {
  const started = performance.now()
  return new Promise((resolve) => {
    const check = () => {
      const arrived = heads.every((head) => Automerge.hasHeads(handle.doc() as Automerge.Doc<unknown>, [head] as never))
      if (!arrived && performance.now() - started < limitMs) return
      handle.off('change', check)
      clearInterval(timer)
      resolve(arrived)
    }
    handle.on('change', check)
    const timer = setInterval(check, 5)
    check()
  })
}


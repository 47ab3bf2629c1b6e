import { EventEmitter } from 'node:events'
import type WebSocket from 'ws'
import { CLOSE_CODES, REVOCATION_HEADERS, SYNC_PATH, SYNC_PROTOCOL, type ClientMessage, type ServerMessage } from '../../../shared/sync/protocol'
import type { SyncStatus } from '../../../shared/sync/status'
import { takenOffTeamNotice, UNPROVEN_REVOCATION } from '../../../shared/sync/taken-off-team'
import { revocationIn, revocationNonce } from '../../../node/revocation-proof'
import { ServerRefusedError } from '../errors'
import { decodeServerMessage, encodeMessage } from '../../../node/sync-codec'
import type { Person } from '../../../shared/people'
import type { TeamDoc } from '../../../shared/team/team-doc'
import { isManager, type TeamMembership } from './membership'

/** What the sync needs of the workspace. */
export interface SyncedWorkspace {
  readonly membership: TeamMembership
  /** The team document in use (its members, kept by the server, give this laptop's person their role). */
  teamDocHandle(): { documentId: string; doc(): TeamDoc }
  /** Takes up the team's document once it has arrived (a laptop that joined). */
  adoptTeamDocument(): Promise<boolean>
  /** Writes every change made so far to disk (so it is in the outbox). */
  flush(): Promise<void>
  /** Resolves once every document taken in so far is in the case index (on the board, found by search). */
  indexed(): Promise<void>
  /** The server proved this laptop was taken off the team at `at`: delete the team's data (see wipe-team-data.ts). */
  takeOffTeam(at: string): Promise<void>
  /** When the team's server took this laptop off the team, if it did. */
  takenOffTeamAt(): string | undefined
  /** The laptop's people, as the server holds them (sent on connecting and whenever a manager changes them). */
  followLaptopPeople(people: readonly Person[]): void
}

export interface SyncClientOptions {
  /** Reconnecting waits this long at first, doubling up to `maxRetryMs`. */
  firstRetryMs?: number
  maxRetryMs?: number
  now?: () => Date
}


/** How many uploads may wait for the server's acknowledgement at once. */
const UPLOAD_WINDOW = 32
const UPLOAD_WINDOW_BYTES = 8 * 1024 * 1024
/** The server answers within this, or the connection is taken for dead. */
const SILENCE_MS = 45_000

/**
 * ws, and Node's TLS and zlib under it, load when the laptop first connects: most commands open a
 * workspace without syncing, and importing them took 0.15 to 0.35 s of every command's start.
 */
let webSocketClass: typeof WebSocket | undefined
let loadingWebSocket: Promise<void> | undefined
function loadWebSocket(): Promise<void> {
  return (loadingWebSocket ??= import('ws').then((module) => {
    webSocketClass = module.default
  }))
}

/**
 * Keeps a laptop in step with its team's sync server: one authenticated WebSocket, catching up
 * from the last chunk it has, then taking in each chunk as it arrives and sending every local
 * change (from the outbox, in order, each removed once the server has it). Reconnects by itself,
 * waiting longer each time, until stopped or refused.
 */
export class SyncClient {
  readonly #events = new EventEmitter<{ status: [SyncStatus]; idle: []; closed: [string | undefined] }>()
  readonly #options: Required<SyncClientOptions>
  #socket: WebSocket | undefined
  #state: SyncStatus['state'] = 'not-in-team'
  #reason: string | undefined
  #running = false
  #retryMs: number
  #retryTimer: NodeJS.Timeout | undefined
  #silenceTimer: NodeJS.Timeout | undefined
  #caughtUp = false
  #catchUp: { received: Set<string>; total: number } | undefined
  /** Uploads sent on this connection and not yet acknowledged, by outbox id. */
  readonly #inFlight = new Map<number, number>()
  #lastSent = 0
  /**
   * Uploads the server refused for now on this connection (over this laptop's allowance for
   * documents the team does not list yet): kept in the outbox, sent again once another upload has
   * gone through (the change listing them, likely), and on the next connection.
   */
  readonly #deferred = new Set<number>()
  #acceptedSinceDeferral = false
  #stopOutbox: (() => void) | undefined
  #queue: Promise<void> = Promise.resolve()
  /** What the server last said it put back of this laptop's changes, shown until the app closes. */
  #notice: string | undefined
  /** When the server proved this laptop was taken off the team: nothing more is synced. */
  #takenOff: string | undefined
  /** Counts for syncOnce. */
  #sent = 0
  #received = 0

  constructor(
    private readonly workspace: SyncedWorkspace,
    options: SyncClientOptions = {},
  ) {
    this.#options = { firstRetryMs: 1000, maxRetryMs: 30_000, now: () => new Date(), ...options }
    this.#retryMs = this.#options.firstRetryMs
  }

  status(): SyncStatus {
    // Read before the membership: the workspace's files are being (or have been) emptied.
    const takenOff = this.#takenOff ?? this.workspace.takenOffTeamAt()
    if (takenOff) return { state: 'not-in-team', pending: 0, takenOffTeam: takenOff, reason: takenOffTeamNotice(takenOff) }
    const membership = this.workspace.membership.get()
    if (!membership) return { state: 'not-in-team', pending: 0 }
    return {
      state: this.#state === 'not-in-team' ? 'offline' : this.#state,
      team: membership.team,
      deviceName: membership.deviceName,
      server: membership.server,
      manager: isManager(membership, this.workspace.teamDocHandle()),
      ...(this.#reason ? { reason: this.#reason } : {}),
      ...(this.#notice ? { notice: this.#notice } : {}),
      ...(membership.lastSyncedAt ? { lastSyncedAt: membership.lastSyncedAt } : {}),
      pending: this.workspace.membership.outbox.size(),
      ...(this.#catchUp ? { catchUp: { received: this.#catchUp.received.size, total: this.#catchUp.total } } : {}),
    }
  }

  onStatus(listener: (status: SyncStatus) => void): () => void {
    this.#events.on('status', listener)
    return () => void this.#events.off('status', listener)
  }

  /** Keeps syncing while the laptop is in a team; call again after joining one. */
  start(): void {
    if (this.#running) return
    this.#running = true
    this.#stopOutbox = this.workspace.membership.outbox.onAdded(() => this.#sendMore())
    if (webSocketClass) return this.#connect()
    void loadWebSocket().then(() => {
      if (this.#running && !this.#socket) this.#connect()
    })
  }

  /** Stops syncing and closes the connection (what is not yet sent stays in the outbox). */
  async stop(): Promise<void> {
    this.#running = false
    clearTimeout(this.#retryTimer)
    this.#stopOutbox?.()
    this.#stopOutbox = undefined
    await this.#closeSocket(1000, 'Closing')
    this.#setState('not-in-team')
  }

  /** After leaving the team or being let back in: starts again from what the membership says. */
  async restart(): Promise<void> {
    await this.stop()
    this.#reason = undefined
    this.#retryMs = this.#options.firstRetryMs
    this.start()
  }

  /**
   * Connects, takes in everything new, sends everything waiting, and closes: the command line's
   * `homeward sync --once`. Resolves once what arrived is indexed too, so a case received is on the
   * board and found by search as soon as this says it is done. Throws ServerRefusedError (with the
   * reason) if the server says no or cannot be reached.
   */
  async syncOnce(): Promise<{ sent: number; received: number }> {
    const takenOff = this.workspace.takenOffTeamAt()
    if (takenOff) throw new ServerRefusedError(takenOffTeamNotice(takenOff))
    if (!this.workspace.membership.get()) throw new ServerRefusedError('This laptop is not in a team: join one first (homeward join).')
    await this.workspace.flush()
    this.#sent = 0
    this.#received = 0
    const done = new Promise<void>((resolve, reject) => {
      const onIdle = () => {
        cleanup()
        resolve()
      }
      const onClosed = (reason: string | undefined) => {
        cleanup()
        reject(new ServerRefusedError(reason ?? 'The connection to the sync server was lost.'))
      }
      const cleanup = () => {
        this.#events.off('idle', onIdle)
        this.#events.off('closed', onClosed)
      }
      this.#events.on('idle', onIdle)
      this.#events.on('closed', onClosed)
    })
    this.#running = false
    await loadWebSocket()
    this.#stopOutbox = this.workspace.membership.outbox.onAdded(() => this.#sendMore())
    this.#connect()
    try {
      await done
      // Taking in what arrived may have changed documents this process holds: those changes go too.
      await this.workspace.flush()
      if (this.workspace.membership.outbox.size() > this.#deferred.size) {
        this.#sendMore()
        await new Promise<void>((resolve, reject) => {
          this.#events.once('idle', resolve)
          this.#events.once('closed', (reason) => reject(new ServerRefusedError(reason ?? 'The connection to the sync server was lost.')))
        })
      }
      await this.workspace.indexed()
      return { sent: this.#sent, received: this.#received }
    } finally {
      this.#stopOutbox?.()
      this.#stopOutbox = undefined
      await this.#closeSocket(1000, 'Done')
    }
  }

  #connect(): void {
    const membership = this.workspace.membership.get()
    if (!membership) return this.#setState('not-in-team')
    this.#setState('connecting')
    this.#caughtUp = false
    this.#catchUp = undefined
    this.#inFlight.clear()
    this.#lastSent = 0
    this.#deferred.clear()
    // A fresh nonce each time: a revoked laptop is told so with a proof over it (revocation-proof.ts).
    const nonce = revocationNonce()
    const socket = new webSocketClass!(`${membership.server.replace(/^http/, 'ws')}${SYNC_PATH}`, {
      headers: { Authorization: `Bearer ${membership.credential}`, [REVOCATION_HEADERS.nonce]: nonce },
      maxPayload: 64 * 1024 * 1024,
      handshakeTimeout: 15_000,
    })
    this.#socket = socket
    let refusal: string | undefined
    let failure: string | undefined
    /** When the server proved this laptop was taken off the team. */
    let revokedAt: string | undefined
    socket.on('unexpected-response', (_request, response) => {
      const said = revocationIn(membership.credential, nonce, response.statusCode ?? 0, (name) => response.headers[name])
      if (said === 'unproven') refusal = UNPROVEN_REVOCATION
      else if (said) revokedAt = said.revokedAt
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (part: string) => (body = (body + part).slice(0, 500)))
      response.on('end', () => {
        if (refusal === undefined && revokedAt === undefined && (response.statusCode === 401 || response.statusCode === 403)) refusal = body.trim() || 'The server refused this laptop.'
        else failure = `The sync server at ${membership.server} answered ${response.statusCode}: is that the team's Homeward server?`
        socket.terminate()
      })
    })
    socket.on('open', () => {
      this.#send({
        type: 'hello',
        protocol: SYNC_PROTOCOL,
        since: membership.lastSeq,
        ...(membership.lastMark === undefined ? {} : { sinceMark: membership.lastMark }),
        ...(membership.seenSeq === undefined ? {} : { seen: membership.seenSeq }),
        ...(membership.seenMark === undefined ? {} : { seenMark: membership.seenMark }),
      })
      this.#heard()
      this.#sendMore()
    })
    socket.on('message', (data, isBinary) => {
      const message = isBinary ? decodeServerMessage(new Uint8Array(data as Buffer)) : undefined
      if (!message) return void this.#closeSocket(CLOSE_CODES.malformed, 'A message could not be read.')
      this.#heard()
      // One at a time, in order: taking up the team document waits for nothing else to arrive.
      this.#queue = this.#queue.then(() => this.#handle(message)).catch(() => this.#closeSocket(1011, 'A message could not be handled.'))
    })
    socket.on('error', () => undefined)
    socket.once('close', (code: number, reasonBytes: Buffer) => {
      if (this.#socket !== socket) return
      this.#socket = undefined
      clearTimeout(this.#silenceTimer)
      const reason = reasonBytes.toString('utf8')
      if (revokedAt !== undefined) return void this.#takeOffTeam(revokedAt)
      if (code === CLOSE_CODES.revoked && this.#running) {
        // Revoked while connected: the close carries no proof, so the laptop asks again, and the
        // server's answer to a revoked credential proves it (or, from a fake server, does not).
        this.#reason = reason
        this.#setState('refused')
        this.#retryTimer = setTimeout(() => this.#connect(), this.#retryMs)
        this.#retryMs = Math.min(this.#retryMs * 2, this.#options.maxRetryMs)
        return
      }
      if (refusal !== undefined || code === CLOSE_CODES.revoked || code === CLOSE_CODES.version) {
        this.#reason = refusal ?? reason
        this.#setState('refused')
        this.#events.emit('closed', this.#reason)
        return
      }
      this.#reason = undefined
      this.#setState('offline')
      this.#events.emit('closed', failure ?? (reason || `The sync server at ${membership.server} cannot be reached.`))
      if (this.#running) {
        this.#retryTimer = setTimeout(() => this.#connect(), this.#retryMs * (0.75 + Math.random() / 2))
        this.#retryMs = Math.min(this.#retryMs * 2, this.#options.maxRetryMs)
      }
    })
  }

  /**
   * The server proved this laptop was taken off the team: syncing stops for good, the workspace
   * deletes the team's data, and whoever waits on the sync (the window, the command line) is told.
   */
  async #takeOffTeam(at: string): Promise<void> {
    if (this.#takenOff) return
    this.#running = false
    this.#takenOff = at
    clearTimeout(this.#retryTimer)
    this.#stopOutbox?.()
    this.#stopOutbox = undefined
    try {
      await this.workspace.takeOffTeam(at)
    } finally {
      this.#state = 'not-in-team'
      this.#emitStatus()
      this.#events.emit('closed', takenOffTeamNotice(at))
    }
  }

  /** The server proved it over one of this laptop's HTTP calls (server-api.ts): as when the connection is refused with the proof. */
  takenOffTeamByServer(at: string): Promise<void> {
    return this.#takeOffTeam(at)
  }

  async #handle(message: ServerMessage): Promise<void> {
    const membership = this.workspace.membership
    switch (message.type) {
      case 'welcome':
        if (message.restored) {
          // The server lost what came after its backup: it is sent again from here.
          membership.update({ lastSeq: 0, lastMark: undefined, seenSeq: message.head, seenMark: message.headMark })
          await membership.sendEverythingAgain()
        }
        this.#catchUp = message.catchUp.documents > 0 ? { received: new Set(), total: message.catchUp.documents } : undefined
        this.#emitStatus()
        return
      case 'chunks': {
        membership.takeIn(message.chunks)
        this.#received += message.chunks.length
        if (!this.#caughtUp && this.#catchUp) for (const chunk of message.chunks) this.#catchUp.received.add(chunk.documentId)
        if (message.upTo !== undefined && message.upTo > (membership.get()?.lastSeq ?? 0)) membership.update({ lastSeq: message.upTo, lastMark: message.mark })
        if (this.#caughtUp) membership.update({ lastSyncedAt: this.#options.now().toISOString() })
        await this.#adoptIfWaiting()
        this.#emitStatus()
        return
      }
      case 'people':
        this.workspace.followLaptopPeople(message.people)
        return
      case 'caught-up':
        this.#caughtUp = true
        this.#catchUp = undefined
        this.#retryMs = this.#options.firstRetryMs
        if (message.seq > (membership.get()?.lastSeq ?? 0)) membership.update({ lastSeq: message.seq, lastMark: message.mark })
        membership.update({ lastSyncedAt: this.#options.now().toISOString() })
        await this.#adoptIfWaiting()
        this.#setState('connected')
        this.#checkIdle()
        return
      case 'ack': {
        if (!this.#inFlight.has(message.ref)) return
        this.#inFlight.delete(message.ref)
        if (message.refused !== undefined && message.later) {
          this.#deferred.add(message.ref)
          this.#acceptedSinceDeferral = false
          this.#sendMore()
          this.#retryDeferred()
          this.#emitStatus()
          this.#checkIdle()
          return
        }
        // Stored, or refused for good (a document retired or erased): this laptop keeps its own copy either way.
        if (message.refused === undefined) membership.outbox.remove(message.ref)
        else membership.outbox.refused(message.ref)
        if (message.undone) this.#notice = message.undone
        this.#acceptedSinceDeferral = true
        if (message.seq !== undefined && message.seq > (membership.get()?.seenSeq ?? 0)) membership.update({ seenSeq: message.seq, seenMark: message.mark })
        this.#sent += 1
        if (this.#caughtUp) membership.update({ lastSyncedAt: this.#options.now().toISOString() })
        this.#sendMore()
        this.#retryDeferred()
        this.#emitStatus()
        this.#checkIdle()
        return
      }
    }
  }

  async #adoptIfWaiting(): Promise<void> {
    if (this.workspace.membership.adoptionPending) await this.workspace.adoptTeamDocument()
  }

  /** Sends the next changes in the outbox, keeping a few in flight. */
  #sendMore(): void {
    const socket = this.#socket
    if (!socket || socket.readyState !== socket.OPEN) return
    let bytes = [...this.#inFlight.values()].reduce((sum, size) => sum + size, 0)
    while (this.#inFlight.size < UPLOAD_WINDOW && bytes < UPLOAD_WINDOW_BYTES) {
      const [next] = this.workspace.membership.outbox.after(this.#lastSent, 1)
      if (!next) break
      this.#lastSent = next.id
      this.#inFlight.set(next.id, next.data.length)
      bytes += next.data.length
      this.#send({ type: 'upload', ref: next.id, documentId: next.documentId, data: next.data, ...(next.by === undefined ? {} : { by: next.by }) })
    }
  }

  /**
   * Once everything else is sent and acknowledged, sends the deferred uploads again if anything
   * went through since they were refused; if nothing did, they wait for the next connection.
   */
  #retryDeferred(): void {
    if (this.#deferred.size === 0 || this.#inFlight.size > 0 || !this.#acceptedSinceDeferral) return
    if (this.workspace.membership.outbox.after(this.#lastSent, 1).length > 0) return
    this.#lastSent = Math.min(...this.#deferred) - 1
    this.#deferred.clear()
    this.#sendMore()
  }

  /** Idle: caught up, nothing in flight, and nothing to send but what the server deferred. */
  #checkIdle(): void {
    if (this.#caughtUp && this.#inFlight.size === 0 && this.workspace.membership.outbox.size() === this.#deferred.size) this.#events.emit('idle')
  }

  #send(message: ClientMessage): void {
    const socket = this.#socket
    if (socket && socket.readyState === socket.OPEN) socket.send(encodeMessage(message))
  }

  /** Anything heard from the server proves the connection alive; long silence while waiting does not. */
  #heard(): void {
    clearTimeout(this.#silenceTimer)
    const socket = this.#socket
    this.#silenceTimer = setTimeout(() => {
      if (socket && (!this.#caughtUp || this.#inFlight.size > 0)) socket.terminate()
      else if (socket) socket.ping()
    }, SILENCE_MS)
    this.#silenceTimer.unref()
  }

  async #closeSocket(code: number, reason: string): Promise<void> {
    const socket = this.#socket
    if (!socket) return
    this.#socket = undefined
    clearTimeout(this.#silenceTimer)
    if (socket.readyState === socket.CLOSED) return
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve())
      if (socket.readyState === socket.CONNECTING) socket.terminate()
      else socket.close(code, reason)
      setTimeout(() => {
        socket.terminate()
        resolve()
      }, 2000).unref()
    })
  }

  #setState(state: SyncStatus['state']): void {
    this.#state = state
    this.#emitStatus()
  }

  #emitStatus(): void {
    this.#events.emit('status', this.status())
  }
}

import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import * as Automerge from '@automerge/automerge'
import { WebSocketServer, type WebSocket } from 'ws'
import type { z } from 'zod'
import { JOIN_CODE_DAYS, PERSON_HEADER, TEAM_API } from '../shared/sync/team-api'
import { AUDIT_BATCH } from '../shared/audit/audit-entry'
import type { Person } from '../shared/people'
import { samePersonName } from '../shared/team/same-person-name'
import { CLOSE_CODES, REVOCATION_HEADERS, SYNC_PATH, SYNC_PROTOCOL, type ChunkMessage, type ClientMessage, type ServerMessage } from '../shared/sync/protocol'
import { sha256Hex } from '../node/crypto'
import { decodeClientMessage, encodeMessage } from '../node/sync-codec'
import { isWholeChunk } from '../node/chunk-changes'
import { NONCE_PATTERN, revocationProof } from '../node/revocation-proof'
import { devicePeople, devicePerson } from './device-people'
import { SERVER_DEVICE, ServerStore, type Device, type JoinCodeFor } from './store'
import { SERVER_AUTHOR } from '../shared/authorship'
import { TeamAuthority } from './team-authority'
import { mayReceive, newlyHeld, refreshRestrictedRecord, restrictCase } from './restricted-documents'
import { eraseCase } from './erased-cases'
import { correctCase } from './corrected-cases'
import { COMPACT_AT, Compactor } from './compaction'
import { nextTurn, SendSlices } from './send-slices'

export interface SyncServerOptions {
  dataDir: string
  port: number
  /** Where to listen: 127.0.0.1 unless told otherwise (behind a reverse proxy, that is right). */
  host?: string
  now?: () => Date
  /** The 32-byte key the store is encrypted with (`homeward serve` always gives one, from --key-file). */
  key?: Uint8Array
  /** An authenticated WebSocket that says no hello within this is closed (ms; 10 s). */
  helloTimeoutMs?: number
  /**
   * Each WebSocket is pinged this often; one that answered no ping and took none of what it was
   * sent since the last is dropped (ms; 30 s). Laptops answer pings by themselves.
   */
  pingIntervalMs?: number
  /**
   * An HTTP request (or the WebSocket upgrade) must arrive whole within this, and a socket that
   * sends nothing for this long is dropped (ms; 10 s).
   */
  requestTimeoutMs?: number
  /**
   * Bytes one device may have stored under documents the team document has never listed (a new
   * case is uploaded just before the change that lists it); beyond this an upload is refused
   * (50 MB). Such uploads still unlisted a day after they arrived are deleted.
   */
  unlistedQuotaBytes?: number
  /** How often unlisted uploads over a day old are looked for and deleted (ms; an hour). Also done on start. */
  sweepIntervalMs?: number
  /** A document is compacted once it has this many chunks (COMPACT_AT, src/server/compaction.ts); 0: never. */
  compactAt?: number
  /** Where the server's lines for its operator go (compaction's), never case data (stderr). */
  log?: (line: string) => void
}

export interface SyncServer {
  url: string
  /** On a server with no team yet: the one-time code to create it with. */
  setupCode: string | undefined
  /** Stops taking connections, closes those open, and writes everything to disk. */
  close(): Promise<void>
}

/** The largest message: a scanned document (20 MB) with room to spare. */
const MAX_MESSAGE = 32 * 1024 * 1024
const MAX_JSON_BODY = 64 * 1024
/** Chunks go to a laptop in batches of about this many bytes (or this many chunks). */
const BATCH_BYTES = 1024 * 1024
const BATCH_CHUNKS = 500
/**
 * Bytes sent to one laptop and not yet written out to the network: no further batch is read
 * from the store past this. A connection's sends hold at most this and one batch (BATCH_BYTES, or
 * one chunk if that is larger, up to MAX_MESSAGE) however slowly the laptop reads.
 */
const IN_FLIGHT_BYTES = 1024 * 1024
/** Documents a catch-up looks up (for chunks older than the laptop has) before other work runs. */
const SLICE_DOCUMENTS = 64
/** Live chunks one laptop may be behind on (8 bytes each) before it is told to reconnect and catch up. */
const MAX_QUEUED = 200_000
/** Bytes received from a laptop and not yet handled before the server stops reading from it. */
const MAX_UNHANDLED_BYTES = 8 * 1024 * 1024
/** How long an upload under a document the team has never listed is kept. */
const UNLISTED_KEPT_MS = 24 * 60 * 60 * 1000

/**
 * The team's sync server. HTTP for creating the team, joining it and managing devices; one
 * authenticated WebSocket per laptop for the sync itself (see src/shared/sync/protocol.ts). It
 * stores chunks and sends them on without loading documents, so its memory does not grow with
 * the caseload; it reads only the team document, to know which documents are the team's.
 */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const now = options.now ?? (() => new Date())
  const store = ServerStore.open(options.dataDir, now(), options.key)
  const setupCode = store.team() ? undefined : store.newCode('setup', now())
  let authority = teamAuthority(store, now)
  const connections = new Set<Connection>()
  // Compacting in the background, from start-up: see src/server/compaction.ts for when and why.
  const compactAt = options.compactAt ?? COMPACT_AT
  const compactor = compactAt > 0 ? new Compactor(store, { now, atLeast: compactAt, ...(options.log ? { log: options.log } : {}) }) : undefined
  compactor?.start()
  /** Sends chunks, by number, to every connected laptop but `except`. */
  const publish = (seqs: number[], except?: Connection) => {
    if (seqs.length === 0) return
    const upTo = Math.max(...seqs)
    for (const connection of connections) if (connection !== except) connection.push(seqs, upTo)
  }
  /** Stores a change the server made to the team document, and sends it to every laptop. */
  const publishServerChange = (change: Uint8Array | undefined) => {
    const team = store.team()
    if (!change || !team) return
    const seq = store.addChunk(team.teamDocumentId, change, { deviceId: SERVER_DEVICE, at: now() })
    if (seq !== undefined) publish([seq])
  }

  const policy: ConnectionPolicy = {
    helloMs: options.helloTimeoutMs ?? 10_000,
    pingMs: options.pingIntervalMs ?? 30_000,
    unlistedQuotaBytes: options.unlistedQuotaBytes ?? 50 * 1024 * 1024,
    now,
    stored: (documentId) => compactor?.stored(documentId),
  }
  // Uploads under documents the team never listed are kept a day (the change listing them may
  // follow), then deleted: a device cannot fill the server's disk with them.
  const sweep = () => {
    const team = store.team()
    if (team) store.dropUnlisted(new Date(now().getTime() - UNLISTED_KEPT_MS), team.teamDocumentId)
  }
  sweep()
  const sweeper = setInterval(sweep, options.sweepIntervalMs ?? 60 * 60 * 1000).unref()
  const requestTimeout = options.requestTimeoutMs ?? 10_000
  // Node drops a connection whose request (headers, or body) is not whole within requestTimeout
  // of its start, checked every connectionsCheckingInterval; a connection that sends nothing at
  // all counts from when it opened. Once a WebSocket is open, its hello timer and pings watch it.
  const http = createServer({ requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout) }, (request, response) => {
    void handleHttp(request, response).catch(() => reply(response, 500, { error: 'The server could not do that. Try again.' }))
  })
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE })

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://server')
    const route = `${request.method} ${url.pathname}`
    if (route === 'GET /health') {
      // Anyone may ask whether the server is up (a monitor does); only the team's devices learn more.
      const device = authenticated(request)
      return reply(response, 200, device ? { ok: true, team: store.team()?.name ?? null, connected: connections.size } : { ok: true })
    }
    if (route === routeOf(TEAM_API.createTeam)) return createTeam(request, response)
    if (route === routeOf(TEAM_API.join)) return join(request, response)
    const device = authenticated(request)
    if (!device) {
      for (const [name, value] of Object.entries(revokedHeaders(request))) response.setHeader(name, value)
      return reply(response, 401, { error: 'This laptop is not (or no longer) a device of the team.' })
    }
    store.seen(device.id, now())
    if (route === routeOf(TEAM_API.devices)) return answer(response, TEAM_API.devices, store.devices())
    if (route === routeOf(TEAM_API.team)) return answer(response, TEAM_API.team, { team: store.team()?.name ?? '', people: store.people(), you: device.person })
    if (route === routeOf(TEAM_API.sendAudit)) return sendAudit(request, device, response)
    if (route === routeOf(TEAM_API.addDevicePerson)) return addDevicePerson(request, device, response)
    // The calls a person's role decides are made as the person signed in on the laptop (attested:
    // one of the device's people), not always as the device's own person.
    const acting = actingFor(request, device)
    if (!acting) return reply(response, 403, { error: 'That person does not use this laptop.' })
    if (route === routeOf(TEAM_API.restrict)) {
      const body = await jsonBody(request, response, TEAM_API.restrict.body)
      if (!body) return
      const outcome = restrictCase(store, authority!, acting.person, body.caseId, body.to, now())
      // Restricting hides a case from the team, so the audit must say who did it (a caseworker
      // could make themselves its lead and restrict it to themselves): the server records it.
      if (outcome.audit) store.audit.recordByServer(outcome.audit, acting, now())
      publish(outcome.publish)
      return reply(response, outcome.status, outcome.body)
    }
    if (route === routeOf(TEAM_API.erase)) {
      const body = await jsonBody(request, response, TEAM_API.erase.body)
      if (!body) return
      const outcome = eraseCase(store, authority!, acting, body.caseId, body.reason, body.kind ?? 'erased', now())
      publish(outcome.publish)
      return reply(response, outcome.status, outcome.body)
    }
    if (route === routeOf(TEAM_API.correct)) {
      const body = await jsonBody(request, response, TEAM_API.correct.body)
      if (!body) return
      const outcome = correctCase(store, authority!, acting, body.caseId, body.field, body.value, now())
      publish(outcome.publish)
      return reply(response, outcome.status, outcome.body)
    }
    const revoke = REVOKE_ROUTE.exec(route)
    const remove = REMOVE_ROUTE.exec(route)
    const takeOff = REMOVE_PERSON_ROUTE.exec(route)
    const managerRoutes = [routeOf(TEAM_API.newJoinCode), routeOf(TEAM_API.readAudit)]
    if (!revoke && !remove && !takeOff && !managerRoutes.includes(route)) return reply(response, 404, { error: 'Not found' })
    // What follows is a manager's, decided by the role the server holds for the device's person.
    if (!acting.manager) return reply(response, 403, { error: 'Only a team manager can do that.' })
    if (route === routeOf(TEAM_API.readAudit)) {
      const after = Number(url.searchParams.get('after') ?? 0)
      if (!Number.isSafeInteger(after) || after < 0) return reply(response, 400, { error: 'after is not an entry number' })
      return answer(response, TEAM_API.readAudit, { entries: store.audit.after(after, AUDIT_BATCH) })
    }
    if (route === routeOf(TEAM_API.newJoinCode)) return newJoinCode(request, response)
    if (remove) return removeDocument(remove[1]!, device, response)
    if (takeOff) {
      const [, deviceId, personId] = takeOff as unknown as [string, string, string]
      const before = store.device(deviceId)
      if (!before || !store.removeDevicePerson(deviceId, decodeURIComponent(personId), now())) return reply(response, 404, { error: 'That person is not on that laptop (its own person is taken off by revoking it).' })
      // The laptop may now hold a restricted case it was never sent (the person taken off was the one not allowed it).
      const owed = newlyHeld(authority!, devicePeople(before), devicePeople(store.device(deviceId)!))
      store.owe(deviceId, owed)
      for (const connection of connections) if (connection.device.id === deviceId) connection.peopleChanged(owed)
      return answer(response, TEAM_API.removeDevicePerson, { removed: decodeURIComponent(personId) })
    }
    const revoked = revoke![1]!
    if (!store.device(revoked)) return reply(response, 404, { error: `No device ${revoked}` })
    store.revoke(revoked, now())
    // Codes the revoked laptop may have seen let no one in from now on.
    store.voidJoinCodes(now())
    for (const connection of connections) if (connection.device.id === revoked) connection.close(CLOSE_CODES.revoked, 'This laptop was removed from the team.')
    return answer(response, TEAM_API.revoke, { revoked })
  }

  /** A laptop's audit entries, kept with the device that sent them (see ServerAuditLog). */
  async function sendAudit(request: IncomingMessage, device: Device, response: ServerResponse): Promise<void> {
    const body = await jsonBody(request, response, TEAM_API.sendAudit.body)
    if (!body) return
    const kept = store.audit.add(body.entries, device, now(), (id) => store.person(id))
    if ('refused' in kept) return reply(response, 409, { error: kept.refused })
    return answer(response, TEAM_API.sendAudit, kept)
  }

  /**
   * Someone else who uses a team's laptop: a join code made for them (or for anyone, naming them
   * as `you`) is used up as for joining, and they become one of the device's people.
   */
  async function addDevicePerson(request: IncomingMessage, device: Device, response: ServerResponse): Promise<void> {
    const body = await jsonBody(request, response, TEAM_API.addDevicePerson.body)
    if (!body) return
    let refusal: string | undefined
    let added: { deviceId: string; person: Person } | undefined
    try {
      added = store.useJoinCode(body.joinCode, now(), (issued) => {
        const person = personJoining(issued, body.you)
        const already = typeof person === 'string' ? undefined : devicePerson(device, person.id)
        if (typeof person === 'string' || already) {
          refusal = typeof person === 'string' ? person : `${already!.name} already uses this laptop.`
          throw new JoinRefused()
        }
        if (!store.person(person.id)) store.addPerson(person, now())
        store.addDevicePerson(device.id, person.id, now())
        return { deviceId: device.id, person }
      })
    } catch (error) {
      if (!(error instanceof JoinRefused)) throw error
    }
    if (refusal) return reply(response, 409, { error: refusal })
    if (!added) return reply(response, 403, { error: 'That join code is not right, has been used, or has expired. Ask the team manager for a new one.' })
    publishServerChange(authority?.reconcileMembers())
    for (const connection of connections) if (connection.device.id === device.id) connection.peopleChanged([])
    return answer(response, TEAM_API.addDevicePerson, added.person)
  }

  async function newJoinCode(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await jsonBody(request, response, TEAM_API.newJoinCode.body)
    if (!body) return
    const existing = body.for === undefined ? undefined : store.personNamed(body.for)
    if (existing && body.role && body.role !== existing.role) {
      return reply(response, 409, { error: `${existing.name} is already in the team as a ${existing.role}: a join code does not change a role.` })
    }
    const forWhom: JoinCodeFor = existing ? { personId: existing.id, role: existing.role } : { name: body.for, role: body.role ?? 'caseworker' }
    const { code, expiresAt } = store.newJoinCode(forWhom, now(), JOIN_CODE_DAYS * DAY_MS)
    return answer(response, TEAM_API.newJoinCode, { joinCode: code, expiresAt, for: existing?.name ?? body.for ?? null, role: forWhom.role })
  }

  function removeDocument(documentId: string, manager: Device, response: ServerResponse): void {
    const team = store.team()!
    if (documentId === team.teamDocumentId) return reply(response, 400, { error: 'The team document cannot be taken out of the team.' })
    if (!authority!.serves(documentId)) return reply(response, 404, { error: `The team has no document ${documentId}` })
    store.markRemoved(documentId, manager.id, now())
    const change = authority!.remove(documentId)
    store.forget([documentId])
    publishServerChange(change)
    return answer(response, TEAM_API.removeDocument, { removed: documentId })
  }

  async function createTeam(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await jsonBody(request, response, TEAM_API.createTeam.body)
    if (!body) return
    if (store.team()) return reply(response, 409, { error: 'This server already has a team. Join it with its join code.' })
    if (!store.checkCode('setup', body.setupCode)) return reply(response, 403, { error: 'That setup code is not right. It is printed when the server starts.' })
    // One person, one member: the same name twice (however it is typed) is refused, never made two people.
    const named = [body.you, ...body.people.filter((person) => person.id !== body.you.id)]
    const twice = named.find((person, i) => named.findIndex((other) => samePersonName(other.name, person.name)) !== i)
    if (twice) return reply(response, 409, { error: `${twice.name} is named twice among the team's people. Each person can be in the team only once.` })
    store.createTeam({ id: randomUUID(), name: body.name, teamDocumentId: body.teamDocumentId, createdAt: now().toISOString() })
    store.useUpCode('setup')
    // The people the manager's workspace already names become the team's; whoever creates the team is its manager.
    const manager: Person = { ...body.you, role: 'manager' }
    const people = new Map<string, Person>(body.people.map((person) => [person.id, person]))
    people.set(manager.id, manager)
    for (const person of people.values()) store.addPerson(person, now())
    authority = teamAuthority(store, now)
    const { device, credential } = store.addDevice(body.deviceName, manager, now())
    const { code, expiresAt } = store.newJoinCode({ role: 'caseworker' }, now(), JOIN_CODE_DAYS * DAY_MS)
    return answer(response, TEAM_API.createTeam, {
      team: body.name,
      teamDocumentId: body.teamDocumentId,
      deviceId: device.id,
      credential,
      person: manager,
      joinCode: { joinCode: code, expiresAt, for: null, role: 'caseworker' },
    })
  }

  async function join(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await jsonBody(request, response, TEAM_API.join.body)
    if (!body) return
    const team = store.team()
    if (!team) return reply(response, 409, { error: 'This server has no team yet: the manager creates it first.' })
    let refusal: string | undefined
    let joined: { deviceId: string; credential: string; person: Person } | undefined
    try {
      joined = store.useJoinCode(body.joinCode, now(), (issued) => {
        const person = personJoining(issued, body.you)
        if (typeof person === 'string') {
          refusal = person
          // Rolls the transaction back: a refused join does not use the code up.
          throw new JoinRefused()
        }
        if (!store.person(person.id)) store.addPerson(person, now())
        const { device, credential } = store.addDevice(body.deviceName, person, now())
        return { deviceId: device.id, credential, person }
      })
    } catch (error) {
      if (!(error instanceof JoinRefused)) throw error
    }
    if (refusal) return reply(response, 409, { error: refusal })
    if (!joined) return reply(response, 403, { error: 'That join code is not right, has been used, or has expired. Ask the team manager for a new one.' })
    publishServerChange(authority?.reconcileMembers())
    return answer(response, TEAM_API.join, { team: team.name, teamDocumentId: team.teamDocumentId, ...joined })
  }

  /**
   * Whose laptop joins with a code: the person it was issued for (someone already in the team when
   * it was made); or, for a code issued for a new name, a new person of that name; or, for a code
   * for anyone, a new person named as the laptop's user says. Never someone already in the team
   * by a name: the manager issues a code for them. A refusal in words.
   */
  function personJoining(issued: JoinCodeFor, you: { id: string; name: string } | undefined): Person | string {
    if (issued.personId) return store.person(issued.personId) ?? 'The person this join code was for is no longer in the team.'
    const name = issued.name ?? you?.name
    if (!name) return 'Set up your name on this laptop first, then join.'
    // A code for someone new, by name: if a person of that name joined since it was issued (with a
    // code for anyone, naming themselves so), this is not handed their place.
    const existing = store.personNamed(name)
    if (existing && issued.name) return `${existing.name} joined the team after this code was made. Ask the team manager for a new one.`
    if (existing) return `${existing.name} is already in the team. Ask the team manager for a join code for you by name.`
    const mixed = mixedScripts(name)
    if (mixed) return mixed
    // The laptop's own id for its user, unless taken: what it made before joining stays theirs.
    const id = you && !store.person(you.id) && you.id !== SERVER_AUTHOR.id ? you.id : randomUUID()
    return { id, name, role: issued.role }
  }

  /**
   * The device as the person a request names (`PERSON_HEADER`: a shared laptop's person signed in),
   * with their role; the device as it is when none is named; undefined when the person named is not
   * one of its people (never the device's own person instead: they may be a manager).
   */
  function actingFor(request: IncomingMessage, device: Device): Device | undefined {
    const named = request.headers[PERSON_HEADER]
    // A device from before people were the server's has none to name.
    if (typeof named !== 'string' || named === device.person?.id || devicePeople(device).length === 0) return device
    const person = devicePerson(device, named)
    return person && { ...device, person, manager: person.role === 'manager' }
  }

  function authenticated(request: IncomingMessage): Device | undefined {
    const credential = bearer(request)
    return credential ? store.authenticate(credential) : undefined
  }

  /**
   * For a revoked device's genuine credential with a nonce: when it was revoked, and the proof
   * that this server issued the credential, so the laptop can trust it and delete the team's data.
   */
  function revokedHeaders(request: IncomingMessage): Record<string, string> {
    const credential = bearer(request)
    const nonce = request.headers[REVOCATION_HEADERS.nonce]
    const revoked = credential && typeof nonce === 'string' && NONCE_PATTERN.test(nonce) ? store.revokedCredential(credential) : undefined
    if (!revoked) return {}
    return {
      [REVOCATION_HEADERS.revokedAt]: revoked.revokedAt,
      [REVOCATION_HEADERS.proof]: revocationProof(revoked.secretHash, revoked.deviceId, nonce as string, revoked.revokedAt),
    }
  }

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://server').pathname
    const device = path === SYNC_PATH ? authenticated(request) : undefined
    const team = store.team()
    if (!device || !team || !authority) {
      const reason = path !== SYNC_PATH ? 'Not found' : !team ? 'This server has no team yet.' : 'This laptop is not (or no longer) a device of the team.'
      const revoked = path === SYNC_PATH && team ? revokedHeaders(request) : {}
      const headers = Object.entries(revoked).map(([name, value]) => `${name}: ${value}\r\n`).join('')
      socket.end(`HTTP/1.1 ${path === SYNC_PATH ? '401 Unauthorized' : '404 Not Found'}\r\nContent-Type: text/plain; charset=utf-8\r\n${headers}Connection: close\r\n\r\n${reason}`)
      return
    }
    store.seen(device.id, now())
    sockets.handleUpgrade(request, socket, head, (ws) => {
      const connection = new Connection(ws, device, team.name, store, authority!, publish, policy)
      connections.add(connection)
      ws.on('close', () => connections.delete(connection))
    })
  })

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = http.address() as AddressInfo
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    setupCode,
    close: async () => {
      clearInterval(sweeper)
      compactor?.stop()
      for (const connection of connections) connection.close(1001, 'The server is stopping.')
      sockets.close()
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
      store.close()
    },
  }
}

function teamAuthority(store: ServerStore, now: () => Date): TeamAuthority | undefined {
  const team = store.team()
  return team && new TeamAuthority(store, team.teamDocumentId, now)
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A name that mixes the Latin alphabet with Cyrillic or Greek letters ("Dеrek", with a Cyrillic е,
 * or "Derek Наӏӏ") reads as someone else's in every list: refused, in words. Names wholly in one
 * alphabet, any alphabet, are welcome.
 */
function mixedScripts(name: string): string | undefined {
  const mixed = /\p{Script=Latin}/u.test(name) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(name)
  return mixed ? 'That name mixes letters of different alphabets. Type it again in one alphabet.' : undefined
}

/** A join refused after its code was found: rolls back the code's use. */
class JoinRefused extends Error {}

/**
 * One laptop's WebSocket. Messages are handled one at a time, in order; chunks that arrive for
 * the team while this laptop is still catching up go before the rest of its catch-up (at its next
 * batch), and as numbers they wait only until then.
 *
 * Every byte bound for the laptop is counted in flight from `send` until ws has written it out to
 * the network; no batch is read from the store while more than IN_FLIGHT_BYTES are in flight. A
 * laptop that reads slowly (or not at all) therefore holds up only its own sends: chunks waiting
 * for it are kept as numbers and read from the store when it drains, so the server's memory does
 * not grow with what it is behind on.
 */
class Connection {
  #caughtUp = false
  #saidHello = false
  /** Live chunks not yet sent, as numbers; `upTo` on the last of each arrival (see `push`). */
  readonly #live: QueuedChunk[] = []
  /** The chunks sent live first during this catch-up, by number: their document, and a digest of the bytes sent. */
  readonly #sentLiveFirst = new Map<number, { documentId: string; digest: string }>()
  #pumping = false
  #queue: Promise<void> = Promise.resolve()
  /** Bytes handed to ws and not yet written out. */
  #inFlight = 0
  /** Bytes of received messages not yet handled: past MAX_UNHANDLED_BYTES the server stops reading. */
  #unhandled = 0
  readonly #waitingForRoom: (() => void)[] = []
  /** Reads from the store since other work last ran (send-slices.ts). */
  readonly #slices = new SendSlices()
  readonly #helloTimer: NodeJS.Timeout
  readonly #pingTimer: NodeJS.Timeout
  /** Heard from, or taking what it is sent, since the last ping. */
  #answered = true

  constructor(
    private readonly socket: WebSocket,
    readonly device: Device,
    private readonly teamName: string,
    private readonly store: ServerStore,
    private readonly authority: TeamAuthority,
    private readonly publish: (seqs: number[], except?: Connection) => void,
    private readonly policy: ConnectionPolicy,
  ) {
    // A laptop says hello as soon as it is connected; a socket that does not is of no use to anyone.
    this.#helloTimer = setTimeout(() => this.close(CLOSE_CODES.timeout, `No hello within ${policy.helloMs / 1000} s.`), policy.helloMs).unref()
    // A laptop gone without a word (asleep, off the network) leaves a socket open for ever unless
    // it is asked. One that is slow to read is not dead: bytes written out since the last ping are
    // an answer too, as its pong may wait behind megabytes of chunks.
    this.#pingTimer = setInterval(() => {
      if (!this.#answered) return socket.terminate()
      this.#answered = false
      socket.ping()
    }, policy.pingMs).unref()
    socket.on('pong', () => (this.#answered = true))
    socket.on('message', (data, isBinary) => {
      const size = (data as Buffer).length
      this.#answered = true
      const message = isBinary ? decodeClientMessage(new Uint8Array(data as Buffer)) : undefined
      if (!message) return this.close(CLOSE_CODES.malformed, 'A message could not be read.')
      // A laptop that sends faster than it is answered (an upload waits for room to send its ack)
      // is read no further until what it sent is handled: its messages do not pile up in memory.
      this.#unhandled += size
      if (this.#unhandled > MAX_UNHANDLED_BYTES) socket.pause()
      this.#queue = this.#queue
        .then(() => this.#handle(message))
        .catch(() => this.close(1011, 'The server could not handle a message.'))
        .finally(() => {
          this.#unhandled -= size
          if (this.#unhandled <= MAX_UNHANDLED_BYTES && socket.isPaused) socket.resume()
        })
    })
    socket.on('error', () => socket.terminate())
    socket.on('close', () => {
      clearTimeout(this.#helloTimer)
      clearInterval(this.#pingTimer)
      this.#wake()
    })
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code, reason)
  }

  /**
   * Chunks that just arrived from another laptop, or newly the team's, by number: when they are
   * sent, the laptop has everything (of the team's) up to `upTo`. Only the numbers wait here.
   */
  push(seqs: number[], upTo?: number): void {
    this.#enqueue(seqs.map((seq, index) => (index === seqs.length - 1 && upTo !== undefined ? { seq, upTo } : { seq })))
  }

  /**
   * This laptop's own upload, just stored: it waits its turn among the others' chunks though it is
   * not sent back. Compaction may fold it with others' chunks still waiting here, and the compacted
   * chunk takes its number: that chunk is sent (`#sendInBatches`), or the others' would never come.
   */
  #pushOwn(seq: number): void {
    this.#enqueue([{ seq, upTo: seq, own: true }])
  }

  #enqueue(items: QueuedChunk[]): void {
    if (items.length === 0 || !this.#open()) return
    if (this.#live.length + items.length > MAX_QUEUED) {
      // So far behind that even the numbers would pile up: it catches up from the store when it reconnects.
      this.#live.length = 0
      return this.close(1013, 'This laptop fell too far behind; it catches up when it connects again.')
    }
    this.#live.push(...items)
    void this.#pump()
  }

  /**
   * The device's people changed: the laptop is told who they are now, then sent whole the
   * documents it may newly hold (older chunks than it has: no `upTo`). Still owed until its next
   * catching up, which sends them again if this connection drops first (a chunk twice is harmless).
   */
  peopleChanged(owed: readonly string[]): void {
    this.#sendPeople()
    this.push(owed.flatMap((documentId) => this.store.seqsOf(documentId)))
  }

  #sendPeople(): void {
    this.#send({ type: 'people', people: devicePeople(this.store.device(this.device.id) ?? this.device) })
  }

  #open(): boolean {
    return this.socket.readyState === this.socket.OPEN
  }

  /** Sends the live chunks waiting, once caught up, as fast as the laptop takes them. */
  async #pump(): Promise<void> {
    if (this.#pumping || !this.#caughtUp) return
    this.#pumping = true
    try {
      while (this.#live.length > 0 && this.#open()) await this.#sendInBatches(this.#live.splice(0, BATCH_CHUNKS))
    } catch {
      this.close(1011, 'The server could not send what changed.')
    } finally {
      this.#pumping = false
    }
  }

  /**
   * Sends chunks by number in batches of about BATCH_BYTES, each chunk read from the store only
   * once there is room to send its batch: in flight at most IN_FLIGHT_BYTES and one batch. Other
   * work runs between slices of its reads (send-slices.ts). `catchingUp`: the laptop's catch-up,
   * before each batch of which the live chunks waiting go first (`#sendLiveFirst`).
   */
  async #sendInBatches(queued: QueuedChunk[], catchingUp = false, sent?: Map<number, { documentId: string; digest: string }>): Promise<void> {
    let batch: ChunkMessage[] = []
    let bytes = 0
    let upTo: number | undefined
    const flush = () => {
      if (batch.length > 0) this.#sendChunks(batch, upTo)
      batch = []
      bytes = 0
      upTo = undefined
    }
    // Read afresh for each delivery: a person added to the laptop (or taken off it) counts from now.
    const people = devicePeople(this.store.device(this.device.id) ?? this.device)
    for (const item of queued) {
      if (batch.length === 0) {
        await this.#room()
        if (catchingUp) await this.#sendLiveFirst()
      }
      if (!this.#open()) return
      // The laptop has its own upload: passed over unread, unless a compacted chunk took its number since (holding others' changes too).
      const chunk = item.own && !this.store.isCompacted(item.seq) ? undefined : this.store.chunkAt(item.seq)
      // A restricted case and its scanned documents go only to the laptops of the people it is restricted to.
      if (chunk && !chunk.heldBack && mayReceive(this.authority, chunk.documentId, people)) {
        batch.push(chunk)
        bytes += chunk.data.length
        sent?.set(chunk.seq, { documentId: chunk.documentId, digest: sha256Hex(chunk.data) })
      }
      if (item.upTo !== undefined) upTo = item.upTo
      if (bytes >= BATCH_BYTES || batch.length >= BATCH_CHUNKS) flush()
      await this.#slices.read(chunk?.data.length ?? 0)
    }
    flush()
  }

  /**
   * During a catch-up, the chunks that arrived live from other laptops are sent before the rest
   * of it: someone editing a case now reaches a laptop coming back after a weekend at once, not
   * after its thousands of older chunks. Sent without `upTo` (the laptop does not yet have
   * everything before them), so a connection lost first gets them again in its next catch-up.
   */
  async #sendLiveFirst(): Promise<void> {
    if (this.#live.length === 0) return
    await this.#sendInBatches(
      this.#live.splice(0).map(({ seq }) => ({ seq })),
      false,
      this.#sentLiveFirst,
    )
  }

  /**
   * The documents of chunks sent live first that are no longer kept as they were sent: compacted
   * since. The compacted chunk takes the newest number it folds; when that is one already sent
   * live first, it is never sent again, and the document's chunks the catch-up had still to send
   * (folded into it) would never reach the laptop.
   */
  #compactedSinceSentLiveFirst(): Set<string> {
    const documents = new Set<string>()
    for (const [seq, sent] of this.#sentLiveFirst) {
      const now = this.store.chunkAt(seq)
      if (!now || sha256Hex(now.data) !== sent.digest) documents.add(sent.documentId)
    }
    this.#sentLiveFirst.clear()
    return documents
  }

  /** Chunks, and the number the laptop has everything up to with them, with its mark. */
  #sendChunks(chunks: ChunkMessage[], upTo?: number): void {
    const mark = upTo === undefined ? undefined : this.store.markAt(upTo)
    this.#send({ type: 'chunks', chunks, ...(upTo === undefined ? {} : { upTo }), ...(mark === undefined ? {} : { mark }) })
  }

  async #handle(message: ClientMessage): Promise<void> {
    if (message.type === 'hello') {
      clearTimeout(this.#helloTimer)
      if (message.protocol !== SYNC_PROTOCOL) return this.close(CLOSE_CODES.version, 'This laptop’s Homeward and the server’s are different versions: update both to the same one.')
      this.#saidHello = true
      return this.#catchUp(message.since, this.#restored(message))
    }
    // Hello first: so a laptop's own upload is never among the live chunks sent during its catch-up (`#pushOwn`).
    if (!this.#saidHello) return this.close(CLOSE_CODES.malformed, 'A laptop says hello before it sends anything else.')
    await this.#receive(message)
  }

  /**
   * Whether the server was restored from a backup since this laptop last synced: it knows numbers
   * beyond the server's last, or numbers that now name other chunks (laptops that came back first
   * sent chunks that took the numbers after the backup).
   */
  #restored(hello: Extract<ClientMessage, { type: 'hello' }>): boolean {
    // A number whose chunk is gone was deleted here on purpose (a removed scan, an unlisted upload
    // dropped): numbers are never given twice, so that is no sign of a restore.
    const renamed = (seq: number | undefined, mark: string | undefined) => {
      const markNow = seq !== undefined && seq > 0 && mark !== undefined ? this.store.markAt(seq) : undefined
      return markNow !== undefined && markNow !== mark
    }
    return Math.max(hello.since, hello.seen ?? 0) > this.store.lastSeq() || renamed(hello.since, hello.sinceMark) || renamed(hello.seen, hello.seenMark)
  }

  /** Sends what came after `since`: first every chunk of documents newly the team's, then the rest in order. */
  async #catchUp(asked: number, restored: boolean): Promise<void> {
    const head = this.store.lastSeq()
    const headMark = this.store.markAt(head)
    const since = restored ? 0 : asked
    const teamDocumentId = this.authority.teamDocumentId
    const listedSince = this.store.listedAfter(since)
    this.#send({
      type: 'welcome',
      team: this.teamName,
      head,
      ...(headMark === undefined ? {} : { headMark }),
      catchUp: this.store.countAfter(since, head, teamDocumentId),
      ...(restored ? { restored } : {}),
    })
    // Who may sign in on the laptop, before anything it may hold because of them.
    this.#sendPeople()
    // The team document first, so the laptop knows the rest for what they are as they arrive
    // (live chunks wait until it has it).
    const bySeq = (seqs: number[]) => seqs.map((seq) => ({ seq }))
    await this.#sendInBatches(bySeq(this.store.seqsOf(teamDocumentId).filter((seq) => seq > since && seq <= head)))
    // What it may newly hold since its people changed: the older chunks here, the newer in order below.
    const owed = this.store.owedTo(this.device.id)
    // The older chunks of documents newly the team's, or owed. A laptop starting afresh (since 0)
    // has none older to be sent: every document is listed since, and looking each up (thousands)
    // would hold the server for seconds.
    if (since > 0) {
      for (const [looked, documentId] of [...listedSince, ...owed].entries()) {
        const older = this.store.seqsOf(documentId).filter((seq) => seq <= since)
        if (older.length > 0) await this.#sendInBatches(bySeq(older), true)
        if (looked % SLICE_DOCUMENTS === SLICE_DOCUMENTS - 1) await nextTurn()
      }
    }
    let after = since
    for (;;) {
      if (!this.#open()) return
      const seqs = this.store.listedSeqsAfter(after, head, BATCH_CHUNKS)
      if (seqs.length === 0) break
      // Everything of the team's up to each of these has been sent once it is.
      await this.#sendInBatches(seqs.map((seq) => ({ seq, upTo: seq })), true)
      after = seqs[seqs.length - 1]!
    }
    // A document compacted after its live chunk went first is sent again as it is now, before the
    // laptop is told it has everything (more may be compacted meanwhile: asked until none is).
    for (let compacted = this.#compactedSinceSentLiveFirst(); compacted.size > 0; compacted = this.#compactedSinceSentLiveFirst()) {
      for (const documentId of compacted) {
        const from = since > 0 && (listedSince.includes(documentId) || owed.includes(documentId)) ? 0 : since
        await this.#sendInBatches(bySeq(this.store.seqsOf(documentId).filter((seq) => seq > from)), true)
      }
    }
    // Owed no longer once written out after them (a connection lost before then is sent them again).
    this.#send({ type: 'caught-up', seq: head, ...(headMark === undefined ? {} : { mark: headMark }) }, () => this.store.paid(this.device.id, owed))
    this.#caughtUp = true
    // What arrived meanwhile (some may have just been sent: a chunk twice is harmless).
    void this.#pump()
  }

  /** Stores a chunk from this laptop and passes it on to the others (if it is the team's). */
  async #receive(message: Extract<ClientMessage, { type: 'upload' }>): Promise<void> {
    // Room for the ack first: a laptop that uploads and does not read is held up here, then not read.
    await this.#room()
    if (!this.#open()) return
    if (!isAutomergeData(message.data)) {
      this.#send({ type: 'ack', ref: message.ref, refused: 'not an Automerge document' })
      return
    }
    const { documentId, data } = message
    if (this.store.isRemoved(documentId)) {
      this.#send({ type: 'ack', ref: message.ref, refused: 'a manager took this document out of the team, or erased it' })
      return
    }
    if (!this.authority.serves(documentId) && !this.store.everListed(documentId)) {
      const quota = this.policy.unlistedQuotaBytes
      if (this.store.unlistedBytes(this.device.id, this.authority.teamDocumentId) + data.length > quota) {
        this.#send({ type: 'ack', ref: message.ref, refused: `over this laptop’s ${sizeInWords(quota)} allowance for documents the team does not list`, later: true })
        return
      }
    }
    // The person of a shared laptop who made it, if they are one of the device's people (read afresh:
    // one added since this laptop connected counts); anyone else named is not attested.
    const current = this.store.device(this.device.id) ?? this.device
    const personId = devicePerson(current, message.by)?.id
    // A change to a restricted case from a laptop it is not restricted to is kept, not passed on (ServerStore.addChunk).
    const heldBack = !mayReceive(this.authority, documentId, devicePeople(current))
    const seq = this.store.addChunk(documentId, data, { deviceId: this.device.id, at: this.policy.now(), ...(personId ? { personId } : {}), heldBack })
    const update = seq !== undefined && documentId === this.authority.teamDocumentId ? this.authority.update(data, seq, devicePeople(current).map((person) => person.id)) : undefined
    const undone = update?.undone.length ? { undone: `The server put back part of a change from this laptop: ${update.undone.join('; ')}.` } : {}
    this.#send({ type: 'ack', ref: message.ref, ...(seq === undefined ? {} : { seq, mark: this.store.markAt(seq)! }), ...undone })
    if (seq === undefined) return
    this.policy.stored(documentId)
    const outgoing: number[] = []
    // Documents the team document now lists go to every laptop, all their chunks so far.
    for (const listed of update?.listed ?? []) outgoing.push(...this.store.seqsOf(listed))
    const passedOn = this.authority.serves(documentId) && !heldBack
    if (passedOn) outgoing.push(seq)
    // The server's correction goes in the same delivery, so no laptop shows the change without
    // it, and to the sender too: it comes back to the server's view.
    const corrected = update?.correction ? this.store.addChunk(documentId, update.correction, { deviceId: SERVER_DEVICE, at: this.policy.now() }) : undefined
    // A restricted case's figures, as every laptop's report counts them, follow its changes.
    const refreshed = heldBack ? undefined : refreshRestrictedRecord(this.store, this.authority, documentId)
    const figures = refreshed && this.store.addChunk(this.authority.teamDocumentId, refreshed, { deviceId: SERVER_DEVICE, at: this.policy.now() })
    if (figures !== undefined) outgoing.push(figures)
    this.publish(corrected === undefined ? outgoing : [...outgoing, corrected], this)
    if (passedOn) this.#pushOwn(seq)
    if (corrected !== undefined) this.push([corrected], corrected)
    if (figures !== undefined) this.push([figures], figures)
  }

  #send(message: ServerMessage, written?: () => void): void {
    if (!this.#open()) return
    const bytes = encodeMessage(message)
    this.#inFlight += bytes.length
    // ws calls back once the bytes are written out to the network (or the socket is gone).
    this.socket.send(bytes, (error) => {
      if (!error) this.#answered = true
      if (!error) written?.()
      this.#inFlight -= bytes.length
      this.#wake()
    })
  }

  /** Waits until fewer than IN_FLIGHT_BYTES are in flight (or the connection is gone). */
  async #room(): Promise<void> {
    while (this.#inFlight >= IN_FLIGHT_BYTES && this.#open()) await new Promise<void>((resolve) => this.#waitingForRoom.push(resolve))
  }

  #wake(): void {
    for (const resolve of this.#waitingForRoom.splice(0)) resolve()
  }
}

/** What every connection keeps to: its timeouts, and the allowance for unlisted uploads. */
interface ConnectionPolicy {
  helloMs: number
  pingMs: number
  unlistedQuotaBytes: number
  now: () => Date
  /** A chunk of this document was stored (compaction counts them). */
  stored: (documentId: string) => void
}

/** A live chunk waiting for its connection, by number. */
interface QueuedChunk {
  seq: number
  upTo?: number
  /** The laptop's own upload: sent back only if compacted since (`Connection.#pushOwn`). */
  own?: true
}

/** Whether bytes are Automerge changes or a saved document (a garbled upload must not reach the other laptops). */
function isAutomergeData(data: Uint8Array): boolean {
  // Whole chunks and nothing else: bytes after a good chunk would pass Automerge's load unread.
  if (!isWholeChunk(data)) return false
  try {
    // Loaded without working out patches, nothing needs them here; changes may depend on ones
    // sent before. Freed at once: Automerge's WebAssembly memory is not the garbage collector's
    // to watch, and a laptop uploading thousands of cases would otherwise swell the server.
    Automerge.free(Automerge.load(data, { allowMissingChanges: true }))
    return true
  } catch {
    return false
  }
}

/** A size as a person reads it: 50 MB, 300 KB. */
function sizeInWords(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.ceil(bytes / 1024)} KB`
}

/**
 * A request's JSON body, checked against its contract; or undefined once the caller has been
 * answered with why not, in one line (a raw client learns what to fix, and nothing of it is used).
 */
async function jsonBody<T>(request: IncomingMessage, response: ServerResponse, schema: z.ZodType<T>): Promise<T | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    // Read to the end, keeping none of it, so the client is sent the refusal rather than a reset
    // connection; a client that sends for ever is cut off by the request timeout.
    if (size <= MAX_JSON_BODY) chunks.push(chunk as Buffer)
  }
  if (size > MAX_JSON_BODY) return refuse(response, 413, `Malformed request: the body is too large (over ${sizeInWords(MAX_JSON_BODY)}).`)
  let json: unknown
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return refuse(response, 400, 'Malformed request: the body is not JSON.')
  }
  const parsed = schema.safeParse(json)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
  return refuse(response, 400, `Malformed request: ${where}${issue?.message ?? 'not what this call takes'}.`)
}

function refuse(response: ServerResponse, status: number, error: string): undefined {
  reply(response, status, { error })
  return undefined
}

/** The revoke route, its `:id` a device id (letters, digits, - and _, as the store makes them). */
const REVOKE_ROUTE = new RegExp(`^${routeOf(TEAM_API.revoke).replace(':id', '([\\w-]+)')}$`)
/** The route taking a person off a device: a device id, then a person id (URI-encoded). */
const REMOVE_PERSON_ROUTE = new RegExp(`^${routeOf(TEAM_API.removeDevicePerson).replace(':id', '([\\w-]+)').replace(':person', '([^/]{1,300})')}$`)
/** The route taking a document out of the team, its `:id` a document id (base58). */
const REMOVE_ROUTE = new RegExp(`^${routeOf(TEAM_API.removeDocument).replace(':id', '([1-9A-HJ-NP-Za-km-z]{1,100})')}$`)

/** An endpoint's route, as `handleHttp` matches it. */
function routeOf(endpoint: { method: string; path: string }): string {
  return `${endpoint.method} ${endpoint.path}`
}

/** A successful answer, typed by the contract the laptops check it against. */
function answer<Answer extends z.ZodType>(response: ServerResponse, _endpoint: { answer: Answer }, body: z.input<Answer>): void {
  reply(response, 200, body)
}

/** The credential a request carries (`Authorization: Bearer …`), if any. */
function bearer(request: IncomingMessage): string | undefined {
  return /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  response.end(JSON.stringify(body))
}

import type { z } from 'zod'
import { revocationIn, revocationNonce } from '../../../node/revocation-proof'
import { REVOCATION_HEADERS } from '../../../shared/sync/protocol'
import { PERSON_HEADER, refusalSchema, TEAM_API } from '../../../shared/sync/team-api'
import { takenOffTeamNotice, UNPROVEN_REVOCATION } from '../../../shared/sync/taken-off-team'
import { ServerRefusedError } from '../errors'

/** The sync server's HTTP side: creating and joining the team, and the manager's device list. */
export const serverApi = {
  createTeam: (server: string, body: z.input<typeof TEAM_API.createTeam.body>) => call(server, TEAM_API.createTeam, { body }),
  join: (server: string, body: z.input<typeof TEAM_API.join.body>) => call(server, TEAM_API.join, { body }),
  devices: (server: string, credential: string) => call(server, TEAM_API.devices, { credential }),
  revoke: (server: string, credential: string, deviceId: string, as?: string) =>
    call(server, TEAM_API.revoke, { credential, as, path: TEAM_API.revoke.path.replace(':id', encodeURIComponent(deviceId)) }),
  newJoinCode: (server: string, credential: string, body: z.input<typeof TEAM_API.newJoinCode.body>, as?: string) =>
    call(server, TEAM_API.newJoinCode, { credential, body, as }),
  addDevicePerson: (server: string, credential: string, body: z.input<typeof TEAM_API.addDevicePerson.body>) => call(server, TEAM_API.addDevicePerson, { credential, body }),
  removeDevicePerson: (server: string, credential: string, deviceId: string, personId: string, as?: string) =>
    call(server, TEAM_API.removeDevicePerson, {
      credential,
      as,
      path: TEAM_API.removeDevicePerson.path.replace(':id', encodeURIComponent(deviceId)).replace(':person', encodeURIComponent(personId)),
    }),
  team: (server: string, credential: string) => call(server, TEAM_API.team, { credential }),
  restrict: (server: string, credential: string, body: z.input<typeof TEAM_API.restrict.body>, as?: string) => call(server, TEAM_API.restrict, { credential, body, as }),
  erase: (server: string, credential: string, body: z.input<typeof TEAM_API.erase.body>, as?: string) => call(server, TEAM_API.erase, { credential, body, as }),
  correct: (server: string, credential: string, body: z.input<typeof TEAM_API.correct.body>, as?: string) => call(server, TEAM_API.correct, { credential, body, as }),
  removeDocument: (server: string, credential: string, documentId: string) =>
    call(server, TEAM_API.removeDocument, { credential, path: TEAM_API.removeDocument.path.replace(':id', encodeURIComponent(documentId)) }),
  sendAudit: (server: string, credential: string, body: z.input<typeof TEAM_API.sendAudit.body>) => call(server, TEAM_API.sendAudit, { credential, body }),
  readAudit: (server: string, credential: string, after: number, as?: string) =>
    call(server, TEAM_API.readAudit, { credential, as, path: `${TEAM_API.readAudit.path}?after=${after}` }),
}

/**
 * A server address as people type it ("sync.example.org:3030", "https://sync.example.org", or the
 * WebSocket address "wss://sync.example.org" an IT volunteer may give), made the server's HTTP
 * origin; throws if it is not one. The sync's WebSocket is found from the origin.
 */
export function normaliseServerAddress(address: string): string {
  const trimmed = address.trim().replace(/\/+$/, '')
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase()
  const http = { http: 'http', https: 'https', ws: 'http', wss: 'https' }[scheme ?? 'http']
  if (!http) throw new ServerRefusedError(`"${address}" is not a server address: it starts https://, http://, wss:// or ws://, or with the server's name.`)
  const withScheme = scheme ? `${http}${trimmed.slice(scheme.length)}` : `http://${trimmed}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    throw new ServerRefusedError(`"${address}" is not a server address. It looks like https://sync.example.org or 192.168.1.20:3030.`)
  }
  if (url.pathname !== '/' || url.search || url.hash) throw new ServerRefusedError(`"${address}" is not a server address: leave out any path after the name.`)
  return url.origin
}

/** Who deletes the team's data when the server proves, over an HTTP call, that a credential was revoked. */
type RevocationHandler = (credential: string, revokedAt: string) => Promise<void>
const revocationHandlers = new Set<RevocationHandler>()

/**
 * Told when one of the HTTP calls below made with a credential is answered with the server's proof
 * that it was revoked (each open workspace listens for its own credential, and takes itself off the
 * team as the sync's refused connection does). The call waits for it, then fails with the notice.
 * Returns the way to stop listening.
 */
export function whenRevocationProven(handler: RevocationHandler): () => void {
  revocationHandlers.add(handler)
  return () => void revocationHandlers.delete(handler)
}

/**
 * Calls the server and checks its answer against the contract: an answer that is not what the
 * contract says (another program on that address, or a server that misbehaves) is refused in words.
 */
async function call<Answer extends z.ZodType>(
  server: string,
  endpoint: { method: string; path: string; answer: Answer },
  /** `as`: the person signed in on this laptop, by id, for the calls the server checks their role for (a shared laptop's). */
  request: { body?: unknown; credential?: string; path?: string; as?: string | undefined },
): Promise<z.output<Answer>> {
  const { body, credential, as } = request
  // A fresh nonce for every call with a credential: a revoked laptop is told so with a proof over it
  // (revocation-proof.ts), so one that only makes HTTP calls learns it too.
  const nonce = revocationNonce()
  const send = () =>
    fetch(`${server}${request.path ?? endpoint.path}`, {
      method: endpoint.method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(credential ? { Authorization: `Bearer ${credential}`, [REVOCATION_HEADERS.nonce]: nonce } : {}),
        ...(as ? { [PERSON_HEADER]: as } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    })
  let response: Response
  try {
    response = await send().catch((error: unknown) => {
      // A connection kept from before the server restarted is found closed only when used: the
      // request never reached the server, so it is sent once more, on a new connection.
      if ((error as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return send()
      throw error
    })
  } catch {
    throw new ServerRefusedError(`The sync server at ${server} cannot be reached. Check the address and the network.`)
  }
  const revoked = credential ? revocationIn(credential, nonce, response.status, (name) => response.headers.get(name)) : undefined
  if (revoked === 'unproven') throw new ServerRefusedError(UNPROVEN_REVOCATION, response.status)
  if (revoked) {
    await Promise.all([...revocationHandlers].map((handler) => handler(credential!, revoked.revokedAt)))
    throw new ServerRefusedError(takenOffTeamNotice(revoked.revokedAt), response.status)
  }
  const answer: unknown = await response.json().catch(() => undefined)
  const notHomeward = `The sync server at ${server} answered ${response.status}: is that the team's Homeward server?`
  if (!response.ok) throw new ServerRefusedError(refusalSchema.safeParse(answer).data?.error ?? notHomeward, response.status)
  const parsed = endpoint.answer.safeParse(answer)
  if (!parsed.success) throw new ServerRefusedError(notHomeward, response.status)
  return parsed.data
}

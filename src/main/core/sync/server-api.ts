import type { TeamDevice } from '../../../shared/sync/status'
import { ServerRefusedError } from '../errors'

export interface TeamCreated {
  team: string
  teamDocumentId: string
  deviceId: string
  credential: string
  joinCode: string
}

export interface TeamJoined {
  team: string
  teamDocumentId: string
  deviceId: string
  credential: string
}

/** The sync server's HTTP side: creating and joining the team, and the manager's device list. */
export const serverApi = {
  createTeam: (server: string, body: { setupCode: string; name: string; deviceName: string; teamDocumentId: string }) =>
    call<TeamCreated>(server, 'POST', '/api/team', undefined, body),
  join: (server: string, body: { joinCode: string; deviceName: string }) => call<TeamJoined>(server, 'POST', '/api/join', undefined, body),
  devices: (server: string, credential: string) => call<TeamDevice[]>(server, 'GET', '/api/devices', credential),
  revoke: (server: string, credential: string, deviceId: string) =>
    call<{ revoked: string }>(server, 'POST', `/api/devices/${encodeURIComponent(deviceId)}/revoke`, credential),
  newJoinCode: (server: string, credential: string) => call<{ joinCode: string }>(server, 'POST', '/api/join-code', credential),
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

async function call<T>(server: string, method: string, path: string, credential?: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(`${server}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(credential ? { Authorization: `Bearer ${credential}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    })
  } catch {
    throw new ServerRefusedError(`The sync server at ${server} cannot be reached. Check the address and the network.`)
  }
  const answer = (await response.json().catch(() => undefined)) as (T & { error?: string }) | undefined
  if (!response.ok || answer === undefined) {
    throw new ServerRefusedError(answer?.error ?? `The sync server at ${server} answered ${response.status}: is that the team's Homeward server?`, response.status)
  }
  return answer
}

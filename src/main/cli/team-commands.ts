import { Command, Option } from 'commander'
import { ROLE_LABELS, ROLES, type Role } from '../../shared/people'
import { roleShown } from '../../shared/team/role-shown'
import { requirePermission, type Action } from '../../shared/team/permissions'
import { formatUkDateTime } from '../../shared/dates'
import type { TeamDevice } from '../../shared/sync/team-api'
import { takenOffTeamNotice } from '../../shared/sync/taken-off-team'
import { CliError, withCommonOptions, withWorkspace, type CommonOptions } from './context'
import { printJson } from './output'

/**
 * The team from the command line: creating it (the manager), joining it, the manager's device list,
 * and syncing. The sync server itself is `homeward serve` (src/server).
 */
export function teamCommands(): Command[] {
  const team = new Command('team').description('create the team on its sync server, see it, or leave it')

  withCommonOptions(
    team
      .command('create')
      .description("create the team on a new sync server (on the manager's laptop); prints the join code for the other laptops")
      .requiredOption('--server <url>', 'the sync server, e.g. https://sync.example.org')
      .requiredOption('--setup-code <code>', 'the setup code the server printed on its first start')
      .requiredOption('--name <name>', "the team's name")
      .option('--device-name <name>', "this laptop's name in the team's device list"),
  ).action(async (options: CommonOptions & { server: string; setupCode: string; name: string; deviceName?: string }) => {
    const { createTeam } = await import('../core/sync/team-setup')
    const created = await withWorkspace(options, (workspace) => createTeam(workspace, options), { role: 'manager' })
    if (options.json) printJson({ joinCode: created.joinCode.joinCode, team: created.membership.team, deviceId: created.membership.deviceId })
    else process.stdout.write(`Team "${created.membership.team}" created on ${created.membership.server}.\njoin code for a caseworker's laptop (one laptop, 7 days): ${created.joinCode.joinCode}\n`)
  })

  withCommonOptions(team.command('show').description("the team this laptop is in, its people, whose laptop this is, and its sync state")).action(async (options: CommonOptions) => {
    const shown = await withWorkspace(options, async (workspace) => {
      const membership = workspace.membership.get()
      const person = workspace.team.profile
      return {
        team: membership?.team ?? null,
        server: membership?.server ?? null,
        deviceId: membership?.deviceId ?? null,
        deviceName: membership?.deviceName ?? null,
        // Alone on a laptop, its person is its manager; in a team, the server says who is who.
        person: person && { id: person.id, name: person.name, role: person.role },
        people: workspace.team.members().map(({ id, name, role }) => ({ id, name, role })),
        lastSyncedAt: membership?.lastSyncedAt ?? null,
      }
    })
    if (options.json) return printJson(shown)
    const role = shown.person && roleShown(shown.person.role, Boolean(shown.team))
    const you = shown.person ? (role ? `${shown.person.name} (${role.toLowerCase()})` : shown.person.name) : 'nobody yet'
    if (!shown.team) process.stdout.write(`This laptop is not in a team. It is ${you}'s.\n`)
    else process.stdout.write(`Team "${shown.team}" on ${shown.server}; this laptop is "${shown.deviceName}" (${shown.deviceId}), ${you}'s; last synced ${shown.lastSyncedAt ?? 'never'}.\n`)
    for (const member of shown.people) process.stdout.write(`  ${[member.name, roleShown(member.role, Boolean(shown.team))].filter(Boolean).join('  ')}\n`)
  })

  withCommonOptions(
    team
      .command('join-code')
      .description("a join code for one laptop, valid 7 days (a manager's): for a person by name (theirs if already in the team), in a role")
      .option('--for <name>', 'whose laptop it is for: a person of the team, or a new one')
      .addOption(new Option('--role <role>', 'their role, for a new person').choices([...ROLES])),
  ).action(async (options: CommonOptions & { for?: string; role?: Role }) => {
    const code = await withServer(options, 'issue-join-codes', (api, server, credential) => api.newJoinCode(server, credential, { for: options.for, role: options.role }))
    if (options.json) printJson(code)
    else process.stdout.write(`join code: ${code.joinCode}\nFor ${code.for ?? 'anyone'} as a ${code.role}, for one laptop, until ${formatUkDateTime(code.expiresAt)}.\n`)
  })

  withCommonOptions(
    team
      .command('remove-document')
      .description("take a document (a case, a scanned document, a meeting) out of the team (a manager's): the server deletes it, and every laptop stops listing it")
      .argument('<id>', 'the document id'),
  ).action(async (id: string, options: CommonOptions) => {
    await withServer(options, 'remove-from-team', (api, server, credential) => api.removeDocument(server, credential, id))
    if (options.json) printJson({ removed: id })
    else process.stdout.write(`Document ${id} is out of the team: the server has deleted it, and each laptop stops listing it when it next syncs.\n`)
  })

  withCommonOptions(team.command('leave').description('stop syncing with the team (the cases stay on this laptop)')).action(async (options: CommonOptions) => {
    const left = await withWorkspace(options, async (workspace) => {
      const membership = workspace.membership.get()
      workspace.membership.leave()
      return membership?.team
    })
    if (options.json) printJson({ left: left ?? null })
    else process.stdout.write(left ? `This laptop has left the team "${left}".\n` : 'This laptop was not in a team.\n')
  })

  const join = withCommonOptions(
    new Command('join')
      .description('join this laptop to the team with the join code the manager gave')
      .requiredOption('--server <url>', 'the sync server, e.g. https://sync.example.org')
      .requiredOption('--code <code>', 'the join code')
      .option('--device-name <name>', "this laptop's name in the team's device list"),
  ).action(async (options: CommonOptions & { server: string; code: string; deviceName?: string }) => {
    const { joinTeam } = await import('../core/sync/team-setup')
    const membership = await withWorkspace(options, (workspace) => joinTeam(workspace, options))
    if (options.json) printJson({ deviceId: membership.deviceId, team: membership.team, person: membership.person ?? null })
    else process.stdout.write(`This laptop joined the team "${membership.team}" as ${membership.person?.name ?? membership.deviceId}'s. Run \`homeward sync --once\` (or open the app) to receive the team's cases.\n`)
  })

  const devices = new Command('devices').description("the team's laptops (the manager's laptop can revoke one)")
  withCommonOptions(devices.command('list').description("list the team's devices")).action(async (options: CommonOptions) => {
    const list = await withServer(options, undefined, (api, server, credential) => api.devices(server, credential))
    if (options.json) printJson(list)
    else printDevices(list)
  })
  withCommonOptions(devices.command('revoke').description('revoke a device (a lost laptop): the server refuses it from now on').argument('<device>', 'the device id')).action(
    async (device: string, options: CommonOptions) => {
      await withServer(options, 'revoke-devices', (api, server, credential) => api.revoke(server, credential, device))
      if (options.json) printJson({ revoked: device })
      else process.stdout.write(`Device ${device} is revoked: the server will refuse it from now on.\n`)
    },
  )

  const sync = withCommonOptions(
    new Command('sync')
      .description("sync with the team's server: with --once, until nothing is pending, then exit; without, until Ctrl+C")
      .option('--once', 'sync until nothing is pending, print what was sent and received, and exit'),
  ).action(async (options: CommonOptions & { once?: boolean }) => {
    await withWorkspace(options, async (workspace) => {
      const client = workspace.sync
      if (options.once) {
        const result = await client.syncOnce()
        if (options.json) printJson(result)
        else process.stdout.write(`Synced: sent ${result.sent}, received ${result.received}.\n`)
        return
      }
      client.onStatus((status) => {
        if (!options.json && !status.takenOffTeam) process.stdout.write(`${status.state}${status.reason ? `: ${status.reason}` : ''} (${status.pending} to send)\n`)
      })
      client.start()
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve)
        process.once('SIGTERM', resolve)
        // Taken off the team (a revoked laptop, proven): its data is deleted, and there is nothing more to sync.
        client.onStatus((status) => status.takenOffTeam && resolve())
        if (client.status().takenOffTeam) resolve()
      })
      await client.stop()
      const takenOff = client.status().takenOffTeam
      if (takenOff) throw new CliError(takenOffTeamNotice(takenOff))
    })
  })

  return [team, join, devices, sync]
}

/** Calls the team's server as this laptop, first checking its person may (the server checks again, against the role it holds). */
async function withServer<T>(
  options: CommonOptions,
  action: Action | undefined,
  call: (api: typeof import('../core/sync/server-api').serverApi, server: string, credential: string) => Promise<T>,
): Promise<T> {
  const { serverApi } = await import('../core/sync/server-api')
  const { requireMembership } = await import('../core/sync/team-setup')
  const membership = await withWorkspace(options, async (workspace) => {
    if (action) requirePermission(workspace.currentContext().role, action)
    return requireMembership(workspace)
  })
  return call(serverApi, membership.server, membership.credential)
}

function printDevices(devices: TeamDevice[]): void {
  if (devices.length === 0) throw new CliError('the server lists no devices')
  for (const device of devices) {
    const state = device.revoked ? 'revoked' : device.lastSeen ? `last seen ${formatUkDateTime(device.lastSeen)}` : 'never seen'
    const whose = device.person ? `${device.person.name}, ${ROLE_LABELS[device.person.role].toLowerCase()}` : device.manager ? 'manager' : ''
    const also = device.people.length > 0 ? `  also used by ${device.people.map((person) => person.name).join(', ')}` : ''
    process.stdout.write(`${device.id}  ${device.name}${whose ? ` (${whose})` : ''}  ${state}${also}\n`)
  }
}

import { useCallback, useEffect, useState } from 'react'
import { may } from '../../shared/team/permissions'
import { formatUkDateTime } from '../../shared/dates'
import type { SyncStatus } from '../../shared/sync/status'
import type { TeamDevice } from '../../shared/sync/team-api'
import { useApi, useProfile } from '../app/contexts'
import { Confirm } from '../components/Confirm'
import { DataTable } from '../components/DataTable'
import { Form, FormActions, Problem, TextField } from '../components/form'
import { Panel } from '../components/Panel'
import { describeSync } from '../components/sync-words'
import { issuesOf } from '../forms/issues'
import { useSubmit } from '../forms/useSubmit'
import { useSyncStatus } from '../hooks/useSyncStatus'

/**
 * The team this laptop syncs with: join it with the server's address and the join code the
 * manager gave (or, the manager, create it with the server's setup code); once in, its state, the
 * team's laptops (the manager can revoke a lost one) and leaving.
 */
export function TeamSection() {
  const status = useSyncStatus()
  // The first join code, from creating the team, shown once it is made.
  const [joinCode, setJoinCode] = useState<string | undefined>()
  return (
    <Panel id="team-heading" title="Your team" level={2} className="team">
      {!status ? (
        <p className="muted">Loading…</p>
      ) : status.state === 'not-in-team' ? (
        <NotInTeam onCreated={setJoinCode} />
      ) : (
        <InTeam status={status} firstJoinCode={joinCode} />
      )}
    </Panel>
  )
}

function NotInTeam({ onCreated }: { onCreated: (joinCode: string) => void }) {
  const profile = useProfile()
  return (
    <>
      <p>
        This laptop is not in a team yet: its cases stay on it. Join your team to share cases with your colleagues. Cases already on this laptop
        become the team’s.
      </p>
      <JoinForm />
      {may(profile.role, 'create-team') && (
        <details className="disclosure">
          <summary>Create the team (managers, once, on a new server)</summary>
          <CreateForm onCreated={onCreated} />
        </details>
      )}
    </>
  )
}

function JoinForm() {
  const api = useApi()
  const [server, setServer] = useState('')
  const [code, setCode] = useState('')
  const [deviceName, setDeviceName] = useState('')
  const { busy, issues, run, refuse } = useSubmit()
  const submit = () => {
    if (!server.trim() || !code.trim()) return refuse('Enter the server address and the join code your manager gave you.')
    void run(() => api.call('joinTeam', { server, code, ...(deviceName.trim() ? { deviceName } : {}) }))
  }
  return (
    <Form className="edit-form" onSubmit={submit} aria-labelledby="join-heading">
      <h3 id="join-heading">Join your team</h3>
      <TextField name="join-server" label="Team server address" hint="For example https://sync.example.org, from your manager or IT volunteer." value={server} onChange={setServer} width="medium" />
      <TextField name="join-code" label="Join code" hint="Three groups of five letters and numbers, for example K7QMH-2XRTB-9PVAC." value={code} onChange={setCode} width="medium" />
      <DeviceNameField value={deviceName} onChange={setDeviceName} />
      <Problem text={issues[0]?.message} />
      <FormActions label="Join the team" busy={busy} busyLabel="Joining…" />
    </Form>
  )
}

function CreateForm({ onCreated }: { onCreated: (joinCode: string) => void }) {
  const api = useApi()
  const [server, setServer] = useState('')
  const [setupCode, setSetupCode] = useState('')
  const [name, setName] = useState('')
  const [deviceName, setDeviceName] = useState('')
  const { busy, issues, run, refuse } = useSubmit()
  const submit = () => {
    if (!server.trim() || !setupCode.trim() || !name.trim()) return refuse('Enter the server address, its setup code and the team’s name.')
    void run(async () => onCreated((await api.call('createTeam', { server, setupCode, name, ...(deviceName.trim() ? { deviceName } : {}) })).joinCode))
  }
  return (
    <Form className="edit-form" onSubmit={submit} aria-label="Create the team">
      <TextField name="create-server" label="Team server address" hint="Where your IT volunteer set up the Homeward server." value={server} onChange={setServer} width="medium" />
      <TextField name="create-setup-code" label="Setup code" hint="Printed by the server when it first started (setup code: …)." value={setupCode} onChange={setSetupCode} width="medium" />
      <TextField name="create-name" label="The team’s name" value={name} onChange={setName} width="medium" />
      <DeviceNameField value={deviceName} onChange={setDeviceName} />
      <Problem text={issues[0]?.message} />
      <FormActions label="Create the team" busy={busy} busyLabel="Creating…" />
    </Form>
  )
}

function DeviceNameField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <TextField
      name="device-name"
      label="This laptop’s name (optional)"
      hint="How it appears in the team’s list of laptops, for example “Amina’s laptop”. Leave it empty to use your name and the computer’s."
      value={value}
      onChange={onChange}
      width="medium"
    />
  )
}

function InTeam({ status, firstJoinCode }: { status: SyncStatus; firstJoinCode: string | undefined }) {
  const words = describeSync(status)
  return (
    <>
      <dl className="facts">
        <dt>Team</dt>
        <dd>{status.team}</dd>
        <dt>Team server</dt>
        <dd>{status.server}</dd>
        <dt>This laptop</dt>
        <dd>{status.deviceName}</dd>
        <dt>Sync</dt>
        <dd>{words.text}</dd>
        <dt>Changes not yet sent</dt>
        <dd>{status.pending}</dd>
      </dl>
      {status.manager && status.state !== 'refused' && <Devices firstJoinCode={firstJoinCode} />}
      <Leave team={status.team ?? 'the team'} />
    </>
  )
}

function Devices({ firstJoinCode }: { firstJoinCode: string | undefined }) {
  const api = useApi()
  const [devices, setDevices] = useState<TeamDevice[] | undefined>()
  const [newJoinCode, setJoinCode] = useState<string | undefined>()
  const joinCode = newJoinCode ?? firstJoinCode
  const [confirm, setConfirm] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | undefined>()
  const load = useCallback(
    () =>
      api.call('listDevices', {}).then(
        (list) => setDevices(list),
        (error: unknown) => setProblem(issuesOf(error)[0]?.message),
      ),
    [api],
  )
  useEffect(() => {
    void load()
    // Laptops join and are seen while the page is open.
    const timer = setInterval(() => void load(), 15_000)
    return () => clearInterval(timer)
  }, [load])
  const fail = (error: unknown) => setProblem(issuesOf(error)[0]?.message)
  return (
    <>
      <h3>Add a laptop</h3>
      <p>Give the person the team server address and a join code. A new code replaces the one before.</p>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => api.call('newJoinCode', {}).then(({ joinCode: code }) => setJoinCode(code), fail)}>
          Get a join code
        </button>
        {joinCode && (
          <p role="status">
            Join code: <strong className="join-code">{joinCode}</strong>
          </p>
        )}
      </div>
      <h3>The team’s laptops</h3>
      <Problem text={problem} />
      {devices === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <DataTable
          caption="The team’s laptops"
          rows={devices}
          rowKey={(device) => device.id}
          columns={[
            { heading: 'Laptop', cell: (device) => (device.manager ? `${device.name} (manager)` : device.name) },
            { heading: 'Last seen', cell: (device) => (device.lastSeen ? formatUkDateTime(device.lastSeen) : 'Never') },
            { heading: 'State', cell: (device) => (device.revoked ? 'Revoked' : 'Can sync') },
          ]}
          rowActions={{
            heading: 'Actions',
            cell: (device) =>
              !device.revoked &&
              !device.manager &&
              (confirm === device.id ? (
                <Confirm
                  question={`Revoke ${device.name}?`}
                  yes={`Yes, revoke ${device.name}`}
                  onYes={() =>
                    api.call('revokeDevice', { deviceId: device.id }).then(() => {
                      setConfirm(undefined)
                      return load()
                    }, fail)
                  }
                  no="Cancel"
                  onNo={() => setConfirm(undefined)}
                />
              ) : (
                <button type="button" className="link-button" onClick={() => setConfirm(device.id)}>
                  Revoke<span className="visually-hidden"> {device.name}</span>
                </button>
              )),
          }}
        />
      )}
      <p className="field__hint">Revoke a lost or stolen laptop: the server refuses it from then on, and it receives nothing new.</p>
    </>
  )
}

function Leave({ team }: { team: string }) {
  const api = useApi()
  const [asking, setAsking] = useState(false)
  const [problem, setProblem] = useState<string | undefined>()
  return (
    <div className="actions">
      {asking ? (
        <Confirm
          question="Leave the team?"
          explanation="This laptop keeps its cases but stops sending and receiving changes."
          yes={`Leave ${team}`}
          yesClassName="button button--warning"
          onYes={() => api.call('leaveTeam', {}).catch((error: unknown) => setProblem(issuesOf(error)[0]?.message))}
          no="Stay in the team"
          noClassName="button button--secondary"
          onNo={() => setAsking(false)}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
          Leave the team
        </button>
      )}
      <Problem text={problem} />
    </div>
  )
}

import { useCallback, useEffect, useState } from 'react'
import { may } from '../../shared/team/permissions'
import { samePersonName } from '../../shared/team/same-person-name'
import { formatUkDateTime } from '../../shared/dates'
import { ROLE_LABELS, ROLES, type Person, type Role } from '../../shared/people'
import type { SyncStatus } from '../../shared/sync/status'
import { JOIN_CODE_DAYS, type JoinCode, type TeamDevice } from '../../shared/sync/team-api'
import { useApi, useProfile, useSession } from '../app/contexts'
import { Confirm } from '../components/Confirm'
import { DataTable } from '../components/DataTable'
import { Form, FormActions, Problem, RadioGroup, TextField } from '../components/form'
import { Panel } from '../components/Panel'
import { describeSync } from '../components/sync-words'
import { issuesOf } from '../forms/issues'
import { useSubmit } from '../forms/useSubmit'
import { useApiQuery } from '../hooks/useApiQuery'
import { useSyncStatus } from '../hooks/useSyncStatus'

/** A join code as shown: the first, from creating the team, comes without its expiry. */

/**
 * The team this laptop syncs with: join it with the server's address and the join code the
 * manager gave (or, the manager, create it with the server's setup code); once in, its state, the
 * team's people, and leaving. A manager issues join codes and sees the team's laptops (and can
 * revoke a lost one).
 */
export function TeamSection() {
  const status = useSyncStatus()
  // The first join code, from creating the team, shown once it is made.
  const [joinCode, setJoinCode] = useState<JoinCode | undefined>()
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

function NotInTeam({ onCreated }: { onCreated: (joinCode: JoinCode) => void }) {
  const profile = useProfile()
  return (
    <>
      <p>
        This laptop is not in a team yet: its cases stay on it. Join your team to share cases with your colleagues. Cases already on this laptop
        become the team’s, and your name and role come from the team.
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
  const session = useSession()
  const [server, setServer] = useState('')
  const [code, setCode] = useState('')
  const [deviceName, setDeviceName] = useState('')
  const { busy, issues, run, refuse } = useSubmit()
  const submit = () => {
    if (!server.trim() || !code.trim()) return refuse('Enter the server address and the join code your manager gave you.')
    void run(async () => {
      await api.call('joinTeam', { server, code, ...(deviceName.trim() ? { deviceName } : {}) })
      await session.refresh()
    })
  }
  return (
    <Form className="edit-form" onSubmit={submit} aria-labelledby="join-heading">
      <h3 id="join-heading">Join your team</h3>
      <TextField name="join-server" label="Team server address" hint="For example https://sync.example.org, from your manager or IT volunteer." value={server} onChange={setServer} width="medium" />
      <TextField
        name="join-code"
        label="Join code"
        hint="Three groups of five letters and numbers, for example K7QMH-2XRTB-9PVAC. Each code is for one laptop, and works once."
        value={code}
        onChange={setCode}
        width="medium"
      />
      <DeviceNameField value={deviceName} onChange={setDeviceName} />
      <Problem text={issues[0]?.message} />
      <FormActions label="Join the team" busy={busy} busyLabel="Joining…" />
    </Form>
  )
}

function CreateForm({ onCreated }: { onCreated: (joinCode: JoinCode) => void }) {
  const api = useApi()
  const session = useSession()
  const [server, setServer] = useState('')
  const [setupCode, setSetupCode] = useState('')
  const [name, setName] = useState('')
  const [deviceName, setDeviceName] = useState('')
  const { busy, issues, run, refuse } = useSubmit()
  const submit = () => {
    if (!server.trim() || !setupCode.trim() || !name.trim()) return refuse('Enter the server address, its setup code and the team’s name.')
    void run(async () => {
      const joinCode = await api.call('createTeam', { server, setupCode, name, ...(deviceName.trim() ? { deviceName } : {}) })
      await session.refresh()
      onCreated(joinCode)
    })
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

function InTeam({ status, firstJoinCode }: { status: SyncStatus; firstJoinCode: JoinCode | undefined }) {
  const profile = useProfile()
  const members = useApiQuery('listMembers', {}, 'team-changed')
  const words = describeSync(status)
  const people = members.status === 'ready' ? members.data : []
  return (
    <>
      {status.notice && (
        <p className="notice" role="status">
          {status.notice}
        </p>
      )}
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
      <h3>The team’s people</h3>
      {members.status === 'failed' ? (
        <Problem text={members.message} />
      ) : (
        <DataTable
          caption="The team’s people"
          rows={[...people].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))}
          rowKey={(person) => person.id}
          empty={members.status === 'loading' ? 'Loading…' : 'No one yet.'}
          columns={[
            { heading: 'Name', cell: (person) => (person.id === profile.id ? `${person.name} (you)` : person.name) },
            { heading: 'Role', cell: (person) => ROLE_LABELS[person.role] },
          ]}
        />
      )}
      {!status.manager && <p className="field__hint">Your name and role come from the team: ask a team manager if they need to change.</p>}
      {status.manager && status.state !== 'refused' && (
        <>
          <JoinCodeForm people={people} server={status.server ?? ''} first={firstJoinCode} />
          <Devices />
        </>
      )}
      <Leave team={status.team ?? 'the team'} />
    </>
  )
}

/** The manager issues a join code for one laptop: someone in the team (in their role), or someone new. */
function JoinCodeForm({ people, server, first }: { people: Person[]; server: string; first: JoinCode | undefined }) {
  const api = useApi()
  const [whose, setWhose] = useState('')
  const [role, setRole] = useState<Role>('caseworker')
  const [issued, setIssued] = useState<JoinCode | undefined>()
  // The team's first code arrives once the team is made, which may be after this form appears.
  const code = issued ?? first
  const { busy, issues, run } = useSubmit()
  const inTeam = (name: string) => (name.trim() ? people.find((person) => samePersonName(person.name, name)) : undefined)
  const known = inTeam(whose)
  const changeWhose = (name: string) => {
    setWhose(name)
    // Their code keeps the role they have: offered as chosen, so it is not refused.
    const person = inTeam(name)
    if (person) setRole(person.role)
  }
  const submit = () =>
    void run(async () => setIssued(await api.call('newJoinCode', { ...(whose.trim() ? { for: whose.trim() } : {}), role })))
  return (
    <>
      <Form className="edit-form" onSubmit={submit} aria-labelledby="join-code-heading">
        <h3 id="join-code-heading">Join code for a laptop</h3>
        <p>
          A join code lets one laptop join the team as the person it is for. It works once, within {JOIN_CODE_DAYS} days: make a new one for each
          laptop. Give it to them with the team server address, {server}.
        </p>
        <TextField
          name="code-for"
          label="Whose laptop is it?"
          hint={
            known
              ? `${known.name} is in the team as ${ROLE_LABELS[known.role]}.`
              : 'Someone in the team, or a new person’s name. Left empty, the code is for anyone, under the name they gave Homeward.'
          }
          value={whose}
          onChange={changeWhose}
          suggestions={people.map((person) => person.name)}
          width="medium"
        />
        <RadioGroup
          name="code-role"
          legend="Their role"
          hint="A code for someone already in the team keeps their role."
          value={role}
          onChange={(value) => setRole(value as Role)}
          options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
          inline
        />
        <Problem text={issues[0]?.message} />
        <FormActions label="Get a join code" busy={busy} busyLabel="Getting a code…" />
      </Form>
      {code && <ShownJoinCode key={code.joinCode} code={code} />}
    </>
  )
}

function ShownJoinCode({ code }: { code: JoinCode }) {
  const [copied, setCopied] = useState<string | undefined>()
  const copy = () =>
    navigator.clipboard.writeText(code.joinCode).then(
      () => setCopied('Copied.'),
      () => setCopied('Could not copy it: select the code and copy it.'),
    )
  return (
    <section className="join-code-card" aria-labelledby="shown-code-heading">
      <h4 id="shown-code-heading">{code.for ? `Join code for ${code.for}’s laptop` : 'Join code for anyone’s laptop'}</h4>
      <p role="status" className="join-code-card__code">
        <strong className="join-code">{code.joinCode}</strong>
      </p>
      <dl className="facts">
        <dt>For</dt>
        <dd>{code.for ?? 'Anyone, under the name they gave Homeward'}</dd>
        <dt>Role</dt>
        <dd>{ROLE_LABELS[code.role]}</dd>
        <dt>Works</dt>
        <dd>Once, for one laptop, until {formatUkDateTime(code.expiresAt)}</dd>
      </dl>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Copy the code
        </button>
        {copied && <span role="status">{copied}</span>}
      </div>
    </section>
  )
}

function Devices() {
  const api = useApi()
  const profile = useProfile()
  const [devices, setDevices] = useState<TeamDevice[] | undefined>()
  const [confirm, setConfirm] = useState<string | undefined>()
  /** The person being taken off a laptop, asked to confirm: "deviceId/personId". */
  const [takingOff, setTakingOff] = useState<string | undefined>()
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
            { heading: 'Laptop', cell: (device) => device.name },
            {
              heading: 'Whose',
              cell: (device) =>
                device.person
                  ? `${device.person.name}${device.person.id === profile.id ? ' (you)' : ''}, ${ROLE_LABELS[device.person.role]}`
                  : 'Not recorded',
            },
            // Someone else who shares the laptop, added with a code of their own; a manager can take them off it.
            {
              heading: 'Also used by',
              cell: (device) =>
                device.people.length === 0 ? (
                  'Nobody else'
                ) : (
                  <ul className="laptop-people">
                    {device.people.map((person) => (
                      <li key={person.id}>
                        {person.name}{' '}
                        {!device.revoked &&
                          (takingOff === `${device.id}/${person.id}` ? (
                            <Confirm
                              question={`Take ${person.name} off ${device.name}?`}
                              explanation={`${person.name} will no longer be able to sign in on ${device.name}. Their PIN is deleted from it when it next connects; if they are signed in, it locks.`}
                              yes={`Yes, take ${person.name} off ${device.name}`}
                              onYes={() =>
                                api.call('removeDevicePerson', { deviceId: device.id, personId: person.id }).then(() => {
                                  setTakingOff(undefined)
                                  return load()
                                }, fail)
                              }
                              no="Cancel"
                              onNo={() => setTakingOff(undefined)}
                            />
                          ) : (
                            <button type="button" className="link-button" onClick={() => setTakingOff(`${device.id}/${person.id}`)}>
                              Take off this laptop<span className="visually-hidden"> ({person.name}, {device.name})</span>
                            </button>
                          ))}
                      </li>
                    ))}
                  </ul>
                ),
            },
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
      <p className="field__hint">
        Revoke a lost or stolen laptop: the server refuses it from then on, and it receives nothing new. The next time it reaches the server, it
        deletes the team's data. Revoking also cancels every join code not yet used. Take someone who shares a laptop off it when they no
        longer use it: they can no longer sign in there.
      </p>
    </>
  )
}

function Leave({ team }: { team: string }) {
  const api = useApi()
  const session = useSession()
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
          onYes={() =>
            api
              .call('leaveTeam', {})
              .then(() => session.refresh())
              .catch((error: unknown) => setProblem(issuesOf(error)[0]?.message))
          }
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

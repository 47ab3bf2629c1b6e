import { useState } from 'react'
import { mayRestrict } from '../../shared/team/restrictions'
import { useApi, useSession } from '../app/contexts'
import { Confirm } from '../components/Confirm'
import { Problem } from '../components/form'
import { issuesOf } from '../forms/issues'
import { useApiQuery } from '../hooks/useApiQuery'
import { useOpenCase } from './CaseContext'

/**
 * Whom a restricted case is restricted to, in the case's header; and, for its lead caseworker or a
 * manager on a team's laptop, the way to restrict it to named people of the team (they keep it
 * too) or clear the restriction. The team's server records it, and every other laptop deletes its copy.
 */
export function RestrictCase() {
  const { id, record } = useOpenCase()
  const { profile, inTeam } = useSession()
  const restriction = useApiQuery('caseRestriction', { caseId: id }, 'team-changed')
  const current = restriction.status === 'ready' ? restriction.data.restriction : null
  const allowed = inTeam && mayRestrict(profile, record.allocation.leadCaseworker?.id)
  return (
    <div className="restriction">
      {current && (
        <p className="restriction__mark" role="status">
          Restricted to: {current.to.map((person) => person.name).join(', ')}
        </p>
      )}
      {allowed && <RestrictForm caseId={id} restricted={current?.to.map((person) => person.id) ?? null} selfId={profile.id} />}
    </div>
  )
}

/**
 * Whether this laptop may no longer hold a case, as its core says: restricted to others (on a shared
 * laptop, to anyone but all its people) or erased. The core deletes it; the window lets it go.
 */
export function useWithheld(caseId: string): 'restricted' | 'erased' | undefined {
  const withheld = useApiQuery('withheldCases', {}, 'team-changed')
  if (withheld.status !== 'ready') return undefined
  if (withheld.data.erased.includes(caseId)) return 'erased'
  return withheld.data.restricted.includes(caseId) ? 'restricted' : undefined
}

function RestrictForm({ caseId, restricted, selfId }: { caseId: string; restricted: string[] | null; selfId: string }) {
  const api = useApi()
  const members = useApiQuery('listMembers', {}, 'team-changed')
  const [chosen, setChosen] = useState<string[]>(() => (restricted ?? []).filter((id) => id !== selfId))
  const [asking, setAsking] = useState<'restrict' | 'clear' | undefined>()
  const [problem, setProblem] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const others = members.status === 'ready' ? members.data.filter((member) => member.id !== selfId) : []
  const send = (to: string[] | null) => {
    setAsking(undefined)
    setBusy(true)
    api
      .call('restrictCase', { caseId, to })
      .then(() => setProblem(undefined))
      .catch((error: unknown) => setProblem(issuesOf(error)[0]?.message))
      .finally(() => setBusy(false))
  }
  return (
    <details className="disclosure">
      <summary>{restricted ? 'Change who this case is restricted to' : 'Restrict this case'}</summary>
      <p className="field__hint">
        For a survivor of domestic abuse, a person known to the team, or a high-profile case. Only the people chosen, and you, keep it on their laptops:
        everyone else’s laptop deletes its copy, and it is left out of team meetings.
      </p>
      <fieldset className="field">
        <legend>Restrict to</legend>
        <ul className="checkboxes">
          {others.map((member) => (
            <li key={member.id}>
              <input
                type="checkbox"
                id={`restrict-to-${member.id}`}
                checked={chosen.includes(member.id)}
                onChange={(event) => setChosen((was) => (event.target.checked ? [...was, member.id] : was.filter((id) => id !== member.id)))}
              />
              <label htmlFor={`restrict-to-${member.id}`}>{member.name}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <Problem text={problem} />
      <div className="actions">
        {asking === 'restrict' ? (
          <Confirm
            question="Restrict this case?"
            explanation="Every other laptop deletes its copy."
            yes="Restrict"
            onYes={() => send(chosen)}
            no="Cancel"
            onNo={() => setAsking(undefined)}
            yesClassName="button"
            noClassName="button button--secondary"
          />
        ) : asking === 'clear' ? (
          <Confirm
            question="Clear the restriction?"
            explanation="Every laptop of the team holds this case again."
            yes="Clear the restriction"
            onYes={() => send(null)}
            no="Cancel"
            onNo={() => setAsking(undefined)}
            yesClassName="button"
            noClassName="button button--secondary"
          />
        ) : (
          <>
            <button type="button" className="button" aria-disabled={busy} onClick={() => !busy && setAsking('restrict')}>
              {restricted ? 'Restrict to these people' : 'Restrict this case'}
            </button>
            {restricted && (
              <button type="button" className="button button--secondary" aria-disabled={busy} onClick={() => !busy && setAsking('clear')}>
                Clear the restriction
              </button>
            )}
          </>
        )}
      </div>
    </details>
  )
}

import { useState } from 'react'
import { useApi } from '../app/contexts'
import { ComboBox } from '../components/ComboBox'
import { issuesOf } from '../forms/issues'
import { useApiQuery } from '../hooks/useApiQuery'

/**
 * A case's outreach team, chosen from the team's list so that one organisation is one entry in the
 * monitoring report. A new one typed joins the list at once (the case's form saves to the case's
 * own document, which the core does not read as it saves), as the list spells it.
 */
export function OutreachTeamPicker(props: { name: string; label: string; value: string; onChange: (value: string) => void; hint?: string; error?: string }) {
  const api = useApi()
  const list = useApiQuery('listOutreachTeams', {}, 'team-changed')
  const [problem, setProblem] = useState<string | undefined>()
  // What the case says stays offered, though the list may spell it otherwise or no longer have it.
  const names = [...new Set([...(list.status === 'ready' ? list.data : []), ...(props.value ? [props.value] : [])])]
  const add = (typed: string) => {
    // The form holds what was typed at once (a save clicked straight after keeps it); the list's
    // spelling follows only if the list knew it by another (an old name of an entry).
    props.onChange(typed)
    api
      .call('knowOutreachTeam', { name: typed })
      .then(({ name }) => {
        setProblem(undefined)
        if (name !== typed) props.onChange(name)
      })
      .catch((error: unknown) => setProblem(issuesOf(error)[0]?.message))
  }
  const error = problem ?? props.error
  return (
    <ComboBox
      name={props.name}
      label={props.label}
      hint={props.hint ?? "Choose from the team's list, or type a new one to add it."}
      value={props.value}
      options={names.map((name) => ({ value: name, label: name }))}
      onChange={(value) => {
        setProblem(undefined)
        props.onChange(value)
      }}
      addNew={{ label: (typed) => `Add “${typed}” as a new outreach team`, onAdd: add }}
      {...(error ? { error } : {})}
    />
  )
}

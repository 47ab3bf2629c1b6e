import { useEffect, useRef, useState } from 'react'
import { organisationKey, SELF_REFERRAL } from '../../shared/team/outreach-teams'
import { useApi } from '../app/contexts'
import { ComboBox } from '../components/ComboBox'
import { issuesOf } from '../forms/issues'
import { useApiQuery } from '../hooks/useApiQuery'

/**
 * A case's outreach team, chosen from the team's list so that one organisation is one entry in the
 * monitoring report. A new one joins the list when "Add … as a new outreach team" is chosen (the
 * case's form saves to the case's own document, which the core does not read as it saves), as the
 * list spells it; typed and left, it stays in the form only, and a new referral adds it to the list
 * when it is saved (`Cases.create`).
 */
export function OutreachTeamPicker(props: { name: string; label: string; value: string; onChange: (value: string) => void; hint?: string; error?: string }) {
  const api = useApi()
  const list = useApiQuery('listOutreachTeams', {}, 'team-changed')
  const [problem, setProblem] = useState<string | undefined>()
  // The list's answer comes after the form may have moved on: it goes to the form as it is by then
  // (not the values it had when the team was typed), and nowhere once the form is saved and gone
  // (a saved form's draft must not come back).
  const latestOnChange = useRef(props.onChange)
  latestOnChange.current = props.onChange
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  // Self-referral is always a choice; what the case says stays offered, though the list may spell it otherwise or no longer have it.
  const names = [...new Set([...(list.status === 'ready' ? list.data : []), SELF_REFERRAL, ...(props.value ? [props.value] : [])])]
  const add = (typed: string) => {
    // The form holds what was typed at once (a save clicked straight after keeps it); the list's
    // spelling follows only if the list knew it by another (an old name of an entry).
    props.onChange(typed)
    api
      .call('knowOutreachTeam', { name: typed })
      .then(({ name }) => {
        if (!mounted.current) return
        setProblem(undefined)
        if (name !== typed) latestOnChange.current(name)
      })
      .catch((error: unknown) => {
        if (mounted.current) setProblem(issuesOf(error)[0]?.message)
      })
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
      addNew={{ label: (typed) => `Add “${typed}” as a new referring organisation`, onAdd: add }}
      // The list's own comparison: "cardiff  outreach" is "Cardiff Outreach", not a new entry.
      fold={organisationKey}
      // An organisation's name is a line of text like the referrer's name above it: as wide.
      width="full"
      {...(error ? { error } : {})}
    />
  )
}

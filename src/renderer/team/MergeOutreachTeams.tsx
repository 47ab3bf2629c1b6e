import { useState } from 'react'
import type { OutreachTeam } from '../../shared/team/settings'
import { useApi } from '../app/contexts'
import { Problem, SelectField } from '../components/form'
import { Panel } from '../components/Panel'
import { issuesOf } from '../forms/issues'

/**
 * Two entries of the list of outreach teams that are one organisation, made one by the manager.
 * The cases are not changed: what each says stays as typed, and counts under the entry kept.
 */
export function MergeOutreachTeams({ entries }: { entries: Record<string, OutreachTeam> }) {
  const api = useApi()
  const [merged, setMerged] = useState('')
  const [kept, setKept] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const [done, setDone] = useState<string | undefined>()
  const options = Object.entries(entries)
    .sort(([, a], [, b]) => a.name.localeCompare(b.name, 'en-GB'))
    .map(([id, entry]) => ({ value: id, label: entry.name }))
  const merge = () => {
    setDone(undefined)
    if (!merged || !kept || merged === kept) {
      setProblem('Choose two different referring organisations')
      return
    }
    const [goes, stays] = [entries[merged]?.name, entries[kept]?.name]
    api
      .call('mergeOutreachTeams', { mergedId: merged, keepId: kept })
      .then(() => {
        setProblem(undefined)
        setMerged('')
        setKept('')
        setDone(`${goes} is now part of ${stays}.`)
      })
      .catch((error: unknown) => setProblem(issuesOf(error)[0]?.message))
  }
  return (
    <Panel id="merge-outreach-teams-heading" title="Merge two referring organisations">
      <p className="field__hint">
        When two entries are the same organisation. The first goes from the list; cases that name it keep what they say, and the monitoring report counts
        them under the second.
      </p>
      <SelectField name="mergedOutreachTeam" label="Merge" value={merged} onChange={setMerged} options={[{ value: '', label: 'Choose…' }, ...options]} />
      <SelectField name="keptOutreachTeam" label="Into" value={kept} onChange={setKept} options={[{ value: '', label: 'Choose…' }, ...options]} />
      <Problem text={problem} />
      <p role="status" className="muted">
        {done}
      </p>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={merge}>
          Merge
        </button>
      </div>
    </Panel>
  )
}

import { useEffect, useState } from 'react'
import { takenOffTeamNotice } from '../../shared/sync/taken-off-team'
import type { ApiClient } from '../platform/api-client'
import { removeAllDrafts } from '../forms/drafts'

/**
 * When the team's server took this laptop off the team (it proved the laptop was revoked, and the
 * core deleted the team's data), if it did: from the sync's status, as it arrives or when the
 * window opens. The window's drafts are deleted the moment it is told.
 */
export function useTakenOffTeam(api: ApiClient): string | undefined {
  const [at, setAt] = useState<string | undefined>()
  useEffect(() => {
    let current = true
    const seen = (takenOffTeam: string | undefined) => {
      if (!takenOffTeam || !current) return
      removeAllDrafts()
      setAt(takenOffTeam)
    }
    const stop = api.onEvent((event) => {
      if (event.type === 'sync-status') seen(event.status.takenOffTeam)
    })
    api.call('getSyncStatus', {}).then(
      (status) => seen(status.takenOffTeam),
      () => undefined,
    )
    return () => {
      current = false
      stop()
    }
  }, [api])
  return at
}

/** The whole window, once the laptop is taken off the team: what happened, and one way on. */
export function TakenOffTeamPage({ at, api }: { at: string; api: ApiClient }) {
  const [problem, setProblem] = useState<string | undefined>()
  // The notice goes for good, and the window opens again as a first run.
  const startAgain = () =>
    api.call('dismissTakenOffTeam', {}).then(
      () => window.location.reload(),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    )
  return (
    <main className="taken-off-team" aria-labelledby="taken-off-team-title">
      <h1 id="taken-off-team-title">This laptop is no longer in the team</h1>
      <p>{takenOffTeamNotice(at)}</p>
      <p>If you think this is a mistake, speak to your team manager.</p>
      {problem && <p role="alert">{problem}</p>}
      <button type="button" className="button" autoFocus onClick={() => void startAgain()}>
        Start again
      </button>
    </main>
  )
}

import type { TeamDoc } from '../../../shared/team/team-doc'
import type { WorkspaceCore } from '../workspace-core'

/**
 * Waits (up to `ms`) until the team document, as the running sync brings it, shows `arrived`: a
 * change the server made for this laptop's call (a restriction, an erasure), so the window shows
 * it at once. Resolves at the end of the wait either way: the change comes with the next sync.
 */
export function teamDocArrival(core: WorkspaceCore, arrived: (team: TeamDoc) => boolean, ms: number): Promise<void> {
  const handle = core.teamDoc()
  if (ms <= 0 || arrived(handle.doc())) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      handle.off('change', check)
      clearTimeout(timer)
      resolve()
    }
    const check = () => void (arrived(handle.doc()) && done())
    const timer = setTimeout(done, ms)
    handle.on('change', check)
  })
}

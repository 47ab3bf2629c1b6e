import { createRoot } from 'react-dom/client'
import { StrictMode } from 'react'
import type { Repo } from '@automerge/automerge-repo/slim'
import type { HomewardBridge } from '../../shared/bridge'
import type { WorkspaceLockState } from '../../shared/session/workspace-passphrase'
import { App } from './App'
import { ApiContext } from './contexts'
import type { ApiClient } from '../platform/api-client'
import { WorkspacePassphrasePage } from '../session/WorkspacePassphrasePage'
import { openDraftsAtStart } from '../forms/drafts'

/**
 * The app itself, once `main.tsx` has sent the start's calls. The workspace passphrase comes
 * first: until it is given, the core has no workspace to show. Once it opens, the page starts
 * afresh on the open workspace (its repo, then the PIN sign-in).
 */
export async function startApp(api: ApiClient, bridge: HomewardBridge | undefined, state: WorkspaceLockState): Promise<void> {
  const root = createRoot(document.getElementById('root')!)
  if (state === 'open') {
    // The first draw uses the answers the start's calls brought (`ApiClient.answered`): the session
    // here, the board's rows in `useBoard`. Someone signed in already has their drafts opened before
    // it, so it draws the page itself, not "Opening Homeward…" then again as each answer comes
    // (npm run bench -- board-first-row).
    const session = api.answered('getSession', {})
    const drafts = session?.profile ? openDraftsAtStart(api) : undefined
    await drafts?.ready
    // Automerge, its wasm and the window's repo are a chunk of their own, loaded when a page first
    // opens a case or a meeting: the board and the lists need none of them (npm run bench -- board-first-row).
    let started: Promise<Repo> | undefined
    const repo = () => (started ??= import('../platform/window-repo').then(({ startWindowRepo }) => startWindowRepo(bridge)))
    root.render(
      <StrictMode>
        <App api={api} repo={repo} session={session} drafts={drafts?.opening} />
      </StrictMode>,
    )
  } else {
    root.render(
      <StrictMode>
        <ApiContext.Provider value={api}>
          <WorkspacePassphrasePage choosing={state === 'choose'} onOpen={() => location.reload()} />
        </ApiContext.Provider>
      </StrictMode>,
    )
  }
}

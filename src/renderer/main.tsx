import { createRoot } from 'react-dom/client'
import { StrictMode } from 'react'
import type { Repo } from '@automerge/automerge-repo/slim'
import { App } from './app/App'
import { ApiContext } from './app/contexts'
import { apiClient } from './platform/api-client'
import { browserApiTransport } from './platform/browser'
import { desktopBridge, electronApiTransport } from './platform/electron'
import { WorkspacePassphrasePage } from './session/WorkspacePassphrasePage'
import './styles/app.css'

const bridge = desktopBridge()
const api = apiClient(bridge ? electronApiTransport(bridge) : browserApiTransport())
const root = createRoot(document.getElementById('root')!)

// The workspace passphrase comes first: until it is given, the core has no workspace to show.
// Once it opens, the page starts afresh on the open workspace (its repo, then the PIN sign-in).
const { state } = await api.call('getWorkspaceLock', {})
if (state === 'open') {
  // Automerge, its wasm and the window's repo are a chunk of their own, loaded when a page first
  // opens a case or a meeting: the board and the lists need none of them (npm run bench -- board-first-row).
  let started: Promise<Repo> | undefined
  const repo = () => (started ??= import('./platform/window-repo').then(({ startWindowRepo }) => startWindowRepo(bridge)))
  root.render(
    <StrictMode>
      <App api={api} repo={repo} />
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

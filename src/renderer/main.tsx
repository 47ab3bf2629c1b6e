import { createRoot } from 'react-dom/client'
import { StrictMode } from 'react'
import { initializeWasm } from '@automerge/automerge/slim'
import automergeWasmUrl from '@automerge/automerge/automerge.wasm?url'
import { App } from './app/App'
import { ApiContext } from './app/contexts'
import { apiClient } from './platform/api-client'
import { browserApiTransport, browserRepo } from './platform/browser'
import { desktopBridge, electronApiTransport, electronRepo } from './platform/electron'
import { WorkspacePassphrasePage } from './session/WorkspacePassphrasePage'
import './styles/app.css'

// Automerge's wasm is its own file, compiled as it streams in: embedded as base64 it made the
// script 4.8 MB larger and cost a third of a second on every start (npm run bench -- board).
// app:// allows fetch for it in the desktop app (src/main/electron/security.ts).
await initializeWasm(automergeWasmUrl)

const bridge = desktopBridge()
const api = apiClient(bridge ? electronApiTransport(bridge) : browserApiTransport())
const root = createRoot(document.getElementById('root')!)

// The workspace passphrase comes first: until it is given, the core has no workspace to show.
// Once it opens, the page starts afresh on the open workspace (its repo, then the PIN sign-in).
const { state } = await api.call('getWorkspaceLock', {})
if (state === 'open') {
  const repo = bridge ? await electronRepo(bridge) : browserRepo()
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

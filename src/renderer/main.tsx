import { createRoot } from 'react-dom/client'
import { StrictMode } from 'react'
import { initializeWasm } from '@automerge/automerge/slim'
import automergeWasmUrl from '@automerge/automerge/automerge.wasm?url'
import { App } from './app/App'
import { apiClient } from './platform/api-client'
import { browserPlatform } from './platform/browser'
import { desktopBridge, electronPlatform } from './platform/electron'
import './styles/app.css'

// Automerge's wasm is its own file, compiled as it streams in: embedded as base64 it made the
// script 4.8 MB larger and cost a third of a second on every start (npm run bench -- board).
// app:// allows fetch for it in the desktop app (src/main/electron/security.ts).
await initializeWasm(automergeWasmUrl)

const bridge = desktopBridge()
const { repo, transport } = bridge ? await electronPlatform(bridge) : browserPlatform()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={apiClient(transport)} repo={repo} />
  </StrictMode>,
)

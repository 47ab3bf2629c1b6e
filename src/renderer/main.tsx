import { createRoot } from 'react-dom/client'
import { StrictMode } from 'react'
import { initializeBase64Wasm } from '@automerge/automerge/slim'
import { automergeWasmBase64 } from '@automerge/automerge/automerge.wasm.base64'
import { App } from './app/App'
import { apiClient } from './platform/api-client'
import { browserPlatform } from './platform/browser'
import { desktopBridge, electronPlatform } from './platform/electron'
import './styles/app.css'

// Automerge's wasm is embedded (base64) rather than fetched, so it loads the same from app:// in
// the desktop app and from the browser mode's server.
await initializeBase64Wasm(automergeWasmBase64)

const bridge = desktopBridge()
const { repo, transport } = bridge ? await electronPlatform(bridge) : browserPlatform()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={apiClient(transport)} repo={repo} />
  </StrictMode>,
)

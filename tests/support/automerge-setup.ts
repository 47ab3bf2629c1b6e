// The shared domain imports Automerge's slim entry; the full Node entry loads its wasm for it.
import '@automerge/automerge'
import { useTestPassphrase } from './passphrase'

useTestPassphrase()

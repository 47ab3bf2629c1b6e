import { ELECTRON_SKIP_REASON, electronBinary } from './app'

/** Says once, before the run, which part will be skipped and why. */
export default function globalSetup(): void {
  if (!electronBinary()) console.log(`\n[electron project] ${ELECTRON_SKIP_REASON}\n`)
}

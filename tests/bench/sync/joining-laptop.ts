/**
 * A laptop joining the team and catching up, in a process of its own (`under-load.ts` starts it):
 * loading and indexing thousands of cases would otherwise block the bench process's event loop,
 * where the laptops whose edit latency is measured live, and the figure would be the bench's.
 * Arguments: its workspace folder, the server's address, a join code. Prints one JSON line when done.
 */
import { openWorkspace } from '../../../src/main/core/workspace'
import { joinTeam } from '../../../src/main/core/sync/team-setup'
import { useTestPassphrase } from '../../support/passphrase'
import { AMINA } from '../../support/people'

useTestPassphrase()
const [dataDir, server, code] = process.argv.slice(2) as [string, string, string]
const started = performance.now()
const laptop = await openWorkspace({ dataDir, user: { ...AMINA, name: `Joining ${process.pid}` } })
await joinTeam(laptop, { server, code })
const { received } = await laptop.sync.syncOnce()
const ms = performance.now() - started
await laptop.close()
console.log(JSON.stringify({ received, ms }))

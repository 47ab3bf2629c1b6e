import { join } from 'node:path'
import { rmSync, readFileSync } from 'node:fs'
import { useTestPassphrase } from '../support/passphrase'
import { openWorkspace } from '../../src/main/core/workspace'
import { joinTeam } from '../../src/main/core/sync/team-setup'
import { serverApi } from '../../src/main/core/sync/server-api'
import { AMINA } from '../support/people'
import { homewardServer } from './sync/common'

useTestPassphrase()
const size = Number(process.env.SIZE ?? 1000)
const dir0 = `/tmp/b3-keep/homeward-${size}`
const { credential } = JSON.parse(readFileSync(join(dir0, 'ready.json'), 'utf8')) as { credential: string }
const server = await homewardServer(join(dir0, 'server'))
for (let i = 0; i < Number(process.env.RUNS ?? 3); i++) {
  const dir = `/tmp/pp/fresh-${i}`
  rmSync(dir, { recursive: true, force: true })
  const fresh = await openWorkspace({ dataDir: dir, user: AMINA })
  const { joinCode } = await serverApi.newJoinCode(server.url, credential, { for: AMINA.name })
  await joinTeam(fresh, { server: server.url, code: joinCode })
  const t0 = performance.now()
  const marks: string[] = []
  let lastState = ''
  let firstCatch = -1
  const off = fresh.sync.onStatus((s) => {
    const t = (performance.now() - t0).toFixed(0)
    if (s.state !== lastState) { marks.push(`${t} ${s.state}`); lastState = s.state }
    if (s.catchUp && firstCatch < 0) { firstCatch = 1; marks.push(`${t} catchUp ${s.catchUp.received}/${s.catchUp.total}`) }
    if (s.catchUp && s.catchUp.received === s.catchUp.total && firstCatch === 1) { firstCatch = 2; marks.push(`${t} all received`) }
  })
  const cpu0 = process.cpuUsage()
  await fresh.sync.syncOnce()
  const cpu = process.cpuUsage(cpu0)
  marks.push(`${(performance.now() - t0).toFixed(0)} done; cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`)
  off()
  console.log(marks.join(' | '))
  await fresh.close()
  rmSync(dir, { recursive: true, force: true })
}
server.child.kill()

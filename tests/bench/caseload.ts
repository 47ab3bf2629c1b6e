/**
 * The benches' caseload: sample cases in every phase (the seeder's generator), made as variants
 * (another name and CHAIN number) of a few hundred generated ones so that seeding 30,000 takes
 * minutes, not hours. Each is a whole Automerge document saved through the core's own `addMany`
 * (stored, listed in the team document and indexed), as cases arriving by sync would be: the
 * workspace is a real one, not an index without documents.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { workspaceFiles } from '../../src/main/core/storage/workspace-files'
import { generateCase, type SeedTeam } from '../../src/main/core/seed/generate-case'
import { Random } from '../../src/main/core/seed/random'
import { toStored } from '../../src/shared/automerge/registers'
import type { CaseDoc } from '../../src/shared/case/case-doc'
import type { Person } from '../../src/shared/people'
import { useTestPassphrase } from '../support/passphrase'
import { tempDir } from '../support/temp-dir'

// The benches' workspaces are encrypted as every workspace is, under the tests' passphrase.
useTestPassphrase()

export const TODAY = '2026-11-23'
/** How many generated cases the caseload is made from, as variants of each. */
export const VARIANTS_OF = 300
const BATCH = 500
export const MANAGER: Person = { id: 'bench-manager', name: 'Derek Hall', role: 'manager' }
export const TEAM: SeedTeam = {
  manager: MANAGER,
  caseworkers: ['Amina Okafor', 'Tomasz Nowak', 'Grace Mensah', 'Ruth Adeyemi', 'Liam Doherty', 'Chloe Barnes'].map((name, i) => ({
    id: `bench-member-${i + 1}`,
    name,
    role: 'caseworker' as const,
  })),
}

export const step = (what: string) => process.stderr.write(`… ${what}\n`)

/** Fills a workspace with `count` cases: variants of generated ones. */
export async function seed(workspace: Workspace, count: number): Promise<void> {
  const rng = new Random(7)
  const originals = Array.from({ length: VARIANTS_OF }, () => generateCase(rng, TEAM, TODAY).doc)
  for (let done = 0; done < count; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - done) }, (_, i) => {
      const n = done + i
      return Automerge.change(Automerge.clone(originals[n % VARIANTS_OF]!), (doc: CaseDoc) => {
        doc.referral.clientName = toStored(`Sample Client ${n + 1}`)
        doc.referral.chainNumber = toStored(String(200000 + n))
      })
    })
    await workspace.cases.addMany(batch)
    if ((done / BATCH) % 10 === 9) step(`${done + batch.length} cases`)
  }
  // The person using this laptop, so the app opens on the caseload rather than the first-run question.
  workspace.team.setProfile({ name: MANAGER.name, role: 'manager' })
  workspace.team.addMembers(TEAM.caseworkers)
}

/**
 * A workspace folder of `count` seeded cases: kept in BENCH_KEEP=DIR (as `NAME-COUNT`) and used
 * again on the next run when given, else a temporary one removed by `remove`.
 */
export async function seededWorkspace(name: string, count: number): Promise<{ path: string; remove: () => void }> {
  const kept = process.env.BENCH_KEEP && join(resolve(process.env.BENCH_KEEP), `${name}-${count}`)
  const dir = kept ? { path: kept, remove: () => {} } : tempDir(`bench-${name}-${count}`)
  if (!existsSync(workspaceFiles(dir.path).index)) {
    step(`seeding ${count} cases`)
    const seeding = performance.now()
    const seeded = await openWorkspace({ dataDir: dir.path, user: MANAGER, now: () => new Date(`${TODAY}T10:00:00Z`) })
    await seed(seeded, count)
    await seeded.close()
    step(`seeded in ${((performance.now() - seeding) / 1000).toFixed(0)} s`)
  }
  return dir
}

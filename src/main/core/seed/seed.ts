import type { Person } from '../../../shared/people'
import { samePersonName } from '../../../shared/team/same-person-name'
import { isoDateOf, type IsoDate } from '../../../shared/dates'
import type { Workspace } from '../workspace'
import { generateCase, type SeedTeam } from './generate-case'
import { Random } from './random'
import { sampleSettings } from './sample-settings'
import { sampleSignature } from './sample-signature'

const BATCH = 250

const TEAM_NAMES = ['Amina Okafor', 'Tomasz Nowak', 'Grace Mensah', 'Ruth Adeyemi', 'Liam Doherty', 'Chloe Barnes']

export interface SeedOptions {
  cases: number
  seed?: number
  /** The day the sample ends on; cases run up to it. */
  today?: IsoDate
  /** Told after each batch, for progress. */
  progress?: (done: number, total: number) => void
}

/**
 * Fills a workspace with realistic sample cases across all eight phases, and the team that works
 * them: for demonstrations, tests and benchmarks. The same seed gives the same cases.
 */
export async function seedWorkspace(workspace: Workspace, options: SeedOptions): Promise<{ cases: number; members: number }> {
  const rng = new Random(options.seed ?? 1)
  const today = options.today ?? isoDateOf(new Date())
  const team = sampleTeam(workspace.team.profile)
  let done = 0
  while (done < options.cases) {
    const batch = Array.from({ length: Math.min(BATCH, options.cases - done) }, () => generateCase(rng, team, today))
    await workspace.cases.addMany(batch.map((generated) => generated.doc))
    done += batch.length
    options.progress?.(done, options.cases)
  }
  const members = [team.manager, ...team.caseworkers]
  workspace.team.addMembers(members)
  // Each sample person signs with their own hand; the person using the laptop gives their own in Team settings.
  const signers = members.filter((member) => member.id !== workspace.team.profile?.id)
  workspace.team.addSampleSettings(sampleSettings(), Object.fromEntries(signers.map((member) => [member.id, sampleSignature(member.name)])))
  return { cases: done, members: members.length }
}

function sampleTeam(profile: Person | null): SeedTeam {
  // One person, one member: someone set up on the laptop under a sample name is not added again.
  const caseworkers = TEAM_NAMES.map((name, i) => ({ id: `sample-member-${i + 1}`, name, role: 'caseworker' as const })).filter(
    (sample) => !profile || !samePersonName(sample.name, profile.name),
  )
  const manager: Person = profile?.role === 'manager' ? profile : { id: 'sample-manager', name: 'Derek Hall', role: 'manager' }
  return { manager, caseworkers: profile?.role === 'caseworker' ? [profile, ...caseworkers] : caseworkers }
}

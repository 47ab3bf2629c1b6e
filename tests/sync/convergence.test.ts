import { randomUUID } from 'node:crypto'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import * as change from '../../src/shared/case/changes'
import type { Person } from '../../src/shared/people'
import { AMINA, DEREK, referral } from '../support/people'
import { eventually, TestTeam, type Laptop } from '../support/sync-team'

const JO: Person = { id: 'member-jo', name: 'Jo Price', role: 'caseworker' }

/** A small seeded generator (mulberry32): the same seed gives the same run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** How many chunks of the case the server folds into one: a laptop's own upload folded with others' waiting to be sent to it lost them (9e2155e). */
function compactAt(seed: number): number {
  return [2, 8, 64][seed % 3]!
}

async function headsOf(laptop: Laptop, caseId: string): Promise<string> {
  const handle = await laptop.workspace.cases.open(caseId)
  return [...Automerge.getHeads(handle.doc())].sort().join(',')
}

describe('three laptops editing one case through the server', () => {
  let team: TestTeam | undefined
  afterEach(async () => {
    await team?.cleanup()
    team = undefined
  })

  it('converge to the same case, with every note, under a seeded run of edits, disconnects and reconnects', async () => {
    const seed = Number(process.env.SYNC_SEED ?? Math.floor(Math.random() * 2 ** 31))
    try {
      const random = seeded(seed)
      const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
      // The server compacts the case as it goes, often or as it would in use (not drawn from `random`, so a seed replays the same edits).
      team = await TestTeam.start({ compactAt: compactAt(seed) })
      const manager = await team.create(DEREK)
      const caseId = await manager.workspace.cases.create(referral())
      await manager.workspace.cases.change(caseId, (doc, context) =>
        change.updateSection(doc, 'referral', { criterionLocalConnection: 'yes', criterionRoughSleeping: 'living-on-street', criterionMultipleNeeds: 'yes' }, context),
      )
      await manager.workspace.cases.change(caseId, (doc, context) => change.acceptReferral(doc, '2026-11-03', context))
      const laptops = [manager, await team.join(AMINA), await team.join(JO)]
      for (const laptop of laptops) laptop.sync.start()
      await eventually(() => laptops.every((laptop) => laptop.workspace.cases.list().some((entry) => entry.id === caseId)), 20_000, 'the case on every laptop')

      const notes: string[] = []
      const operations = 240
      for (let i = 0; i < operations; i++) {
        const laptop = pick(laptops)
        const roll = random()
        if (roll < 0.35) {
          const text = `Note ${i} written on ${laptop.workspace.team.profile?.name ?? 'a laptop'} (seed ${seed})`
          notes.push(text)
          await laptop.workspace.cases.addNote(caseId, { date: '2026-11-20', type: pick(['face-to-face', 'phone', 'with-agency', 'other']), text })
        } else if (roll < 0.5) {
          await laptop.workspace.cases.change(caseId, (doc, context) =>
            change.addAction(doc, randomUUID(), { description: `Action ${i}`, due: '2036-12-01' }, context.author, context),
          )
        } else if (roll < 0.65) {
          await laptop.workspace.cases.change(caseId, (doc, context) =>
            change.updateSection(doc, 'referral', { referrerName: `Referrer ${i}`, outreachTeam: pick(['Tower Hamlets Outreach', 'Camden Outreach', 'Leeds Street Team']) }, context),
          )
        } else if (roll < 0.75) {
          // Moving the phase on, or back: the rules may refuse, as they would in the app.
          await laptop.workspace
            .cases.change(caseId, (doc, context) =>
              random() < 0.5 ? change.advancePhase(doc, randomUUID(), context) : change.movePhaseBack(doc, randomUUID(), `Plans changed (${i})`, context),
            )
            .catch((error: unknown) => {
              if (!(error instanceof change.CaseRuleError)) throw error
            })
        } else if (roll < 0.88) {
          await laptop.sync.stop()
        } else {
          laptop.sync.start()
        }
        if (random() < 0.2) await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 30)))
      }

      for (const laptop of laptops) laptop.sync.start()
      await eventually(
        async () => {
          if (laptops.some((laptop) => laptop.sync.status().pending > 0)) return false
          const heads = await Promise.all(laptops.map((laptop) => headsOf(laptop, caseId)))
          return heads.every((each) => each === heads[0])
        },
        60_000,
        'the three laptops to converge',
      )
      const records = await Promise.all(laptops.map((laptop) => laptop.workspace.cases.read(caseId)))
      expect(records[1]).toEqual(records[0])
      expect(records[2]).toEqual(records[0])
      expect(records[0]!.notes.map((note) => note.text).sort()).toEqual([...notes].sort())
    } catch (error) {
      if (error instanceof Error) error.message = `With SYNC_SEED=${seed} (the server compacting at ${compactAt(seed)} chunks): ${error.message}`
      throw error
    }
  }, 120_000)
})

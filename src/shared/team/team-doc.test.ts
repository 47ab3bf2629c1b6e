import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '../validation'
import { directoryEntries, mergeOutreachTeams, newTeamDoc, putDirectoryEntry, removeDirectoryEntry, teamSettings, type TeamDoc } from './team-doc'
import type { OutreachTeam } from './settings'

const TODAY = '2026-11-23'

/** A team document from before the list of outreach teams: its settings have no map for it. */
function olderTeamDoc(): Automerge.Doc<TeamDoc> {
  return Automerge.change(Automerge.from(newTeamDoc() as unknown as Record<string, unknown>) as unknown as Automerge.Doc<TeamDoc>, (doc) => {
    delete (doc.settings as { outreachTeams?: unknown }).outreachTeams
  })
}

function names(doc: TeamDoc): string[] {
  return Object.values(directoryEntries<OutreachTeam>(doc, 'outreachTeams'))
    .map((entry) => entry.name)
    .sort()
}

describe('a directory two laptops start while apart', () => {
  it('loses no entry when each laptop makes the first one, and keeps it through later edits and removals', () => {
    const base = olderTeamDoc()
    const first = Automerge.change(Automerge.clone(base), (doc) => putDirectoryEntry(doc, 'outreachTeams', 'a', { name: 'Tower Hamlets Outreach' }, TODAY))
    const second = Automerge.change(Automerge.clone(base), (doc) => putDirectoryEntry(doc, 'outreachTeams', 'b', { name: 'St Mungo’s Outreach' }, TODAY))
    let merged = Automerge.merge(first, second)
    // Automerge shows one of the two maps: the other is a conflict, which every reader takes in.
    expect(Object.keys(Automerge.getConflicts(merged.settings, 'outreachTeams') ?? {})).toHaveLength(2)
    expect(names(merged)).toEqual(['St Mungo’s Outreach', 'Tower Hamlets Outreach'])
    expect(Object.keys(teamSettings(merged).outreachTeams ?? {}).sort()).toEqual(['a', 'b'])

    // An entry in either map is edited where it is, a new one added, one removed from whichever holds it.
    merged = Automerge.change(merged, (doc) => {
      putDirectoryEntry(doc, 'outreachTeams', 'a', { name: 'Tower Hamlets Outreach Team' }, TODAY)
      putDirectoryEntry(doc, 'outreachTeams', 'b', { name: 'St Mungo’s' }, TODAY)
      putDirectoryEntry(doc, 'outreachTeams', 'c', { name: 'Camden Outreach' }, TODAY)
    })
    expect(names(merged)).toEqual(['Camden Outreach', 'St Mungo’s', 'Tower Hamlets Outreach Team'])
    merged = Automerge.change(merged, (doc) => {
      removeDirectoryEntry(doc, 'outreachTeams', 'a')
      removeDirectoryEntry(doc, 'outreachTeams', 'b')
    })
    expect(names(merged)).toEqual(['Camden Outreach'])
  })
})

describe('renaming and merging outreach teams', () => {
  const withTwo = () =>
    Automerge.change(Automerge.from(newTeamDoc() as unknown as Record<string, unknown>) as unknown as Automerge.Doc<TeamDoc>, (doc) => {
      putDirectoryEntry(doc, 'outreachTeams', 'a', { name: 'Tower Hamlet Outreach' }, TODAY)
      putDirectoryEntry(doc, 'outreachTeams', 'b', { name: 'THOT' }, TODAY)
    })

  it('keeps the old spelling as an alias when an entry is renamed', () => {
    const renamed = Automerge.change(withTwo(), (doc) => putDirectoryEntry(doc, 'outreachTeams', 'a', { name: 'Tower Hamlets Outreach' }, TODAY))
    expect(directoryEntries(renamed, 'outreachTeams').a).toEqual({ name: 'Tower Hamlets Outreach', aliases: ['Tower Hamlet Outreach'] })
    // A second rename keeps both old names; renaming back to an alias takes it off the aliases.
    const back = Automerge.change(renamed, (doc) => putDirectoryEntry(doc, 'outreachTeams', 'a', { name: 'tower hamlet outreach' }, TODAY))
    expect(directoryEntries(back, 'outreachTeams').a).toEqual({ name: 'tower hamlet outreach', aliases: ['Tower Hamlets Outreach'] })
  })

  it('refuses a name (or an old name) another entry has: the two are merged instead', () => {
    const doc = withTwo()
    expect(() => Automerge.change(doc, (draft) => putDirectoryEntry(draft, 'outreachTeams', 'b', { name: 'tower  hamlet outreach' }, TODAY))).toThrow(
      new ValidationError([{ field: 'name', message: 'Tower Hamlet Outreach is already on the list: merge the two instead' }]),
    )
    expect(() => Automerge.change(doc, (draft) => putDirectoryEntry(draft, 'outreachTeams', 'c', { name: 'thot' }, TODAY))).toThrow(ValidationError)
  })

  it('merges one entry into another: it goes, its names kept as the other’s aliases', () => {
    const merged = Automerge.change(withTwo(), (doc) => mergeOutreachTeams(doc, 'b', 'a'))
    expect(directoryEntries(merged, 'outreachTeams')).toEqual({ a: { name: 'Tower Hamlet Outreach', aliases: ['THOT'] } })
    expect(() => Automerge.change(merged, (doc) => mergeOutreachTeams(doc, 'a', 'a'))).toThrow('Choose two different outreach teams on the list')
  })
})

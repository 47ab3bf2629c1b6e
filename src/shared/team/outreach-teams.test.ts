import { describe, expect, it } from 'vitest'
import { groupByOrganisation, listedOrganisation, organisationKey, referrerKindLabel, withAliases } from './outreach-teams'

describe('one organisation, one entry', () => {
  it('takes an organisation typed with other capitals, accents, spacing or punctuation as the same one', () => {
    expect(organisationKey('  St Mungo’s  Outreach ')).toBe(organisationKey("st mungo's outreach"))
    expect(organisationKey('Tîm Allgymorth Caerdydd')).toBe(organisationKey('Tim Allgymorth Caerdydd'))
    expect(organisationKey('Thames Reach & Partners')).toBe(organisationKey('Thames Reach and Partners'))
    expect(organisationKey('Tower Hamlets Outreach')).not.toBe(organisationKey('Tower Hamlets Outreach Team'))
  })

  it('finds the list’s spelling of a name typed another way', () => {
    const list = [{ name: 'Tower Hamlets Outreach' }, { name: 'Westminster Outreach', aliases: ['Westminster Street Outreach'] }]
    expect(listedOrganisation(list, 'tower hamlets  OUTREACH')).toBe('Tower Hamlets Outreach')
    expect(listedOrganisation(list, 'Camden Outreach')).toBeUndefined()
    expect(listedOrganisation(list, '  ')).toBeUndefined()
    expect(listedOrganisation(list, 'westminster street outreach')).toBe('Westminster Outreach')
  })

  it('groups referrals by organisation, named as the list spells it, or as most of them did', () => {
    const referrals = ['tower hamlets outreach', 'Tower Hamlets Outreach', 'camden outreach', 'Camden Outreach', 'Camden Outreach']
    const grouped = groupByOrganisation(referrals, (name) => name, [{ name: 'Tower Hamlets Outreach' }])
    expect([...grouped].map(([name, group]) => [name, group.length])).toEqual([
      ['Tower Hamlets Outreach', 2],
      ['Camden Outreach', 3],
    ])
  })

  it('counts cases naming an old name (a rename, or an entry merged in) under the entry that kept it', () => {
    const referrals = ['Tower Hamlet Outreach', 'THOT', 'Tower Hamlets Outreach', 'Camden Outreach']
    const grouped = groupByOrganisation(referrals, (name) => name, [{ name: 'Tower Hamlets Outreach', aliases: ['Tower Hamlet Outreach', 'thot'] }])
    expect([...grouped].map(([name, group]) => [name, group.length])).toEqual([
      ['Tower Hamlets Outreach', 3],
      ['Camden Outreach', 1],
    ])
  })

  it('keeps each old name once, and never the entry’s own name, as an alias', () => {
    expect(withAliases({ name: 'Tower Hamlets Outreach', aliases: ['THOT'] }, ['thot', 'tower hamlets outreach', 'Tower Hamlet Outreach'])).toEqual([
      'THOT',
      'Tower Hamlet Outreach',
    ])
  })
})

describe('the kind of a referring organisation', () => {
  const list = [{ name: 'Westminster Outreach', aliases: ['WOT'], kind: 'outreach-team' as const }, { name: 'St Mungo’s Day Centre' }]

  it('is the list entry’s kind, found by any of its names, and "Not recorded" where the list has none', () => {
    expect(referrerKindLabel(list, 'wot')).toBe('Outreach team')
    expect(referrerKindLabel(list, 'St Mungo’s Day Centre')).toBe('Not recorded')
    expect(referrerKindLabel(list, 'Somewhere new')).toBe('Not recorded')
    expect(referrerKindLabel(list, undefined)).toBe('Not recorded')
  })

  it('is always Self-referral for a self-referral, whether or not the list has it', () => {
    expect(referrerKindLabel([], 'self referral')).toBe('Self-referral')
  })
})

import { describe, expect, it } from 'vitest'
import { BRADFORD, CASEWORKER, caseIn, edit, read } from '../../../tests/support/cases'
import type { Agency, PaperworkSettings } from '../team/settings'
import * as change from './changes'
import { planClosureLetter } from './closure-letter'

const letterhead = { organisation: 'Riverside Outreach', teamName: 'Safe Connections team', address: '1 High St', phone: '020 7946 0321', email: 'sc@example.org' }
const FLOATING: Agency = { name: 'Bradford Floating Support', localAuthority: BRADFORD, service: 'Floating support', phone: '01632 960100' }
const RECOVERY: Agency = { name: 'Bradford Recovery Service', localAuthority: BRADFORD, service: 'Drug and alcohol service' }
const FOOD: Agency = { name: 'Bradford Food Bank', localAuthority: BRADFORD }
const withDirectory = (agencies: Agency[]): PaperworkSettings => ({
  letterhead,
  housingOptions: {},
  agencies: Object.fromEntries(agencies.map((agency, i) => [`a${i}`, agency])),
})

/** A case at Phase 8, with what the caseworker recorded along the way. */
function atClosure(sections: { stepDown?: Record<string, unknown>; reconnectionDay?: Record<string, unknown>; closure?: Record<string, unknown>; referral?: Record<string, unknown> } = {}) {
  return read(
    edit(caseIn('closure-and-review'), (d) => {
      for (const [section, values] of Object.entries(sections)) change.updateSection(d, section as 'stepDown', values, CASEWORKER)
    }),
  )
}

describe('what the closure letter says', () => {
  it('names the support arranged at step down first, with the directory’s details for it, then the other services', () => {
    const plan = planClosureLetter(
      atClosure({ stepDown: { handoverAgencies: 'Bradford Recovery Service: Sam Khan, key worker\n- St Anne’s day centre, Tuesdays' } }),
      withDirectory([FOOD, FLOATING, RECOVERY]),
    )
    expect(plan.problems).toEqual([])
    expect(plan.arranged).toEqual([
      { text: 'Bradford Recovery Service: Sam Khan, key worker', agencies: [RECOVERY], namesOnly: false, name: 'Bradford Recovery Service', arranged: 'Sam Khan, key worker', noContact: false },
      { text: 'St Anne’s day centre, Tuesdays', agencies: [], namesOnly: false, name: 'St Anne’s day centre, Tuesdays', noContact: true },
    ])
    expect(plan.agencies.map((agency) => agency.name)).toEqual(['Bradford Floating Support', 'Bradford Food Bank'])
  })

  it('finds the directory’s entries for agencies a line names in everyday words: folded, without the place, or by the start of the name', () => {
    const turningPoint: Agency = { name: 'Turning Point Scotland', localAuthority: BRADFORD, phone: '01632 960200' }
    const cafe: Agency = { name: 'Café Nova', localAuthority: BRADFORD }
    const plan = planClosureLetter(
      atClosure({ stepDown: { handoverAgencies: 'Floating support and Turning Point in Bradford\nCAFE NOVA on Fridays\nBradford Recovery: Sam\nTurning Point on Mondays' } }),
      withDirectory([FOOD, FLOATING, RECOVERY, turningPoint, cafe]),
    )
    expect(plan.arranged.map((support) => support.agencies.map((agency) => agency.name))).toEqual([
      ['Bradford Floating Support', 'Turning Point Scotland'],
      ['Café Nova'],
      ['Bradford Recovery Service'],
      [], // given already, under the first line
    ])
    expect(plan.agencies).toEqual([FOOD])
  })

  it('tells a line that only names a directory agency (whatever its capitals and spacing) from one that says more', () => {
    const advice: Agency = { name: 'Citizens Advice Bradford', localAuthority: BRADFORD, phone: '01632 960300' }
    const plan = planClosureLetter(
      atClosure({ stepDown: { handoverAgencies: 'the GP practice\ncitizens  ADVICE\nBradford Floating Support and the Bradford Food Bank\nBradford Recovery: Sam' } }),
      withDirectory([FOOD, FLOATING, RECOVERY, advice]),
    )
    expect(plan.arranged).toEqual([
      { text: 'the GP practice', agencies: [], namesOnly: false, name: 'Your GP practice', noContact: true },
      { text: 'citizens  ADVICE', agencies: [advice], namesOnly: true, name: 'Citizens Advice Bradford', noContact: false },
      { text: 'Bradford Floating Support and the Bradford Food Bank', agencies: [FLOATING, FOOD], namesOnly: true, name: 'Bradford Floating Support and the Bradford Food Bank', noContact: false },
      { text: 'Bradford Recovery: Sam', agencies: [RECOVERY], namesOnly: false, name: 'Bradford Recovery Service', arranged: 'Sam', noContact: false },
    ])
  })

  // A new user's try found "the GP practice" in bold, lower case and with no details, in the letter's list.
  it('heads a service the caseworker named by its kind as the client’s own, with the details they gave', () => {
    const plan = planClosureLetter(
      atClosure({ stepDown: { handoverAgencies: 'the GP practice: Dr Okoro, Beeston Hill Surgery, 0113 496 0123\nthe community mental health team\nthe Salvation Army - lunch on Sundays\nfloating support' } }),
      withDirectory([]),
    )
    expect(plan.arranged.map(({ name, arranged }) => ({ name, arranged }))).toEqual([
      { name: 'Your GP practice', arranged: 'Dr Okoro, Beeston Hill Surgery, 0113 496 0123' },
      { name: 'Your community mental health team', arranged: undefined },
      { name: 'The Salvation Army', arranged: 'Lunch on Sundays' },
      { name: 'Floating support', arranged: undefined },
    ])
  })

  // A new user's try found "Shelter" over "Shelter: Sam is your adviser", and the support with no
  // directory entry a lone line apart from the list.
  it('makes each line a list item: its name once, then what was arranged, in the caseworker’s words', () => {
    const shelter: Agency = { name: 'Shelter', localAuthority: BRADFORD, phone: '0808 800 4444' }
    const plan = planClosureLetter(
      atClosure({
        stepDown: {
          handoverAgencies:
            'Shelter: Sam is your adviser, Mondays\nbradford recovery - Sam Khan\nHorton Housing: tenancy support, every Tuesday\nSt Anne’s day centre — lunch on Fridays\nA key worker at Bradford Floating Support',
        },
      }),
      withDirectory([shelter, RECOVERY, FLOATING]),
    )
    expect(plan.arranged.map(({ name, arranged }) => [name, arranged])).toEqual([
      ['Shelter', 'Sam is your adviser, Mondays'],
      ['Bradford Recovery Service', 'Sam Khan'],
      ['Horton Housing', 'Tenancy support, every Tuesday'],
      ['St Anne’s day centre', 'Lunch on Fridays'],
      // Named within the caseworker's sentence, the sentence is kept whole.
      ['Bradford Floating Support', 'A key worker at Bradford Floating Support'],
    ])
  })

  it('takes a short name two agencies share as naming neither', () => {
    const plan = planClosureLetter(
      atClosure({ stepDown: { handoverAgencies: 'Turning Point' } }),
      withDirectory([
        { name: 'Turning Point Scotland', localAuthority: BRADFORD },
        { name: 'Turning Point Housing', localAuthority: BRADFORD },
      ]),
    )
    expect(plan.arranged).toEqual([{ text: 'Turning Point', agencies: [], namesOnly: false, name: 'Turning Point', noContact: true }])
  })

  it('is made from what the case records when the directory has nothing for the area, with a note for the manager', () => {
    const plan = planClosureLetter(atClosure({ stepDown: { handoverAgencies: 'Horton Housing floating support' } }), withDirectory([]))
    expect(plan.problems).toEqual([])
    expect(plan.notes).toContain(
      'The team directory has no services for Bradford: a manager can add them in Team settings. This letter names the support recorded on the case.',
    )
    expect(plan.arranged).toEqual([{ text: 'Horton Housing floating support', agencies: [], namesOnly: false, name: 'Horton Housing floating support', noContact: true }])
  })

  // A new user's try found "Turning Point" printed bare: no directory entry, and no way to reach it.
  it('tells the caseworker, before it is made, of a service it gives no way to reach, and takes one whose line says how', () => {
    const plan = planClosureLetter(atClosure({ stepDown: { handoverAgencies: 'Turning Point\nShelter: Jo, 0114 201 9999\nBradford Floating Support' } }), withDirectory([FLOATING]))
    expect(plan.arranged.map((support) => [support.name, support.noContact])).toEqual([
      ['Turning Point', true],
      ['Shelter', false],
      ['Bradford Floating Support', false],
    ])
    expect(plan.problems).toEqual([])
    expect(plan.notes).toContain(
      'The letter gives no way to reach Turning Point: write its phone number on its line at step down (Phase 7, "Turning Point: 01632 960200"), or a manager can add it to the team directory in Team settings. Until then the letter asks the client to call the team for its details.',
    )
    expect(plan.notes.filter((note) => note.startsWith('The letter gives no way'))).toHaveLength(1)
  })

  // A new user's try: a case closed as not appropriate (at risk of harm in the area of connection)
  // was sent a letter listing that area's services and its council's homelessness team.
  it('names no service or council of the area of connection when the client never moved there', () => {
    const stopped = read(
      edit(caseIn('reconnection-planning'), (d) => {
        change.updateSection(d, 'reconnectionDay', { presentationOutcome: 'pending' }, CASEWORKER)
      }),
    )
    const plan = planClosureLetter(stopped, withDirectory([FOOD, FLOATING, RECOVERY]))
    expect(plan.area).toBeUndefined()
    expect(plan.agencies).toEqual([])
    expect(plan.decisionPending).toBe(false)
    expect(plan.problems.filter((problem) => problem.startsWith('Record the local agencies'))).toEqual([])
    expect(plan.notes.some((note) => note.startsWith('The client did not move'))).toBe(true)
    // Closed as not appropriate after a new address there was recorded: still none of that area's.
    const atRisk = read(
      edit(caseIn('reconnection-planning'), (d) => {
        change.updateSection(d, 'reconnectionDay', { newAddress: 'Flat 1, 2 Manor Row, Bradford' }, CASEWORKER)
        change.closeCase(d, { type: 'inappropriate', inappropriateReason: 'risk-of-harm', details: 'At risk of harm from a former partner there.', on: '2026-09-01', id: 'closed' }, CASEWORKER)
      }),
    )
    expect(planClosureLetter(atRisk, withDirectory([FOOD])).agencies).toEqual([])
    // Moved, the same directory is the letter's.
    expect(planClosureLetter(atClosure(), withDirectory([FOOD])).agencies).toEqual([FOOD])
  })

  it('is not made with nobody named to support the client', () => {
    expect(planClosureLetter(atClosure(), withDirectory([])).problems).toEqual([
      'Record the local agencies taking over support (Phase 7, Step down of support): the letter tells the client who their support will be',
    ])
  })

  it('goes to the new address once known, else the postal address the client gave, else their latest address', () => {
    const settings = withDirectory([FLOATING])
    // The case's address history ends every stay, so without an address given there is none.
    expect(planClosureLetter(atClosure(), settings).address).toEqual([])
    expect(planClosureLetter(atClosure(), settings).notes).toContain(
      "No postal address is recorded: add the client's new address (Phase 5, Reconnection day) before posting the letter, or hand it to them.",
    )
    const given = { referral: { postalAddress: 'c/o St Anne’s Day Centre\nLeeds Road\nBradford BD1 5LJ' } }
    expect(planClosureLetter(atClosure(given), settings).address).toEqual(['c/o St Anne’s Day Centre', 'Leeds Road', 'Bradford BD1 5LJ'])
    const moved = { ...given, reconnectionDay: { newAddress: 'Flat 2, 18 Thornton Road, Bradford BD1 2JB' } }
    expect(planClosureLetter(atClosure(moved), settings).address).toEqual(['Flat 2', '18 Thornton Road', 'Bradford BD1 2JB'])
  })

  it.each([
    ['no positive decision yet in temporary accommodation (Tool 4, Step 4)', { closure: { inTemporaryAccommodation: 'yes', positiveDecision: 'no' } }, true],
    ['in temporary accommodation, Step 4 not answered', { closure: { inTemporaryAccommodation: 'yes' } }, true],
    ['the presentation left the decision pending', { reconnectionDay: { presentationOutcome: 'pending' } }, true],
    ['a positive decision', { reconnectionDay: { presentationOutcome: 'pending' }, closure: { inTemporaryAccommodation: 'yes', positiveDecision: 'yes' } }, false],
    ['not in temporary accommodation, nothing pending', { closure: { inTemporaryAccommodation: 'no' } }, false],
    // A new user's try: closed planned, in her own flat; the presentation had left it pending.
    ['pending on the day, then Tool 4 Step 3 "No" to temporary accommodation (Step 4 not needed)', { reconnectionDay: { presentationOutcome: 'pending' }, closure: { inTemporaryAccommodation: 'no' } }, false],
    ['placed in temporary accommodation on the day, then Tool 4 Step 3 "No"', { reconnectionDay: { presentationOutcome: 'accepted-temporary' }, closure: { inTemporaryAccommodation: 'no' } }, false],
    ['pending on the day, then a positive decision before Step 3 is answered', { reconnectionDay: { presentationOutcome: 'pending' }, closure: { positiveDecision: 'yes' } }, false],
  ])('a homelessness decision still to come: %s', (_, sections, pending) => {
    expect(planClosureLetter(atClosure({ stepDown: { handoverAgencies: 'Horton Housing' }, ...sections }), withDirectory([])).decisionPending).toBe(pending)
  })

  it('reads a home of her own recorded since the reconnection as the application settled, before Tool 4 is answered', () => {
    const housed = (from: string) =>
      read(
        edit(caseIn('closure-and-review'), (d) => {
          change.updateSection(d, 'stepDown', { handoverAgencies: 'Horton Housing' }, CASEWORKER)
          change.updateSection(d, 'reconnectionDay', { presentationOutcome: 'pending' }, CASEWORKER)
          change.addItem(d, 'addresses', 'flat', { address: 'Flat 2, 45 Leeds Road', localAuthority: BRADFORD, kind: 'own-tenancy', from }, CASEWORKER)
        }),
      )
    const reconnected = read(caseIn('closure-and-review')).reconnectionDay.date!
    expect(planClosureLetter(housed(reconnected), withDirectory([])).decisionPending).toBe(false)
    // A home she had before the reconnection says nothing of the application made on the day.
    expect(planClosureLetter(housed('2023-01-01'), withDirectory([])).decisionPending).toBe(true)
  })
})

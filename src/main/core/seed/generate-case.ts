import { randomUUID } from 'node:crypto'
import { addDays, addMonths, parseISO, subYears } from 'date-fns'
import * as Automerge from '@automerge/automerge'
import { authoredBy } from '../../../shared/authorship'
import { addWorkingDays } from '../../../shared/calendar/working-days'
import * as change from '../../../shared/case/changes'
import type { ChangeContext } from '../../../shared/case/changes'
import { newCaseDoc, type CaseDoc } from '../../../shared/case/case-doc'
import { closurePoint, type UnplannedReason } from '../../../shared/case/closure'
import { addLearningPoint } from '../../../shared/case/learning-points'
import type { RejectionReason } from '../../../shared/case/referral'
import { PHASES, type Phase } from '../../../shared/case/phases'
import { isoDateOf, type IsoDate } from '../../../shared/dates'
import type { Person } from '../../../shared/people'
import { SELF_REFERRAL } from '../../../shared/team/outreach-teams'
import { Random } from './random'
import { ownRandom, sampleMarker, sampleNeeds, samplePhase6 } from './sample-casework'
import {
  ACTION_TEMPLATES,
  AGENCIES,
  DAY_CENTRES,
  DESTINATIONS,
  LEARNING_POINTS,
  PRIORITY_NEEDS,
  LONDON,
  NAMES,
  NOTE_TEMPLATES,
  REFERRERS,
  REFERRING_ORGANISATIONS,
  RELATIVES,
  SITES,
  SUPPORT_NEEDS,
} from './sample-data'
import { placeName } from '../../../shared/places/place-name'

export interface SeedTeam {
  manager: Person
  caseworkers: Person[]
}

/** Where a sample case's journey is meant to end (it stops earlier if "today" comes first). */
type Ending =
  | 'open'
  | 'planned'
  | 'unplanned'
  | 'no-progress'
  | 'inappropriate'
  | 'rejected'

export interface GeneratedCase {
  doc: Automerge.Doc<CaseDoc>
}

/** Roughly how many days into a case each phase begins, for open sample cases. */
const DAYS_TO_REACH: Record<Phase, number> = {
  identify: 0,
  allocate: 3,
  engage: 7,
  'reconnection-planning': 25,
  reconnection: 55,
  'intensive-support': 65,
  'step-down': 140,
  'closure-and-review': 175,
}

/** The support plan's goal every sample client sets in Phase 6, which their review ticks. */
const SAMPLE_GOAL = 'Keep my flat and get to know people here'

/** A stop in the journey: today has come. */
class TodayReached extends Error {}

/**
 * One sample case, made the way a team would make it: through the domain's own changes, signed by
 * the caseworker or manager of the day, on a clock that moves through the weeks of the case.
 */
export function generateCase(rng: Random, team: SeedTeam, today: IsoDate): GeneratedCase {
  const names = rng.pick(NAMES)
  const clientName = `${rng.pick(names.first)} ${rng.pick(names.last)}`
  const destination = rng.pick(DESTINATIONS)
  const place = placeName(destination.code)
  const relative = rng.pick(RELATIVES)
  const lead = rng.pick(team.caseworkers)
  const ending = rng.weighted<Ending>([
    ['open', 60],
    ['planned', 14],
    ['unplanned', 10],
    ['no-progress', 4],
    ['inappropriate', 4],
    ['rejected', 8],
  ])
  // An open case stops in a phase, having started about as long ago as reaching it takes.
  const stopAt = rng.pick(PHASES)
  const start = isoDateOf(
    addDays(parseISO(today), ending === 'open' ? -(DAYS_TO_REACH[stopAt] + rng.int(1, 25)) : -rng.int(200, 720)),
  )
  const stopHere = (phase: Phase) => ending === 'open' && stopAt === phase
  let day = start
  let minute = 0
  const own = ownRandom(`${clientName} ${start}`)
  let markerId: string | undefined
  const context = (who: Person): ChangeContext => {
    const now = parseISO(`${day}T09:00:00Z`)
    now.setUTCMinutes(now.getUTCMinutes() + (minute += rng.int(3, 40)))
    return { author: { id: who.id, name: who.name }, role: who.role, now, today: day }
  }
  const later = (workingDays: number) => {
    const next = addWorkingDays(day, workingDays)
    if (next > today) throw new TodayReached()
    day = next
    minute = 0
  }
  const fill = (template: string) =>
    template
      .replaceAll('{name}', clientName.split(' ')[0]!)
      .replaceAll('{place}', place)
      .replaceAll('{relative}', relative)
      .replaceAll('{agency}', rng.pick(AGENCIES))
      .replaceAll('{centre}', rng.pick(DAY_CENTRES))

  const author = context(lead)
  // Both are drawn even for a self-referral, so that every later draw, and so every other sample case, stays as it was.
  const referredBy = { referrerName: rng.pick(REFERRERS), outreachTeam: rng.pick(REFERRING_ORGANISATIONS).name }
  // Some clients refer themselves (the referrer is the client); decided by a generator of the case's own, for the same reason.
  const selfReferred = ownRandom(`${clientName} ${start} referred`).chance(0.12)
  // Its first change names the lead caseworker who took the referral (Automerge.from names nobody).
  const first = newCaseDoc(
    {
      clientName,
      dateOfBirth: isoDateOf(addDays(subYears(parseISO(start), rng.int(19, 64)), -rng.int(0, 364))),
      ...(rng.chance(0.85) ? { chainNumber: String(rng.int(100000, 9999999)) } : {}),
      ...(selfReferred ? { referrerName: clientName, outreachTeam: SELF_REFERRAL } : referredBy),
    },
    { id: randomUUID(), author: author.author, now: author.now, today: start },
  )
  let doc = Automerge.change(Automerge.init<CaseDoc>(), authoredBy(author.author, author.now), (d) => Object.assign(d, first))
  const act = (who: Person, edit: (d: CaseDoc, c: ChangeContext) => void) => {
    const c = context(who)
    doc = Automerge.change(doc, authoredBy(c.author, c.now), (d) => edit(d, c))
  }
  const note = (who: Person, type: 'face-to-face' | 'phone' | 'with-agency' = 'face-to-face') =>
    act(who, (d, c) => change.addNote(d, { date: day, type, text: fill(rng.pick(NOTE_TEMPLATES)) }, { ...c, id: randomUUID() }))
  const action = (owner: Person, dueIn: number, done: boolean) =>
    act(owner, (d, c) =>
      change.addAction(
        d,
        randomUUID(),
        { description: fill(rng.pick(ACTION_TEMPLATES)), due: addWorkingDays(day, dueIn), ...(done ? { doneOn: day } : {}) },
        { id: owner.id, name: owner.name },
        c,
      ),
    )
  const close = (who: Person, closure: Omit<change.Closure, 'on' | 'id'>) =>
    act(who, (d, c) => change.closeCase(d, { ...closure, on: day, id: randomUUID() }, c))
  // The onward referrals, reviews and follow-ups draw from their own numbers, so a seed still gives
  // the rest of its sample workspace as before they were added.
  const more = new Random([...`${clientName} ${start}`].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0, 2166136261))
  const partnerReferral = randomUUID()
  // The actions agreed on it beyond the first visit, and which get done: drawn by a generator of their own, for the same reason.
  const agreed = ownRandom(`${clientName} ${start} partner actions`)
  const [firstVisit, benefitsHelp, introduction] = [randomUUID(), agreed.chance(0.6) ? randomUUID() : undefined, agreed.chance(0.4) ? randomUUID() : undefined]
  const [benefitsHelpDone, introductionDone] = [agreed.chance(0.7), agreed.chance(0.6)]
  /** The follow-up checks 3 and 6 months after closing today, as far as today has come; now and then one not made yet, so the board shows it due. */
  const followUps = (who: Person) => {
    const closedOn = day
    for (const months of [3, 6] as const) {
      const on = addWorkingDays(isoDateOf(addMonths(parseISO(closedOn), months)), more.int(0, 6))
      if (on > today || more.chance(0.15)) return
      day = on
      const returned = more.chance(0.15)
      act(who, (d, c) =>
        change.addItem(
          d,
          'followUps',
          randomUUID(),
          {
            check: months === 3 ? '3-months' : '6-months',
            doneOn: on,
            contactMethod: more.pick(['phone', 'in-person', 'partner-agency', 'text-or-email'] as const),
            stillAccommodated: returned ? 'no' : 'yes',
            returnedToRoughSleeping: returned ? 'yes' : 'no',
            returnedToArea: returned && more.chance(0.5) ? 'yes' : 'no',
            note: returned ? `Seen sleeping out again by the outreach team; ${place} Housing Options told.` : `Still in the flat in ${place}; getting on with the neighbours.`,
          },
          c,
        ),
      )
    }
  }

  // The parts added after the first sample data draw from their own generator, seeded by the
  // client's name, so that every case the seed made before (its name, phase, dates) stays the same.
  const extra = new Random([...clientName].reduce((hash, char) => Math.imul(hash, 31) + char.charCodeAt(0), 7))
  try {
    // Phase 1: the referral, checked and decided.
    act(lead, (d, c) => {
      change.updateSection(
        d,
        'referral',
        {
          criterionLocalConnection: 'yes',
          criterionRoughSleeping: rng.pick(['living-on-street', 'intermittent', 'bedded-down'] as const),
          criterionMultipleNeeds: 'yes',
          whyReferred: `Long-term rough sleeper with no connection to the area; wants to go back to ${place}.`,
          ssoCurrent: `Reconnection to ${place}`,
          // Where letters reach them while rough sleeping: a day centre that takes post.
          postalAddress: 'c/o The Connection at St Martin’s\n12 Adelaide Street\nLondon WC2N 4HW',
          ssoOnChain: 'yes',
          ssoEngaging: rng.pick(['yes', 'no'] as const),
          siteUsuallySeen: rng.pick(SITES),
          siteServices: rng.pick(DAY_CENTRES),
          ukNational: 'yes',
          hasId: rng.pick(['yes', 'no'] as const),
          publicFunds: 'yes',
          publicFundsBasis: 'british-or-irish',
          supportNeeds: rng.pick(SUPPORT_NEEDS),
          lcLived: `${place}, most of the last five years`,
          lcFamily: `${relative[0]!.toUpperCase()}${relative.slice(1)} in ${place}`,
          chainFlowUpdated: 'yes',
          referrerSignature: 'Signed on the form',
          referralDate: day,
        },
        c,
      )
      change.updateSection(d, 'contact', { ...sampleContact(extra, clientName, String(d.referral.siteUsuallySeen), day), ...sampleBeliefs(clientName, start) }, c)
    })
    later(rng.int(1, 3))
    if (ending === 'rejected') {
      const reason = rng.pick(['insufficient-need', 'no-local-connection', 'withdrawn', 'referred-elsewhere', 'declined', 'unable-to-locate'] as RejectionReason[])
      act(team.manager, (d, c) => change.rejectReferral(d, { on: day, reason, signposting: `Signposted to ${rng.pick(DAY_CENTRES)}`, id: randomUUID() }, c))
      return { doc }
    }
    if (stopHere('identify') && rng.chance(0.5)) return { doc }
    act(team.manager, (d, c) => change.acceptReferral(d, day, c))
    if (stopHere('identify')) return { doc }
    act(team.manager, (d, c) => change.advancePhase(d, randomUUID(), c))
    if (stopHere('allocate')) return { doc }

    // Phase 2: allocation.
    later(rng.int(0, 4))
    act(team.manager, (d, c) => {
      change.allocate(d, { id: lead.id, name: lead.name }, day, c)
      change.updateSection(d, 'allocation', { chainUpdated: 'yes' }, c)
      change.advancePhase(d, randomUUID(), c)
    })

    // Phase 3: engagement, at the client's pace.
    for (let i = rng.int(1, 5); i > 0; i--) {
      later(rng.int(1, 6))
      note(lead)
    }
    if (stopHere('engage')) return { doc }
    if (ending === 'no-progress' && rng.chance(0.5)) {
      later(rng.int(30, 60))
      close(team.manager, { type: 'no-progress', details: 'No contact for two months despite outreach shifts.' })
      return { doc }
    }
    later(rng.int(1, 5))
    act(lead, (d, c) => {
      change.updateSection(
        d,
        'engagement',
        { consentToRecord: 'yes', consentToRecordOn: day, consentToRecordHow: rng.pick(['verbal', 'written'] as const), serviceExplainedOn: day, referralConfirmedOn: day },
        c,
      )
      change.updateSection(d, 'equality', sampleEquality(extra), c)
      for (const agency of [rng.pick(AGENCIES), rng.pick(AGENCIES)]) {
        change.addItem(d, 'sharingConsents', randomUUID(), { agency, givenOn: day, how: 'written' }, c)
      }
      change.updateSection(d, 'needs', sampleNeeds(own, day, lead.name), c)
      if (own.chance(0.25)) {
        markerId = randomUUID()
        change.addItem(d, 'markers', markerId, sampleMarker(own, day, addWorkingDays(day, 65)), c)
      }
      change.advancePhase(d, randomUUID(), c)
    })
    if (ending === 'unplanned' && rng.chance(0.3)) {
      later(rng.int(5, 20))
      close(lead, { type: 'unplanned', unplannedReason: rng.pick(['disengaged', 'in-custody', 'other'] as UnplannedReason[]), details: 'Lost contact.' })
      return { doc }
    }

    // Phase 4: reconnection planning.
    later(rng.int(2, 6))
    // Long enough in the home area for a local connection (3 of the last 5 years), so the safety
    // checks can pass.
    const years = rng.int(4, 12)
    act(lead, (d, c) => {
      const moved = isoDateOf(addDays(parseISO(day), -rng.int(60, 400)))
      change.addItem(
        d,
        'addresses',
        randomUUID(),
        {
          address: `${rng.int(1, 240)} ${rng.pick(destination.streets)}`,
          postcode: `${destination.postcode}${rng.int(1, 9)} ${rng.int(1, 9)}${rng.pick(['AB', 'DE', 'HJ', 'LN', 'PQ', 'RT'])}`,
          localAuthority: destination.code,
          kind: rng.pick(['own-tenancy', 'with-family'] as const),
          from: isoDateOf(subYears(parseISO(moved), years)),
          to: moved,
          evidence: 'Tenancy letter seen',
        },
        c,
      )
      const london = rng.pick(LONDON)
      change.addItem(d, 'addresses', randomUUID(), { address: `Sleeping rough, ${rng.pick(london.streets)}`, localAuthority: london.code, kind: 'rough-sleeping', from: moved }, c)
      if (rng.chance(0.6)) {
        change.addItem(d, 'family', randomUUID(), { relationship: relative, name: rng.pick(names.first), localAuthority: destination.code, years: rng.int(5, 40) }, c)
      }
      change.updateSection(
        d,
        'plan',
        {
          destination: destination.code,
          housingOptionsName: rng.pick(['Sarah Patel', 'Gareth Lloyd', 'Aisha Khan', 'Colin Murray']),
          housingOptionsPhone: dramaNumber(rng),
          earlyContactOn: day,
          earlyContactOutcome: 'Not known to them; happy to see the client on presentation with the pack.',
          alreadyKnown: 'no',
          partSevenIntended: 'yes',
          docIdentity: 'gathered',
          docBenefits: 'gathered',
          docMedical: rng.pick(['gathered', 'to-get'] as const),
          docAddressHistory: 'gathered',
          docPriorityNeed: rng.pick(['gathered', 'not-applicable'] as const),
          clientPrepared: 'yes',
          emergencyAccommodation: rng.pick(['yes', 'no'] as const),
          healthArrangements: 'GP letter requested; script to transfer on the day of travel.',
          packConsent: rng.chance(0.9) ? 'yes' : 'unknown',
          packHealthConsent: rng.pick(['yes', 'yes', 'no'] as const),
          priorityNeed: rng.pick(PRIORITY_NEEDS),
          presentationArrangements: 'We will arrive for 10am. The client would prefer a quiet room if one is free.',
        },
        c,
      )
    })
    action(lead, 3, true)
    action(lead, 5, rng.chance(0.7))
    for (let i = rng.int(2, 6); i > 0; i--) {
      later(rng.int(1, 5))
      note(lead, rng.pick(['face-to-face', 'phone', 'with-agency'] as const))
    }
    if (stopHere('reconnection-planning')) return { doc }
    later(rng.int(1, 3))
    const inappropriate = ending === 'inappropriate'
    act(lead, (d, c) => {
      change.updateSection(d, 'risk', { assessedOn: day, flightRisk: rng.pick(['low', 'medium', 'high'] as const), otherRisks: 'Old associates in the area.', mitigations: 'Caseworker travels with the client; daily calls for the first week.' }, c)
      change.updateSection(d, 'safety', { riskOfHarm: inappropriate ? 'yes' : 'no', excluded: 'no', reoffending: 'no', partSevenAccepted: 'no' }, c)
    })
    if (inappropriate) {
      later(rng.int(1, 5))
      close(team.manager, { type: 'inappropriate', inappropriateReason: 'risk-of-harm', details: `Risk of harm from a former partner in ${place}; support offered locally instead.` })
      return { doc }
    }
    act(lead, (d, c) => change.advancePhase(d, randomUUID(), c))

    // Phase 5: the day of the move.
    later(rng.int(2, 8))
    if (stopHere('reconnection')) {
      act(lead, (d, c) => change.updateSection(d, 'reconnectionDay', { date: addWorkingDays(day, 3), travelPlan: `Coach to ${place}`, travelBooked: 'yes' }, c))
      return { doc }
    }
    const arrivedOn = day
    act(lead, (d, c) => {
      change.updateSection(
        d,
        'reconnectionDay',
        {
          date: day,
          travelPlan: `Coach from Victoria to ${place}, caseworker travelling too.`,
          travelBooked: 'yes',
          bookingReference: `NX${rng.int(100000, 999999)}`,
          accompaniedBy: lead.name,
          enRouteToldOn: day,
          newAddress: `Flat ${rng.int(1, 12)}, ${rng.int(2, 90)} ${rng.pick(destination.streets)}\n${place} ${destination.postcode}${rng.int(1, 9)} ${rng.int(1, 9)}${rng.pick(['AB', 'DE', 'HJ', 'LN', 'PQ', 'RT'])}`,
          presentationOutcome: rng.pick(['accepted-temporary', 'pending', 'placed-supported'] as const),
          arrivedOn: day,
          confidence: rng.int(2, 5),
        },
        c,
      )
      change.addItem(d, 'expenses', randomUUID(), { date: day, category: 'travel', description: `Coach to ${place}`, amount: rng.int(25, 90) * 100 }, c)
      change.addItem(d, 'expenses', randomUUID(), { date: day, category: 'food', description: 'Meals on the day', amount: rng.int(500, 2000) }, c)
      change.advancePhase(d, randomUUID(), c)
    })

    // Phase 6: intensive support, about three months.
    later(rng.int(1, 3))
    act(lead, (d, c) => {
      change.recordWellbeing(d, 'start', { on: day, items: Array.from({ length: 7 }, () => rng.int(1, 3)) }, c)
      change.addItem(
        d,
        'goals',
        randomUUID(),
        { goal: SAMPLE_GOAL, currentStrengths: 'Determined; good with people', peopleAndNetworks: `My ${relative}`, reviewOn: isoDateOf(addDays(parseISO(day), 28)) },
        c,
      )
      // The linkage: floating support in the new area, with a first visit agreed with them, and
      // often more: help with the benefit claims, and an introduction a team member makes.
      change.addItem(
        d,
        'onwardReferrals',
        partnerReferral,
        {
          agency: `${place} Floating Support`,
          madeOn: day,
          reason: 'Weekly visits to settle into the new flat: bills, benefits and the GP',
          outcome: 'accepted',
          outcomeOn: day,
        },
        c,
      )
      change.addPartnerAction(d, partnerReferral, firstVisit, { partnerAction: 'First home visit', partnerActionBy: `${place} Floating Support`, partnerActionDue: addWorkingDays(day, 5) }, c)
      if (benefitsHelp) {
        const values = { partnerAction: 'Help with the Universal Credit claim and the council tax reduction', partnerActionBy: `${place} Floating Support`, partnerActionDue: addWorkingDays(day, 10) }
        change.addPartnerAction(d, partnerReferral, benefitsHelp, values, c)
      }
      if (introduction) {
        const values = { partnerAction: 'Introduce the client to the floating support worker at the day centre', partnerActionBy: lead.name, partnerActionDue: addWorkingDays(day, 15) }
        change.addPartnerAction(d, partnerReferral, introduction, values, c)
      }
      if (more.chance(0.5)) {
        const drugsOrAlcohol = more.pick(['Change Grow Live', 'Turning Point'])
        change.addItem(d, 'onwardReferrals', randomUUID(), { agency: drugsOrAlcohol, madeOn: day, reason: 'Drug and alcohol support, and a script in the new area', outcome: 'pending' }, c)
      }
      change.addItem(d, 'expenses', randomUUID(), { date: day, category: 'move-in-kit', description: 'Bedding, pans and food', amount: rng.int(40, 150) * 100 }, c)
      change.updateSection(d, 'intensiveSupport', samplePhase6(own, day, place), c)
    })
    action(lead, 10, false)
    const visits = stopAt === 'intensive-support' && ending === 'open' ? rng.int(1, 8) : rng.int(4, 12)
    for (let i = 0; i < visits; i++) {
      later(rng.int(3, 7))
      note(lead, rng.pick(['face-to-face', 'phone', 'with-agency'] as const))
      if (rng.chance(0.25)) action(lead, rng.int(2, 10), rng.chance(0.6))
      // Now and then the partner's first visit is missed: SAFE's red flag on the board.
      if (i === 1 && more.chance(0.8)) act(lead, (d, c) => change.updatePartnerAction(d, partnerReferral, firstVisit, { partnerActionDoneOn: day }, c))
      if (i === 3) {
        act(lead, (d, c) => {
          // The later actions agreed with the partner: most done by now, some missed.
          for (const [id, done] of [[benefitsHelp, benefitsHelpDone], [introduction, introductionDone]] as const) {
            if (id && done) change.updatePartnerAction(d, partnerReferral, id, { partnerActionDoneOn: day }, c)
          }
          change.addItem(
            d,
            'reviews',
            randomUUID(),
            {
              reviewedOn: day,
              goals: SAMPLE_GOAL,
              goalsReviewed: `Settling in; has seen their ${relative} twice.`,
              nextReviewOn: isoDateOf(addDays(parseISO(day), 28)),
              ...Object.fromEntries(Array.from({ length: 7 }, (_, n) => [`item${n + 1}`, more.int(2, 4)])),
            },
            c,
          )
        })
      }
      if (ending === 'unplanned' && i === Math.floor(visits / 2)) {
        const reason = rng.pick(['returned-to-rough-sleeping', 'disengaged', 'in-custody', 'died', 'other'] as UnplannedReason[])
        close(lead, { type: 'unplanned', unplannedReason: reason, details: 'See case notes.' })
        if (reason === 'disengaged' || reason === 'other') followUps(lead)
        return { doc }
      }
      if (ending === 'no-progress' && i === Math.floor(visits / 2)) {
        close(team.manager, { type: 'no-progress', details: 'No progress over several months; local services to continue.' })
        return { doc }
      }
    }
    if (stopHere('intensive-support')) return { doc }
    act(lead, (d, c) => change.advancePhase(d, randomUUID(), c))

    // Phase 7: step down.
    later(rng.int(1, 5))
    act(lead, (d, c) => {
      // Some markers end once the client is settled and the risk has passed.
      if (markerId && own.chance(0.5)) change.updateItem(d, 'markers', markerId, { endedOn: day }, c)
      change.updateSection(d, 'stepDown', { startedOn: day, handoverAgencies: `${place} Floating Support: weekly visits to settle in\n${rng.pick(AGENCIES.filter((agency) => agency !== 'floating support'))}`, writtenAgreementOn: day }, c)
    })
    if (stopHere('step-down')) return { doc }
    act(lead, (d, c) => change.advancePhase(d, randomUUID(), c))

    // Phase 8: closure and review, by Tool 4.
    later(rng.int(10, 30))
    note(lead, 'phone')
    act(lead, (d, c) =>
      change.updateSection(d, 'closure', { sufficientSupport: 'yes', lowRiskOfReturn: 'yes', inTemporaryAccommodation: 'no', informedOfClosure: 'yes' }, c),
    )
    if (ending !== 'planned') return { doc }
    // Tool 4, Step 1: not before three months after the move.
    while (day < closurePoint(arrivedOn)!) later(5)
    later(rng.int(1, 5))
    act(lead, (d, c) => {
      change.updateSection(d, 'closure', { agenciesToldOn: day, closedInSystemsOn: day, teamReviewOn: day, reviewNotes: 'Went well; early contact with the council helped.' }, c)
      change.recordWellbeing(d, 'closure', { on: day, items: Array.from({ length: 7 }, () => rng.int(3, 5)) }, c)
      change.markLearningPointsLogged(d, day, c)
      addLearningPoint(d, randomUUID(), { text: rng.pick(LEARNING_POINTS), by: { id: lead.id, name: lead.name }, at: `${day}T16:00:00.000Z` }, c)
    })
    close(lead, { type: 'planned' })
    followUps(lead)
  } catch (error) {
    if (!(error instanceof TodayReached)) throw error
  }
  return { doc }
}

/**
 * A council's number from Ofcom's ranges kept for drama (0113 496 0000 to 0999, and the same for the
 * other big cities' codes), so no sample number is anyone's real one; 11 digits, the shape the phone
 * rule asks of these codes. Three draws, as before, so a seed gives the same sample workspace after it.
 */
function dramaNumber(rng: Random): string {
  const code = rng.pick(['0113', '0114', '0115', '0116', '0117', '0118', '0121', '0131', '0141', '0151', '0161'])
  return `${code} 496 0${rng.int(0, 9)}${String(rng.int(0, 99)).padStart(2, '0')}`
}

/** How the client can be reached, as an outreach worker finds out in the first weeks. */
function sampleContact(rng: Random, clientName: string, site: string, day: IsoDate): Record<string, unknown> {
  const [first, last] = clientName.split(' ') as [string, string]
  return {
    // Ofcom's mobile range kept for drama: 07700 900000 to 900999.
    ...(rng.chance(0.7) ? { phone: `07700 900${String(rng.int(0, 999)).padStart(3, '0')}` } : {}),
    ...(rng.chance(0.3) ? { email: `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}@example.com` } : {}),
    ...(rng.chance(0.35) ? { aliases: rng.pick([`${first[0]}${last[0]}`, `Big ${first}`, `${first} ${last[0]}`, `${first.slice(0, 3)}`]) } : {}),
    preferredContact: rng.pick(['phone', 'text', 'in-person', 'through-service'] as const),
    lastSeenWhere: site.split(',')[0],
    lastSeenOn: day,
  }
}

/**
 * For about one client in five, beliefs the team is to take into account, in a caseworker's words.
 * Drawn by a generator of the case's own, so that every other sample value stays as it was.
 */
function sampleBeliefs(clientName: string, start: IsoDate): Record<string, unknown> {
  const own = ownRandom(`${clientName} ${start} beliefs`)
  if (!own.chance(0.2)) return {}
  return {
    beliefs: own.pick([
      'Muslim: prays five times a day and fasts during Ramadan. Appointments not at Friday midday prayers; halal food only, so food bank parcels checked.',
      'Catholic: would like to be put in touch with a parish in the new area. No other needs.',
      'Vegan for his beliefs: food parcels and meals on travel days without meat, dairy or eggs.',
      'Sikh: wears a turban and kara; prefers a male worker for personal matters. Vegetarian.',
      'Jehovah’s Witness: will not accept a blood transfusion; the GP and any hospital to be told.',
    ]),
  }
}

/** The equality monitoring answers: some questions declined, some never asked, as in real records. */
function sampleEquality(rng: Random): Record<string, unknown> {
  const answer = <T extends string>(values: readonly T[]): T | 'prefer-not-to-say' | undefined =>
    rng.chance(0.1) ? 'prefer-not-to-say' : rng.chance(0.1) ? undefined : rng.pick(values)
  const values = {
    gender: answer(['man', 'man', 'man', 'woman', 'woman', 'non-binary'] as const),
    ethnicity: answer(['white-british', 'white-british', 'white-british', 'white-irish', 'white-other', 'black-caribbean', 'black-african', 'asian-pakistani', 'mixed-white-black-caribbean'] as const),
    disability: answer(['yes', 'no', 'no'] as const),
    sexualOrientation: answer(['straight', 'straight', 'straight', 'gay-or-lesbian', 'bisexual'] as const),
    religion: answer(['none', 'none', 'christian', 'christian', 'muslim', 'other'] as const),
    nationality: answer(['british', 'british', 'british', 'irish'] as const),
  }
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined))
}

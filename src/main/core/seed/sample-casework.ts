import type { MarkerKind } from '../../../shared/case/markers'
import type { NeedLevel } from '../../../shared/case/needs'
import { Random } from './random'

/*
 * The sample data's needs assessments, warning markers and Phase 6 support, as a team writes them.
 * Drawn from a generator of their own (`ownRandom`), so that adding them leaves every other sample
 * value of a seed as it was.
 */

/** A generator for a case's own extra draws, seeded by words of the case (FNV-1a). */
export function ownRandom(words: string): Random {
  let hash = 0x811c9dc5
  for (const char of words) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
  return new Random(hash >>> 0)
}

const LEVELS: readonly NeedLevel[] = ['none', 'low', 'medium', 'high']

/** Each domain's client words, as a caseworker writes them down ("I…"), and the caseworker's note. */
const SAID: Record<string, readonly (readonly [words: string, note: string])[]> = {
  physicalHealth: [["My chest is bad in the winter. I haven't seen a doctor in years.", 'Not registered with a GP; cough for weeks. Register on arrival.'], ["I'm alright, just my feet.", 'Foot care at the day centre clinic.']],
  mentalHealth: [["I get low when I'm on my own.", 'No diagnosis; was seeing the street outreach mental health team.'], ['I used to be on tablets for depression.', 'Wants to see a GP about medication again.']],
  drugs: [["I don't use anything now.", 'Clean for two years; no treatment needed.'], ["I'm on a script and I want to keep it.", 'Methadone script; needs transferring to the home area before travel.']],
  alcohol: [['I drink to get to sleep.', 'Daily drinking, about 8 cans. Interested in a detox referral.'], ["I don't really drink.", 'No concerns.']],
  offending: [["I've been in trouble but not for a long time.", 'Old convictions for theft; not on probation.'], ["I'm on licence till next year.", 'Probation in the home area told; appointments weekly.']],
  money: [["I've got no money coming in.", 'Universal Credit claim to start; no bank account.'], ['My money goes too quick.', 'Wants help with budgeting; small debts to a friend.']],
  id: [['I lost my passport on the street.', 'Birth certificate ordered; provisional driving licence to follow.'], ['I have my birth certificate.', 'Birth certificate held; photo ID needed.']],
  educationAndWork: [['I worked on building sites before.', 'CSCS card lapsed; interested in training once settled.'], ["I'm not ready for work yet.", 'Literacy support offered.']],
  tenancySkills: [["I had my own flat before, I know how to keep it.", 'Previous tenancy ended with arrears; budgeting support.'], ["I've never had my own place.", 'Will need help setting up bills and shopping.']],
  socialNetworks: [['My sister is back home.', 'Sister is supportive and happy to help on arrival.'], ["I've lost touch with most people.", 'Old friends in the home area; some were drinking partners.']],
}

/** A needs assessment done with the client while engaging them. */
export function sampleNeeds(rng: Random, on: string, by: string): Record<string, string> {
  const values: Record<string, string> = { assessedOn: on, assessedBy: by }
  for (const [domain, options] of Object.entries(SAID)) {
    const [words, note] = rng.pick(options)
    values[`${domain}Level`] = rng.pick(LEVELS)
    values[`${domain}ClientWords`] = words
    values[`${domain}Notes`] = note
  }
  // Read from the notes already chosen (no new draw, so every other sample case stays as it was).
  values.onProbation = /on licence/i.test(values.offendingClientWords ?? '') ? 'yes' : 'no'
  if (values.onProbation === 'yes') values.probationContact = 'Offender manager at the home area probation office'
  values.workOrTraining = values.educationAndWorkLevel === 'none' || values.educationAndWorkLevel === 'low' ? 'training' : 'none'
  values.benefitClaims = rng.pick([
    'Universal Credit: claim made from London, to move to the home area Jobcentre.',
    'No claim yet: apply for Universal Credit on arrival; ID needed.',
    'Universal Credit and PIP (standard daily living) in payment to a basic bank account.',
  ])
  return values
}

const MARKERS: readonly { kind: MarkerKind; details: string; safetyPlan: string }[] = [
  { kind: 'risk-to-staff', details: 'Verbally aggressive to a worker at the day centre when drinking (police not called).', safetyPlan: 'Meet in pairs or in public places; not when he has been drinking. He asks for a break when he feels wound up.' },
  { kind: 'mappa', details: 'MAPPA category 2, level 1; offender manager at the home area probation office.', safetyPlan: 'Tell the offender manager before any change of address; no travel without their agreement.' },
  { kind: 'marac', details: 'Heard at MARAC as a victim; a former partner lives in the home area.', safetyPlan: 'Never share her address; check the former partner’s area with the IDVA before any move.' },
  { kind: 'domestic-abuse', details: 'Disclosed abuse from a former partner.', safetyPlan: 'Agreed a safe word for phone calls; the refuge number saved on her phone.' },
]

/** A warning marker raised on `on`, reviewed three months later. */
export function sampleMarker(rng: Random, on: string, reviewOn: string): Record<string, string> {
  return { ...rng.pick(MARKERS), raisedOn: on, reviewOn }
}

/** Phase 6 support as it is done in the first days after the move. */
export function samplePhase6(rng: Random, on: string, place: string): Record<string, string> {
  return {
    gpOn: on,
    gpNote: `Registered at a ${place} practice; first appointment booked.`,
    floatingSupportOn: on,
    floatingSupportNote: `Referred to ${place} floating support; first visit next week.`,
    financesOn: on,
    financesNote: 'Universal Credit claim moved; advance payment requested.',
    emotionalSupportOn: on,
    emotionalSupportNote: 'Calls twice a week and a visit on Fridays; worried about being alone in a new town.',
    moveInKitOn: on,
    moveInKitNote: 'Bedding, pans, kettle and a week of food.',
    ...(rng.chance(0.4) ? { foodBankOn: on, foodBankNote: `Food bank voucher from the ${place} advice centre.` } : {}),
    ...(rng.chance(0.3) ? { scriptingOn: on, scriptingNote: 'Script transferred to the local drug service; pharmacy pick-up daily.' } : {}),
  }
}

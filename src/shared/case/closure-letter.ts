import { localAuthorityName } from '../places/local-authority'
import { placeName } from '../places/place-name'
import { foldForSearch } from '../search/fold'
import { letterheadProblems, type Agency, type HousingOptionsContact, type PaperworkSettings } from '../team/settings'
import type { CaseRecord } from './record'

/** One agency taking over the client's support, as the case records it at step down (Phase 7). */
export interface ArrangedSupport {
  /** The caseworker's words for it, one line of "Local agencies taking over support". */
  text: string
  /** The team directory's entries for the agencies the line names, in its order: their address, phone and hours. */
  agencies: Agency[]
  /**
   * The line is only the names of its agencies ("citizens advice"), so the directory's own name can
   * stand for it; otherwise the caseworker's words say more ("…: Sam is your key worker") and are kept.
   */
  namesOnly: boolean
  /**
   * The line as an item of the letter's list: the directory's name for the one agency it names, else
   * the caseworker's name for the service (their words before a colon or a dash), else the whole line.
   */
  name: string
  /** What was arranged, in the caseworker's words after that name (the name never again), when they say more than it. */
  arranged?: string
  /**
   * Nothing says how to reach it: no directory entry, and no phone number or email in the
   * caseworker's words. The letter then asks the client to call the team for its details, and the
   * caseworker is told before making it.
   */
  noContact: boolean
}

/**
 * What the closure letter (Tool 4, Step 7) says and to whom: where it goes, the support arranged
 * for the client at step down, then the local services the team's directory holds for their area,
 * and what happens with a homelessness decision still to come. Written at Phase 8 or once closed.
 */
export interface ClosureLetterPlan {
  problems: string[]
  /**
   * What the letter is made without, for the caseworker and the manager to see (a gap in the team's
   * directory): these never stop a caseworker making it from what the case records.
   */
  notes: string[]
  /** The area the client moved to (arrival confirmed), whose services the letter lists; none if they did not move. */
  area?: string
  /** The client's postal address, one line each: empty when the case records none. */
  address: string[]
  /** The support arranged at step down, named first (the toolkit: "who their support will be"). */
  arranged: ArrangedSupport[]
  /** The directory's other services in the area, after the arranged support. */
  agencies: Agency[]
  housingOptions?: HousingOptionsContact
  /** The council has not yet decided the client's homelessness application: the letter says what happens next. */
  decisionPending: boolean
}

/** The closure letter goes to a client whose case was taken on, at Phase 8 or once closed. */
export function planClosureLetter(record: CaseRecord, settings: PaperworkSettings): ClosureLetterPlan {
  const problems: string[] = []
  const notes: string[] = []
  if (record.referral.status === 'rejected') problems.push('This referral was not taken on: there is no case to close by letter')
  else if (record.outcome?.unplannedReason === 'died') problems.push('No closure letter is sent: the client has died')
  else if (record.status === 'open' && record.phase !== 'closure-and-review') {
    problems.push('The closure letter is written in Phase 8, Case closure and review')
  }
  // The destination is where the client lives only once they moved there (arrival confirmed, or a new
  // address there recorded). A case closed as the move not being right or not possible (at risk of
  // harm there, say) must never send them to that area's services, whatever was recorded before.
  const stoppedBeforeTheMove = record.outcome?.type === 'inappropriate' || record.outcome?.type === 'no-provision'
  const moved = !stoppedBeforeTheMove && Boolean(record.reconnectionDay.arrivedOn ?? record.reconnectionDay.newAddress)
  const area = moved ? record.plan.destination : undefined
  const inArea = area ? Object.values(settings.agencies).filter((agency) => agency.localAuthority === area) : []
  const arranged = arrangedSupport(record.stepDown.handoverAgencies, inArea, area)
  const agencies = inArea.filter((agency) => !arranged.some((support) => support.agencies.includes(agency))).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  if (arranged.length === 0 && agencies.length === 0) {
    if (moved) problems.push('Record the local agencies taking over support (Phase 7, Step down of support): the letter tells the client who their support will be')
    else {
      notes.push(
        'The client did not move, so the letter names no services of the area of connection. Record any support arranged where they are now (Phase 7, "Local agencies taking over support") for the letter to name it; without it, the letter gives the national helplines and how to come back to the team.',
      )
    }
  }
  for (const support of arranged.filter((line) => line.noContact)) {
    notes.push(
      `The letter gives no way to reach ${support.name}: write its phone number on its line at step down (Phase 7, "${support.name}: 01632 960200"), or a manager can add it to the team directory in Team settings. Until then the letter asks the client to call the team for its details.`,
    )
  }
  if (area && inArea.length === 0) {
    notes.push(`The team directory has no services for ${localAuthorityName(area)}: a manager can add them in Team settings. This letter names the support recorded on the case.`)
  }
  const address = postalAddress(record)
  if (address.length === 0) {
    notes.push("No postal address is recorded: add the client's new address (Phase 5, Reconnection day) before posting the letter, or hand it to them.")
  }
  problems.push(...letterheadProblems(settings.letterhead))
  const housingOptions = area ? Object.values(settings.housingOptions).find((entry) => entry.localAuthority === area) : undefined
  return {
    problems,
    notes,
    ...(area ? { area } : {}),
    address,
    arranged,
    agencies,
    ...(housingOptions ? { housingOptions } : {}),
    decisionPending: area !== undefined && decisionPending(record),
  }
}

/**
 * Each line the caseworker wrote at step down, with the directory's entries for the agencies it names:
 * "Floating support and Turning Point in Edinburgh" names "Edinburgh Floating Support" and "Turning
 * Point Scotland". Names are compared folded (case, accents) and as whole words; an agency is named by
 * its full name, by its name without the place ("Floating support"), or without its last word
 * ("Turning Point", "Bradford Recovery"), two words at least. The longest name is tried first, so
 * "Bradford Recovery Service" is not also read as a "Bradford Recovery", and each word names one agency.
 * A short name two agencies share names neither.
 */
function arrangedSupport(handover: string | undefined, directory: Agency[], area: string | undefined): ArrangedSupport[] {
  const words = (text: string) => foldForSearch(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  const place = area ? words(placeName(area)) : []
  const all = directory.flatMap((agency) => namesOf(words(agency.name), place).map((name) => ({ agency, name })))
  const names = all
    .filter(({ agency, name }) => !all.some((other) => other.agency !== agency && other.name.join(' ') === name.join(' ')))
    .sort((a, b) => b.name.join(' ').length - a.name.join(' ').length)
  // An agency's details are given once, under the first line that names it.
  const named = new Set<Agency>()
  return (handover ?? '')
    .split('\n')
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean)
    .map((text) => {
      let rest = ` ${words(text).join(' ')} `
      const found: { agency: Agency; at: number; words: number }[] = []
      for (const { agency, name } of names) {
        const at = rest.indexOf(` ${name.join(' ')} `)
        if (at < 0 || named.has(agency)) continue
        named.add(agency)
        found.push({ agency, at, words: name.length })
        // The words are used: blank them, keeping the places of the words after.
        rest = rest.slice(0, at + 1) + name.map((word) => '#'.repeat(word.length)).join(' ') + rest.slice(at + 1 + name.join(' ').length)
      }
      // What is left once the names are blanked, apart from the words joining them ("and", "the").
      const more = rest.split(' ').filter((word) => word && !/^#+$/.test(word) && !JOINING_WORDS.has(word))
      const namesOnly = found.length > 0 && more.length === 0
      const noContact = found.length === 0 && !CONTACT_WRITTEN.test(text)
      return { text, agencies: found.sort((a, b) => a.at - b.at).map((entry) => entry.agency), namesOnly, ...listItem(text, found, namesOnly), noContact }
    })
}

/**
 * A line of step down's support as the letter's list item (see ArrangedSupport.name): "Shelter: Sam
 * is your adviser" is Shelter, and "Sam is your adviser" under it, never "Shelter: Sam…" under Shelter.
 */
function listItem(text: string, found: { agency: Agency; at: number; words: number }[], namesOnly: boolean): Pick<ArrangedSupport, 'name' | 'arranged'> {
  const [only, ...more] = found
  if (more.length > 0) return { name: sentence(text) }
  if (!only) {
    const end = NAME_ENDS.exec(text)
    return end && end.index > 0 ? { name: heading(text.slice(0, end.index)), arranged: sentence(text.slice(end.index + end[0].length)) } : { name: heading(text) }
  }
  if (namesOnly) return { name: only.agency.name }
  // Named first, the name's words are taken off the front of the line as it was typed.
  const last = only.at === 0 ? [...text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)][only.words - 1] : undefined
  const after = last ? text.slice(last.index + last[0].length).replace(/^[\s:;,.\-–—]+/, '') : ''
  return { name: only.agency.name, arranged: sentence(after || text) }
}

/** The caseworker's words on a line of their own under a name, so starting with a capital. */
function sentence(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/**
 * The caseworker's own name for a service, as the heading of a list item in a letter to the client:
 * a kind of service they wrote as "the GP practice" or "the community mental health team" is the
 * client's own ("Your GP practice"); a name ("the Salvation Army") keeps its words, with a capital.
 */
function heading(name: string): string {
  const kind = /^the\s+(.+)$/i.exec(name)?.[1]
  return kind && !/\b\p{Lu}\p{Ll}/u.test(kind) ? `Your ${kind}` : sentence(name)
}

/** Where a caseworker's name for a service ends and what was arranged begins: a colon, or a dash between spaces. */
const NAME_ENDS = /\s*:\s+|\s+[-–—]\s+/

/** A way to reach a service in the caseworker's words: a phone number (a short one, 111, among them), an email, a web address. */
const CONTACT_WRITTEN = /\d{3}|@|www\.|https?:/i

/** Words that join or introduce agencies' names in a line without saying anything of their own. */
const JOINING_WORDS = new Set(['and', 'the', 'with', 'at'])

/** The ways a caseworker names an agency (see arrangedSupport), each as folded words. */
function namesOf(name: string[], place: string[]): string[][] {
  const samePlace = (from: number) => place.length > 0 && place.every((word, i) => name[from + i] === word)
  const withoutPlace = samePlace(0) ? name.slice(place.length) : samePlace(name.length - place.length) ? name.slice(0, -place.length) : name
  const shorter = [withoutPlace, name.slice(0, -1), withoutPlace.slice(0, -1)].filter((words) => words.length >= 2)
  return [name, ...shorter].filter((words, i, all) => all.findIndex((other) => other.join(' ') === words.join(' ')) === i)
}

/**
 * Where letters reach the client: the new address in the destination area once known, else the
 * postal address given at referral, else the latest address in their history with no end date.
 */
function postalAddress(record: CaseRecord): string[] {
  const lines = (text: string) => text.split(/,\s*|\n/).map((line) => line.trim()).filter(Boolean)
  const given = record.reconnectionDay.newAddress ?? record.referral.postalAddress
  if (given) return lines(given)
  const current = Object.values(record.addresses)
    .filter((address) => !address.to && address.kind !== 'rough-sleeping')
    .sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))[0]
  return current ? [...lines(current.address), ...(current.postcode ? [current.postcode] : [])] : []
}

/**
 * The homelessness application still waits for the council's decision, read from what the case
 * records latest: Tool 4 first (Step 4's answer; Step 3's "No" to temporary accommodation, after
 * which the toolkit needs no decision, Steps 4 and 5 not needed), then a home of their own recorded
 * since the reconnection, and only then what the presentation left on the day. A client closed
 * settled in her own flat is never told a decision is pending because it was on the day she arrived.
 */
function decisionPending(record: CaseRecord): boolean {
  const { positiveDecision, inTemporaryAccommodation } = record.closure
  if (inTemporaryAccommodation === 'no' || positiveDecision === 'yes') return false
  if (positiveDecision === 'no' || inTemporaryAccommodation === 'yes') return true
  if (ownHomeSince(record, record.reconnectionDay.date ?? record.referral.receivedOn)) return false
  const outcome = record.reconnectionDay.presentationOutcome
  return outcome === 'pending' || outcome === 'accepted-temporary'
}

/** A tenancy or home of their own the client still lives in, from the day given or later (the address history). */
function ownHomeSince(record: CaseRecord, since: string | undefined): boolean {
  return Object.values(record.addresses).some((address) => address.kind === 'own-tenancy' && !address.to && (!since || (address.from ?? '') >= since))
}

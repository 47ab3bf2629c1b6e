import { takenOffTeamAt } from '../sync/wipe-team-data'
import { EventEmitter } from 'node:events'
import type { DocHandle } from '@automerge/automerge-repo'
import type { ApiMethod, Session as SessionView } from '../../../shared/api'
import type { Person } from '../../../shared/people'
import { idleTooLong, lockAfterMinutes } from '../../../shared/session/idle-lock'
import { pinProblem } from '../../../shared/session/pin-rule'
import { samePersonName } from '../../../shared/team/same-person-name'
import type { TeamDoc } from '../../../shared/team/team-doc'
import { afterWrongPin, NO_WRONG_PINS, waitInWords, waitLeft, type WrongPins } from '../../../shared/session/wrong-pin-wait'
import { ValidationError } from '../../../shared/validation'
import type { ApiHandler, ApiHandlers } from '../api/handlers'
import { PinRefusedError, SignInFirstError } from '../errors'
import type { LocalSettings } from '../storage/workspace-files'
import { savedMembership } from '../sync/membership'
import { savedProfile } from '../team/team'
import { addLaptopPerson, followServerPeople, laptopPeople } from './laptop-people'
import { draftKey } from './draft-key'
import { hashPin, pinMatches, type PinHash } from './pin-hash'

/** Each person's PIN hash, by person id (local settings, never synced). */
const SETTING_PINS = 'session-pins'
/** Wrong PINs in a row on this laptop, whoever was chosen: a thief trying each name gains nothing. */
const SETTING_WRONG_PINS = 'session-wrong-pins'

/** How often the core looks whether the window has been idle too long (it also locks if the window stops saying). */
const IDLE_CHECK_MS = 15_000

/** What the window may ask while nobody is signed in: the sign-in page's needs. */
/** "Someone else uses this laptop" too: it needs the manager's join code for them, so opens nothing by itself. */
/** And the ids of the cases withheld from this laptop (no name, no word of them), so a window deletes their drafts at once. */
const OPEN_WHILE_LOCKED: ReadonlySet<ApiMethod> = new Set(['getWorkspaceLock', 'unlockWorkspace', 'getSession', 'signIn', 'setFirstPin', 'addLaptopPerson', 'withheldCases'])
/** And the first run's, only until the laptop has a person. */
const FIRST_RUN: ReadonlySet<ApiMethod> = new Set(['setProfile', 'listMembers'])
/**
 * And, on a laptop taken off its team (its people deleted with the team's data), the notice's: the
 * sync status that says so, and "Start again".
 */
const TAKEN_OFF_TEAM: ReadonlySet<ApiMethod> = new Set(['getSyncStatus', 'dismissTakenOffTeam'])

export interface SessionParts {
  settings: LocalSettings
  team: () => DocHandle<TeamDoc>
  now: () => Date
  /** Who the core's changes are by now (the change context's person), for the window's session. */
  working: () => Person | undefined
  /** scrypt's cost for a PIN set now: the workspace's (`kdfCost`), full but in the tests' throwaway workspaces. */
  pinCost: number
}

type SignedIn =
  /** One of the laptop's people, by PIN (the window) or by the command line's --as. */
  | { kind: 'laptop'; id: string; byPin: boolean }
  /** A core opened in-process for a named person (tests, tools): trusted as its caller is. */
  | { kind: 'named' }

/**
 * Who is signed in on this laptop. Nobody at start, until one of the laptop's people signs in with
 * their PIN; the window's API refuses everything else until then (`guardHandlers`), and the
 * window's repo connection hands it no document (`isOpen`, read by the workspace's share policy).
 * Locks on request, and after the team's idle period with no activity from the window.
 */
export class Session {
  readonly #events = new EventEmitter<{ changed: [] }>()
  #signedIn: SignedIn | null
  /** Who was signed in when the app last locked: offered first on the sign-in page. */
  #lockedFor: string | null = null
  #lastActivity: Date
  #idleTimer: NodeJS.Timeout | undefined
  /** PIN checks one at a time: two at once must not both pass the rate limit's check. */
  #checking: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly parts: SessionParts,
    namedUser?: Person,
  ) {
    this.#signedIn = namedUser ? { kind: 'named' } : null
    this.#lastActivity = parts.now()
  }

  /** The people of this laptop: who may sign in on it. */
  people(): Person[] {
    return laptopPeople(this.parts.settings, this.parts.team())
  }

  /** The laptop's person signed in now (by PIN, or the command line's --as); undefined if none (or a named core). */
  person(): Person | undefined {
    const signedIn = this.#signedIn
    if (signedIn?.kind !== 'laptop') return undefined
    return this.#resolve(signedIn.id)
  }

  /**
   * One of the laptop's people by id. Joining a team makes the laptop's person the team's (a new
   * id, where the team did not have them): the one set up at the first run is still them.
   */
  #resolve(personId: string): Person | undefined {
    const people = this.people()
    const found = people.find((person) => person.id === personId)
    if (found) return found
    return personId === savedProfile(this.parts.settings)?.id ? people[0] : undefined
  }

  /** A person's PIN hash; the laptop's own person keeps the PIN chosen before joining the team. */
  #pinOf(personId: string): PinHash | undefined {
    const pins = this.#pins()
    const firstRun = savedProfile(this.parts.settings)?.id
    return pins[personId] ?? (firstRun !== undefined && this.people()[0]?.id === personId ? pins[firstRun] : undefined)
  }

  /** Whether someone is signed in: a laptop's person still on it, or a named core. */
  isOpen(): boolean {
    return this.#signedIn?.kind === 'named' || this.person() !== undefined
  }

  /** Whether the window may call `method` now. */
  allows(method: ApiMethod): boolean {
    if (this.isOpen() || OPEN_WHILE_LOCKED.has(method)) return true
    if (this.people().length > 0) return false
    return FIRST_RUN.has(method) || (TAKEN_OFF_TEAM.has(method) && takenOffTeamAt(this.parts.settings) !== undefined)
  }

  onChanged(listener: () => void): () => void {
    this.#events.on('changed', listener)
    return () => void this.#events.off('changed', listener)
  }

  /** Someone else who shares this laptop: they choose their PIN at their first sign-in. */
  addPerson(person: Person): void {
    addLaptopPerson(this.parts.settings, person)
    // The laptop's people changed: what it may hold is looked at again.
    this.#events.emit('changed')
  }

  /**
   * The laptop's people as the team's server holds them (`ownId`: the laptop's own person, kept
   * whatever the list says). Anyone taken off has their PIN hash deleted and cannot sign in here;
   * if they are signed in, the app locks as when idle (the window's drafts stay), offering nobody.
   */
  followServer(people: readonly Person[], ownId: string | undefined): void {
    const { changed, takenOff } = followServerPeople(
      this.parts.settings,
      people.filter((person) => person.id !== ownId),
    )
    if (!changed) return
    const gone = new Set(takenOff.map((person) => person.id))
    const pins = this.#pins()
    if (takenOff.some((person) => person.id in pins)) {
      this.parts.settings.set(SETTING_PINS, Object.fromEntries(Object.entries(pins).filter(([id]) => !gone.has(id))))
    }
    if (this.#lockedFor !== null && gone.has(this.#lockedFor)) this.#lockedFor = null
    const signedIn = this.#signedIn
    if (signedIn?.kind === 'laptop' && gone.has(signedIn.id)) return this.signOut()
    // Added or taken off: what the laptop may hold is looked at again (a restricted case may come, or go).
    this.#events.emit('changed')
  }

  hasPin(personId: string): boolean {
    return this.#pinOf(personId) !== undefined
  }

  async signIn(personId: string, pin: string): Promise<void> {
    await this.#oneAtATime(async () => {
      const now = this.parts.now()
      const wrong = this.parts.settings.get<WrongPins>(SETTING_WRONG_PINS) ?? NO_WRONG_PINS
      const left = waitLeft(wrong, now)
      if (left > 0) throw new PinRefusedError(`Too many wrong PINs. Try again in ${waitInWords(left)}.`)
      const person = this.#laptopPerson(personId)
      const stored = this.#pinOf(person.id)
      if (!stored) throw new PinRefusedError(`${person.name} has not chosen a PIN yet`)
      if (!(await pinMatches(pin, stored))) {
        const next = afterWrongPin(wrong, now)
        this.parts.settings.set(SETTING_WRONG_PINS, next)
        const wait = waitLeft(next, now)
        throw new PinRefusedError(wait > 0 ? `Wrong PIN. Try again in ${waitInWords(wait)}.` : 'Wrong PIN. Check it and try again.')
      }
      this.parts.settings.delete(SETTING_WRONG_PINS)
      this.#start({ kind: 'laptop', id: person.id, byPin: true })
    })
  }

  /** The first PIN of one of the laptop's people who has none (a new laptop, or one set up before PINs): signs them in. */
  async setFirstPin(personId: string, pin: string): Promise<void> {
    await this.#oneAtATime(async () => {
      const person = this.#laptopPerson(personId)
      if (this.hasPin(person.id)) throw new PinRefusedError(`${person.name} already has a PIN: sign in with it`)
      await this.#savePin(person.id, pin)
      this.#start({ kind: 'laptop', id: person.id, byPin: true })
    })
  }

  /** Sets (or replaces) a person's PIN without the old one: the command line's, run by the laptop's OS account. */
  async setPin(personId: string, pin: string): Promise<void> {
    await this.#savePin(this.#laptopPerson(personId).id, pin)
  }

  /**
   * The command line acts as the laptop's person; where several share the laptop, `name` says
   * which. Nobody on the laptop yet: nothing to choose (the command line's own fallback applies).
   */
  actAs(name: string | undefined): void {
    const people = this.people()
    if (name === undefined) {
      if (people.length > 1) {
        throw new PinRefusedError(`Several people use this laptop (${people.map((p) => p.name).join(', ')}): say which with --as NAME`)
      }
      if (people[0]) this.#signedIn = { kind: 'laptop', id: people[0].id, byPin: false }
      return
    }
    const person = people.find((candidate) => samePersonName(candidate.name, name))
    if (!person) throw new PinRefusedError(`${name} is not one of this laptop's people${people.length ? ` (${people.map((p) => p.name).join(', ')})` : ''}`)
    this.#signedIn = { kind: 'laptop', id: person.id, byPin: false }
  }

  /** Locks the app: whoever was signed in is offered first when someone signs in again. */
  lock(): void {
    const person = this.person()
    if (!this.#signedIn) return
    this.#lockedFor = person?.id ?? null
    this.#end()
  }

  /** "Switch user": locks, offering nobody first. */
  signOut(): void {
    this.#lockedFor = null
    this.#end()
  }

  /** The window was used: the idle period starts again. */
  activity(): void {
    this.#lastActivity = this.parts.now()
  }

  /** Locks if the window has said nothing of activity for the team's idle period. */
  checkIdle(): void {
    if (this.#signedIn?.kind !== 'laptop' || !this.#signedIn.byPin) return
    if (idleTooLong(this.#lastActivity, this.parts.now(), this.lockAfterMinutes())) this.lock()
  }

  lockAfterMinutes(): number {
    return lockAfterMinutes(this.parts.team().doc().settings.lockAfterMinutes)
  }

  stop(): void {
    clearInterval(this.#idleTimer)
    this.#idleTimer = undefined
  }

  view(): SessionView {
    return {
      profile: this.isOpen() ? (this.parts.working() ?? null) : null,
      inTeam: savedMembership(this.parts.settings) !== undefined,
      people: this.people().map((person) => ({ id: person.id, name: person.name, hasPin: this.hasPin(person.id) })),
      lockedFor: this.#lockedFor,
      lockAfterMinutes: this.lockAfterMinutes(),
    }
  }

  handlers() {
    const done = {} as Record<string, never>
    return {
      getSession: () => this.view(),
      signIn: async ({ personId, pin }) => {
        await this.signIn(personId, pin)
        return done
      },
      setFirstPin: async ({ personId, pin }) => {
        await this.setFirstPin(personId, pin)
        return done
      },
      lock: () => {
        this.lock()
        return done
      },
      signOut: () => {
        this.signOut()
        return done
      },
      sessionActivity: () => {
        this.activity()
        return done
      },
      draftKey: () => ({ key: draftKey(this.parts.settings) }),
    } satisfies Partial<ApiHandlers>
  }

  #start(signedIn: SignedIn): void {
    this.#signedIn = signedIn
    this.#lockedFor = null
    this.activity()
    this.stop()
    this.#idleTimer = setInterval(() => this.checkIdle(), IDLE_CHECK_MS).unref()
    this.#events.emit('changed')
  }

  #end(): void {
    this.#signedIn = null
    this.stop()
    this.#events.emit('changed')
  }

  #laptopPerson(personId: string): Person {
    const person = this.#resolve(personId)
    if (!person) throw new PinRefusedError('That person does not use this laptop')
    return person
  }

  #pins(): Record<string, PinHash> {
    return this.parts.settings.get<Record<string, PinHash>>(SETTING_PINS) ?? {}
  }

  async #savePin(personId: string, pin: string): Promise<void> {
    const problem = pinProblem(pin)
    if (problem) throw new ValidationError([{ field: 'pin', message: problem }])
    const hashed = await hashPin(pin, this.parts.pinCost)
    this.parts.settings.set(SETTING_PINS, { ...this.#pins(), [personId]: hashed })
  }

  #oneAtATime<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#checking.then(work, work)
    this.#checking = next.catch(() => undefined)
    return next
  }
}

/**
 * The window's API as the session allows it: while nobody is signed in, every method but the
 * sign-in page's (and the first run's) is refused with "Sign in first". The one place it is checked.
 */
export function guardHandlers(handlers: ApiHandlers, session: Session): ApiHandlers {
  const guarded = Object.entries(handlers).map(([method, handler]) => {
    const open = handler as ApiHandler<ApiMethod>
    const checked: ApiHandler<ApiMethod> = (params, caller) => {
      if (!session.allows(method as ApiMethod)) throw new SignInFirstError()
      return open(params, caller)
    }
    return [method, checked]
  })
  return Object.fromEntries(guarded) as ApiHandlers
}

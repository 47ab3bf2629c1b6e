import { useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { FormValues } from '../../shared/forms/fields'
import { useLocation } from 'react-router'
import { useProfile } from '../app/contexts'
import { OpenCaseContext } from '../case/CaseContext'
import type { ApiClient } from '../platform/api-client'
import { caseIdOfForm, listForms, markWindowClosed, markWindowOpen, OPEN_FOR_MS, removeDraft, removeDraftsOfCases, removeForm, startingDraft, writeDraft } from './draft-entries'
import { SealedDrafts } from './sealed-drafts'

/*
 * Unsaved forms. A draft belongs to one form of one case (its key starts with the case's id), or to
 * one new referral (each has a key of its own), and to the person who typed it. It is only ever
 * read back into the form it came from, and it is shown openly: the case header names a case's
 * drafts, the new referral page offers each unsaved referral to continue or discard.
 *
 * Drafts are kept in this laptop's local storage, not the window's session storage: a crash, a
 * closed window or a restart would lose a session's drafts, and with them what was typed. Local
 * storage stays in the app's own profile on this laptop (like the workspace, never synced), and a
 * draft is removed the moment it is saved or discarded. Each window keeps its own entry of a form
 * (`draft-entries.ts`), so a save in one tab never takes away another tab's unsaved typing.
 *
 * Local storage is written to disk in plain files, so every draft is sealed with the workspace's
 * draft key before it reaches it (`sealed-drafts.ts`): read and written only while someone is
 * signed in (`useDraftsOpened`, before any page with a form is shown), never in plain text. Their
 * keys (the person's and the form's ids, no words) are plain, so the drafts of an erased case are
 * deleted before anyone signs in.
 */

/**
 * An unsaved form: what was typed, and the stored values it started from (so a save writes only
 * what this person changed, never over a colleague's edit to another field).
 */
export interface FormDraft {
  values: FormValues
  base: Record<string, unknown>
}

/** A draft as listed: its form's key, the words naming the form, and what was typed. */
export interface StoredDraft {
  key: string
  label: string
  value: unknown
  whose?: string
  path?: string
}

/**
 * The draft of a form of fields. `set(draft, false)` opens the form without keeping anything yet:
 * a draft is kept from the first thing typed.
 */
export function useFormDraft(key: string, label: string): [FormDraft | undefined, (draft: FormDraft, typed?: boolean) => void, () => void] {
  return useStored<FormDraft | undefined>(key, label, (saved) => (saved as FormDraft | null) ?? undefined, undefined)
}

/** The values of a form of text fields (a note, a new referral): kept while any field has something typed. */
export function useDraft<T extends Record<string, string>>(key: string, label: string, initial: T): [T, (values: T) => void, () => void] {
  const [values, set, clear] = useStored<T>(key, label, (saved) => (saved ? { ...initial, ...(saved as Partial<T>) } : initial), initial)
  const save = useCallback((next: T) => (Object.keys(initial).some((name) => next[name] !== initial[name]) ? set(next) : clear()), [set, clear, initial])
  return [values, save, clear]
}

/** This person's drafts whose keys start with `scope` (a case's id and a colon, or "new-referral:"), kept up to date. */
export function useDraftsUnder(scope: string): StoredDraft[] {
  const prefix = `${PREFIX}${useProfile().id}:`
  const snapshot = useSyncExternalStore(subscribe, () => JSON.stringify(listDrafts(prefix, scope)))
  return useMemo(() => JSON.parse(snapshot) as StoredDraft[], [snapshot])
}

/** An unsaved form as the footer names it: its words, and the page it is on. */
export interface UnsavedForm {
  key: string
  label: string
  /** The page the form is on: the case's, the new referral page, or Team settings. */
  path: string
  /** Whose it is: the case's client, or the name typed in a new referral (none typed yet, none here). */
  whose?: string
}

/**
 * Every one of this person's unsaved forms, wherever they are. Local storage is read once each time
 * a draft changes (not on each render: the footer is on every page), and what is typed does not
 * change the answer, so a form being typed in does not re-render whoever asks.
 */
export function useUnsavedForms(): UnsavedForm[] {
  const prefix = `${PREFIX}${useProfile().id}:`
  const snapshot = useSyncExternalStore(subscribe, () => unsavedFormsSnapshot(prefix))
  return useMemo(() => JSON.parse(snapshot) as UnsavedForm[], [snapshot])
}

/** Where a draft's form is, from its key: "new-referral:…", "settings:…", or a case's id and the form. */
export function draftPath(key: string): string {
  const [scope] = key.split(':')
  if (scope === 'new-referral') return '/referrals/new'
  if (scope === 'settings') return '/settings'
  return `/cases/${scope}`
}

let version = 0
let cached: { prefix: string; version: number; snapshot: string } | undefined

function unsavedFormsSnapshot(prefix: string): string {
  if (cached?.prefix !== prefix || cached.version !== version) {
    const forms = listDrafts(prefix, '').map(({ key, label, value, whose, path }): UnsavedForm => {
      const named = whose ?? (key.startsWith('new-referral:') ? typedClientName(value) : undefined)
      return { key, label, path: path ?? draftPath(key), ...(named ? { whose: named } : {}) }
    })
    cached = { prefix, version, snapshot: JSON.stringify(forms) }
  }
  return cached.snapshot
}

/** Throws away one of this person's drafts, by its form's key. */
export function useDiscardDraft(): (key: string) => void {
  const person = useProfile().id
  return useCallback(
    (key: string) => {
      removeForm(drafts(), `${PREFIX}${person}:`, key)
      notify()
    },
    [person],
  )
}

/** The client's name typed in a new referral's draft, if any. */
function typedClientName(value: unknown): string | undefined {
  const typed = typeof value === 'object' && value !== null && 'clientName' in value ? value.clientName : undefined
  return typeof typed === 'string' && typed.trim() ? typed.trim() : undefined
}

const PREFIX = 'homeward-draft:'

/**
 * This window's id, kept in its session storage: the same through a reload or signing in again
 * (its forms read back its own entries), new in another tab or after a restart (whose forms
 * continue the newest entry of any window).
 */
function windowId(): string {
  let id = sessionStorage.getItem(WINDOW_ID)
  if (!id) {
    id = crypto.randomUUID()
    sessionStorage.setItem(WINDOW_ID, id)
  }
  return id
}

const WINDOW_ID = 'homeward-window'

/**
 * Keeps this window marked open while it is, so a form opening in another tab leaves this one's
 * typing to it (`startingDraft`); unmarked as it closes or reloads (marked again as it loads).
 */
export function useWindowMarkedOpen(): void {
  useEffect(() => {
    const id = windowId()
    const mark = () => markWindowOpen(localStorage, id)
    const unmark = () => markWindowClosed(localStorage, id)
    mark()
    const timer = setInterval(mark, OPEN_FOR_MS / 4)
    window.addEventListener('pagehide', unmark)
    window.addEventListener('pageshow', mark)
    return () => {
      clearInterval(timer)
      window.removeEventListener('pagehide', unmark)
      window.removeEventListener('pageshow', mark)
      unmark()
    }
  }, [])
}

/**
 * The cases this laptop may no longer hold (erased, or restricted to others), as the core last said:
 * a form of one still on the screen for a moment keeps nothing more of what is typed into it.
 */
let goneCases = new Set<string>()

function useStored<T>(key: string, label: string, restore: (saved: unknown) => T, empty: T): [T, (next: T, typed?: boolean) => void, () => void] {
  const prefix = `${PREFIX}${useProfile().id}:`
  const whose = useContext(OpenCaseContext)?.record.referral.clientName || undefined
  // The section the form is in (Phase 4's, not the case's first page), where the footer's link leads.
  const path = useLocation().pathname
  // Read once: a form for another draft is a new component, with its own key.
  const [start] = useState(() => startingDraft(drafts(), prefix, key, windowId()))
  const continues = useRef(start.continues)
  const [value, setValue] = useState<T>(() => restore(start.envelope?.value ?? null))
  const save = useCallback(
    (next: T, typed = true) => {
      setValue(next)
      if (!typed || goneCases.has(caseIdOfForm(key))) return
      writeDraft(drafts(), prefix, key, windowId(), { label, value: next, path, ...(whose ? { whose } : {}) }, continues.current)
      notify()
    },
    [prefix, key, label, whose, path],
  )
  const clear = useCallback(() => {
    setValue(empty)
    removeDraft(drafts(), prefix, key, windowId(), continues.current)
    continues.current = {}
    notify()
  }, [prefix, key, empty])
  return [value, save, clear]
}

/**
 * Deletes every draft on this laptop, whoever typed it: the team's server took the laptop off the
 * team, and what was typed into its cases is the team's data like the rest.
 */
export function removeAllDrafts(): void {
  const storage = forDeleting()
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key) => key?.startsWith(PREFIX))
  for (const key of keys) if (key) storage.removeItem(key)
  notify()
}

/** Deletes every draft typed into a case on this laptop, whoever typed it: the case was erased. */
export function removeDraftsOfCase(caseId: string): void {
  removeDraftsOfCases(forDeleting(), PREFIX, [caseId])
  notify()
}

/**
 * Deletes every draft typed into the cases this laptop may no longer hold (erased, or restricted to
 * others), whoever typed it, in any window; and keeps no more of them. Only the cases named: a draft
 * of a case not here yet (still arriving) is kept.
 */
function forgetDraftsOfGoneCases(caseIds: readonly string[]): void {
  goneCases = new Set(caseIds)
  removeDraftsOfCases(forDeleting(), PREFIX, goneCases)
  notify()
}

/** Moves every draft typed into a case to the case's new id: its record was rebuilt by a correction, and nothing typed is lost. */
export function moveDraftsOfCase(oldId: string, newId: string): void {
  // Sealed under its key: opened, and sealed again under the new one.
  const storage = drafts()
  const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key) => key?.startsWith(PREFIX) && key.slice(PREFIX.length).split(':').slice(1).join(':').startsWith(oldId))
  for (const key of keys) {
    if (!key) continue
    const [whose, ...rest] = key.slice(PREFIX.length).split(':')
    const moved = `${PREFIX}${whose}:${newId}${rest.join(':').slice(oldId.length)}`
    const typed = storage.getItem(key)
    if (storage.getItem(moved) === null && typed !== null) storage.setItem(moved, typed)
    storage.removeItem(key)
  }
  notify()
}

/**
 * Keeps this window's drafts to the cases this laptop may hold: asks the core which it may not (erased,
 * or restricted to others) when the window starts, before anyone signs in (a draft left by a window
 * closed meanwhile), and again whenever the team document or the laptop's people change (an open
 * window, at once).
 */
export function useForgetDraftsOfWithheldCases(api: ApiClient): void {
  useEffect(() => {
    let asked = 0
    const look = () => {
      const call = ++asked
      // Only the latest answer counts (an older one arriving late would bring back a case since let go of).
      // A refusal (the core not answering, a laptop taken off its team) changes nothing: the next change asks again.
      api.call('withheldCases', {}).then(
        ({ restricted, erased }) => call === asked && forgetDraftsOfGoneCases([...restricted, ...erased]),
        () => undefined,
      )
    }
    look()
    return api.onEvent((event) => {
      if (event.type === 'team-changed' || event.type === 'session-changed') look()
    })
  }, [api])
}

function listDrafts(prefix: string, scope: string): StoredDraft[] {
  // Locking: the pages listing drafts are going, and read nothing more.
  if (!sealed) return []
  return listForms(sealed, prefix, scope).map(({ key, envelope }) => ({
    key,
    label: envelope.label,
    value: envelope.value,
    ...(envelope.whose ? { whose: envelope.whose } : {}),
    ...(envelope.path ? { path: envelope.path } : {}),
  }))
}

const listeners = new Set<() => void>()

function notify(): void {
  version++
  for (const listener of listeners) listener()
}

/** Drafts change in this window, and in the laptop's other windows (heard by `useDraftsOpened`): both notify. */
function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** This window's drafts, opened with the draft key while someone is signed in; none while locked. */
let sealed: SealedDrafts | undefined

/**
 * Where drafts are read and written: only ever sealed. Nothing asks before they are open: no page
 * with a form is shown until then (`useDraftsOpened`), and a locked window shows none.
 */
function drafts(): Storage {
  if (!sealed) throw new Error('Unsaved forms are not open yet')
  return sealed
}

/** Where drafts are deleted, by key: the opened ones while signed in, else local storage itself (no key needed). */
function forDeleting(): Storage {
  return sealed ?? localStorage
}

/** Whether this window's drafts are open; and, if opening them failed, why, in words. */
export interface DraftsOpened {
  opened: boolean
  failure?: string
}

/**
 * Opening this window's drafts: asks the core for the workspace's draft key, opens every draft with
 * it (sealing any an older version left in plain text), and hears other windows' drafts from the
 * start, so nothing one writes meanwhile is missed: read again once they are open. Once open, they
 * are the window's drafts (`sealed`) until closed: locking, or opened again.
 */
export interface DraftsOpening {
  readonly opened: Promise<SealedDrafts>
  /** The drafts, once open. */
  result?: SealedDrafts
  closed?: boolean
  /** The key and every draft gone from the window's memory; nothing more heard. */
  close(): void
  /** Taken by the signed-in app (`useDraftsOpened`), which closes it when it goes. */
  adopt(): void
}

function openDrafts(api: ApiClient, onAdopt = () => {}): DraftsOpening {
  const meanwhile = new Set<string | null>()
  const elsewhere = (event: StorageEvent) => {
    // Another window's open mark, kept fresh, is no draft: nothing to read again.
    if (event.storageArea !== localStorage || (event.key !== null && !event.key.startsWith(PREFIX))) return
    if (opening.result) void opening.result.heard(event.key, event.newValue).then(notify)
    else meanwhile.add(event.key)
  }
  window.addEventListener('storage', elsewhere)
  const opening: DraftsOpening = {
    opened: api.call('draftKey', {}).then(async ({ key }) => {
      const opened = await SealedDrafts.open(localStorage, key, PREFIX)
      while (meanwhile.size > 0) {
        const names = [...meanwhile]
        meanwhile.clear()
        await Promise.all(names.map((name) => opened.heard(name, name === null ? null : localStorage.getItem(name))))
      }
      // Drafts this window deleted while they were being opened (an erased case's) are gone from them too.
      void opened.heard(null, null)
      if (opening.closed) throw new Error('Unsaved forms were closed as they opened')
      opening.result = opened
      sealed = opened
      notify()
      return opened
    }),
    close: () => {
      opening.closed = true
      window.removeEventListener('storage', elsewhere)
      if (sealed && sealed === opening.result) {
        sealed = undefined
        notify()
      }
    },
    adopt: onAdopt,
  }
  return opening
}

/**
 * Opens this window's drafts as the app starts (`startApp`), when the start's answers say someone
 * is signed in, so that the page it opens on is drawn once, with its forms' drafts, not after a
 * draw saying "Opening Homeward…" (npm run bench -- board-first-row). Until the signed-in app takes
 * them, they are closed (the key gone from memory) if the session changes (locked), the laptop is
 * taken off its team, or the connection to the core is lost. `ready` settles once they are open, or
 * could not be, or were closed: the first draw waits for no more.
 */
export function openDraftsAtStart(api: ApiClient): { opening: DraftsOpening; ready: Promise<void> } {
  let gaveUp = () => {}
  const closedBeforeTaken = new Promise<void>((resolve) => (gaveUp = resolve))
  const stopHearing = [
    api.onEvent((event) => (event.type === 'session-changed' || (event.type === 'sync-status' && event.status.takenOffTeam)) && giveUp()),
    api.onConnection((state) => (state === 'lost' || state === 'restarted') && giveUp()),
  ]
  const stop = () => stopHearing.forEach((unsubscribe) => unsubscribe())
  const opening = openDrafts(api, stop)
  function giveUp() {
    stop()
    opening.close()
    gaveUp()
  }
  return { opening, ready: Promise.race([opening.opened.then(() => undefined, () => undefined), closedBeforeTaken]) }
}

/**
 * This window's drafts while someone is signed in (see `openDrafts`): those opened as the app
 * started (`atStart`), else opened now. Locking (this unmounted) closes them: the key and every
 * word typed are gone from the window's memory, still sealed in local storage for the next sign-in.
 * `attempt` asks again after a failure.
 */
export function useDraftsOpened(api: ApiClient, attempt = 0, atStart?: DraftsOpening): DraftsOpened {
  const [state, setState] = useState<DraftsOpened>(() => ({ opened: atStart?.result !== undefined && !atStart.closed }))
  useEffect(() => {
    let current = true
    const taking = attempt === 0 && atStart !== undefined && !atStart.closed
    const opening = taking ? atStart : openDrafts(api)
    if (taking) atStart.adopt()
    else setState({ opened: false })
    opening.opened.then(
      () => current && setState((was) => (was.opened && !was.failure ? was : { opened: true })),
      (error: Error) => current && setState({ opened: false, failure: error.message }),
    )
    return () => {
      current = false
      opening.close()
    }
  }, [api, attempt, atStart])
  return state
}

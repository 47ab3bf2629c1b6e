/*
 * One window, one draft entry. Two windows (tabs) with the same form open each keep what they typed
 * under a key of their own, the form's key and the window's id: so one saving removes its own
 * entry, never the other's, and the other still says "Not saved yet" and keeps its typing. A window
 * opened later (a restart, a crash) with no entry of its own continues the newest entry of that form
 * from any window, and saving or discarding it removes the entries it continued as well, each only
 * if no window has written it since (`rev`): what another window typed after it was continued is
 * still unsaved, and stays. Never the entry of a window still open (`markWindowOpen`): that typing
 * is that tab's, still on its screen, and a save elsewhere taking its entry away would leave it
 * saying "Saved" over typing it still holds. Pure over a `Storage`, so the rule is tested without a browser.
 */

/** What one entry holds: the form's words, what was typed, and which entries it continues. */
export interface DraftEnvelope {
  label: string
  value: unknown
  /** The case's client, kept with a case's draft so the footer can say whose it is without opening the case. */
  whose?: string
  /** The page it was typed on (a case's section), for the footer's link to lead back to it. */
  path?: string
  /** This write's own mark: an entry continued is removed only while it still has the mark it had then. */
  rev?: string
  /** When it was written (ms): a window with no entry of its own continues the newest. */
  at?: number
  /** The entries (storage key to `rev`) this one continues, removed with it once saved or discarded. */
  continues?: Record<string, string>
}

/** Between a form's key and the window's id in an entry's key (form keys are ids and words, never this). */
const WINDOW = '#'

/** The storage key of a window's entry of a form: `prefix` is the drafts' and the person's. */
export function entryKey(prefix: string, formKey: string, windowId: string): string {
  return `${prefix}${formKey}${WINDOW}${windowId}`
}

/** The form's key of an entry (after `prefix`); an entry from before windows had their own has no window part. */
export function formKeyOf(keyAfterPrefix: string): string {
  const at = keyAfterPrefix.lastIndexOf(WINDOW)
  return at < 0 ? keyAfterPrefix : keyAfterPrefix.slice(0, at)
}

export function readEnvelope(storage: Storage, key: string): DraftEnvelope | undefined {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? 'null')
    return typeof parsed === 'object' && parsed !== null && 'label' in parsed && 'value' in parsed ? (parsed as DraftEnvelope) : undefined
  } catch {
    return undefined
  }
}

function storageKeys(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key): key is string => key !== null)
}

/** Where a window's open mark is kept: beside the drafts, not under their prefix (no one's draft, never listed). */
const OPEN = 'homeward-window-open:'

/**
 * How long a window's mark says it is open. Longer than a background tab's timers can be held back
 * (Chromium runs them once a minute), so a tab out of sight still counts as open.
 */
export const OPEN_FOR_MS = 120_000

/** Marks a window open now (kept fresh while it is), and forgets the marks of windows long gone. */
export function markWindowOpen(storage: Storage, windowId: string, now = Date.now()): void {
  for (const key of storageKeys(storage)) if (key.startsWith(OPEN) && !isOpen(storage, key, now)) storage.removeItem(key)
  storage.setItem(OPEN + windowId, String(now))
}

/** The window closed (or is reloading, and marks itself again as it loads): its entries may be continued. */
export function markWindowClosed(storage: Storage, windowId: string): void {
  storage.removeItem(OPEN + windowId)
}

function isOpen(storage: Storage, markKey: string, now: number): boolean {
  const at = Number(storage.getItem(markKey))
  return at > 0 && now - at < OPEN_FOR_MS
}

/** Whether an entry (by its storage key) belongs to a window open now; one from before windows had their own belongs to none. */
function ofOpenWindow(storage: Storage, key: string, now: number): boolean {
  const at = key.lastIndexOf(WINDOW)
  return at >= 0 && isOpen(storage, OPEN + key.slice(at + 1), now)
}

/** Every entry of one form (any window), newest first. */
function entriesOf(storage: Storage, prefix: string, formKey: string): { key: string; envelope: DraftEnvelope }[] {
  return storageKeys(storage)
    .filter((key) => key.startsWith(prefix) && formKeyOf(key.slice(prefix.length)) === formKey)
    .flatMap((key) => {
      const envelope = readEnvelope(storage, key)
      return envelope ? [{ key, envelope }] : []
    })
    .sort((a, b) => (b.envelope.at ?? 0) - (a.envelope.at ?? 0))
}

/**
 * What a form opening in a window starts from: the window's own entry (a reload, signing in again),
 * else the newest of a window no longer open; and the entries its own continues.
 */
export function startingDraft(
  storage: Storage,
  prefix: string,
  formKey: string,
  windowId: string,
  now = Date.now(),
): { envelope?: DraftEnvelope; continues: Record<string, string> } {
  const ownKey = entryKey(prefix, formKey, windowId)
  const own = readEnvelope(storage, ownKey)
  if (own) return { envelope: own, continues: own.continues ?? {} }
  const newest = entriesOf(storage, prefix, formKey).find(({ key }) => !ofOpenWindow(storage, key, now))
  if (!newest) return { continues: {} }
  return { envelope: newest.envelope, continues: { ...newest.envelope.continues, [newest.key]: newest.envelope.rev ?? '' } }
}

/** Writes a window's entry of a form. */
export function writeDraft(
  storage: Storage,
  prefix: string,
  formKey: string,
  windowId: string,
  draft: Pick<DraftEnvelope, 'label' | 'value' | 'whose' | 'path'>,
  continues: Record<string, string>,
  now = Date.now(),
): void {
  const envelope: DraftEnvelope = { ...draft, rev: crypto.randomUUID(), at: now, ...(Object.keys(continues).length > 0 ? { continues } : {}) }
  storage.setItem(entryKey(prefix, formKey, windowId), JSON.stringify(envelope))
}

/**
 * A form saved or discarded in a window: its own entry goes, and each entry it continued that no
 * window has written since (another window's typing after that stays, unsaved).
 */
export function removeDraft(storage: Storage, prefix: string, formKey: string, windowId: string, continues: Record<string, string>): void {
  storage.removeItem(entryKey(prefix, formKey, windowId))
  for (const [key, rev] of Object.entries(continues)) {
    const entry = readEnvelope(storage, key)
    if (entry && (entry.rev ?? '') === rev) storage.removeItem(key)
  }
}

/** Every entry of a form, whichever window wrote it: the person discarded it by name. */
export function removeForm(storage: Storage, prefix: string, formKey: string): void {
  for (const { key } of entriesOf(storage, prefix, formKey)) storage.removeItem(key)
}

/** The forms with a draft whose keys start with `scope`, once each (the newest entry's words), by form key. */
export function listForms(storage: Storage, prefix: string, scope: string): { key: string; envelope: DraftEnvelope }[] {
  const newest = new Map<string, DraftEnvelope>()
  for (const key of storageKeys(storage)) {
    if (!key.startsWith(prefix + scope)) continue
    const envelope = readEnvelope(storage, key)
    const formKey = formKeyOf(key.slice(prefix.length))
    const known = newest.get(formKey)
    if (envelope && (!known || (envelope.at ?? 0) > (known.at ?? 0))) newest.set(formKey, envelope)
  }
  return [...newest].map(([key, envelope]) => ({ key, envelope })).sort((a, b) => a.key.localeCompare(b.key))
}

/**
 * Deletes every entry typed into these cases, by anyone, in any window (`draftsPrefix` is the
 * drafts', before the person): the cases were erased or restricted to others.
 */
export function removeDraftsOfCases(storage: Storage, draftsPrefix: string, caseIds: Iterable<string>): void {
  const gone = new Set(caseIds)
  if (gone.size === 0) return
  for (const key of storageKeys(storage)) if (key.startsWith(draftsPrefix) && gone.has(caseIdOfEntry(key.slice(draftsPrefix.length)))) storage.removeItem(key)
}

/** The case an entry's key (after the drafts' prefix: the person, then the form's key) belongs to, or '' for a referral's or settings' form. */
function caseIdOfEntry(personAndFormKey: string): string {
  return caseIdOfForm(formKeyOf(personAndFormKey.slice(personAndFormKey.indexOf(':') + 1)))
}

/** The case a form's key belongs to (its first part), or '' for a new referral's or Team settings'. */
export function caseIdOfForm(formKey: string): string {
  const [scope = ''] = formKey.split(':')
  return scope === 'new-referral' || scope === 'settings' ? '' : scope
}

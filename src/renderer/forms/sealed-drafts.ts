/*
 * Unsaved forms, sealed. Drafts are kept in the window's local storage (`drafts.ts`: a crash, a
 * closed window or a lock loses nothing typed), which Chromium and Electron write to the laptop's
 * disk in plain files, outside the encrypted workspace. So each draft is sealed before it is
 * written: AES-GCM with the workspace's draft key, a fresh random IV each write, and the entry's
 * storage key as associated data (a sealed draft copied under another form's or person's key does
 * not open). What reaches the disk is never the text.
 *
 * Why here and not the core's store: drafts are written on every keystroke, read synchronously as a
 * form opens, and kept per window (tab) with the storage event telling the others; local storage
 * already does all of that, and only its bytes at rest were the problem. The key comes from the core
 * (`draftKey`, only to a signed-in window) and is kept in the encrypted store, so the profile folder
 * read without the workspace passphrase gives nothing.
 *
 * This is a `Storage`: the rules over drafts (`draft-entries.ts`) read and write it as they would
 * local storage. It holds the drafts opened, in memory, while someone is signed in (so a form reads
 * its draft at once), writes each through to local storage sealed, and passes every other key (a
 * window's open mark, no one's words) straight through. Locking drops it, and the key with it.
 */

/** How a sealed entry starts: anything else under the drafts' prefix is a plain draft an older version wrote. */
const SEALED = 'sealed1:'

export class SealedDrafts implements Storage {
  /** Every draft opened, by its storage key, as plain text. */
  readonly #opened = new Map<string, string>()
  /** Per storage key, a count of what was asked of it: a sealing that finishes after a later write or removal does not land. */
  readonly #asked = new Map<string, number>()
  readonly #pending = new Set<Promise<void>>()

  private constructor(
    private readonly backing: Storage,
    private readonly draftKey: CryptoKey,
    private readonly prefix: string,
  ) {}

  /**
   * Opens the drafts under `prefix` in `backing` with the draft key (base64, 256 bits). A draft an
   * older version wrote in plain text is sealed now, in place; one that does not open (sealed with
   * another workspace's key, or damaged) is left as it is, listed by key (so it is still deleted with
   * its case) but read as nothing.
   */
  static async open(backing: Storage, keyBase64: string, prefix: string): Promise<SealedDrafts> {
    const key = await crypto.subtle.importKey('raw', fromBase64(keyBase64), 'AES-GCM', false, ['encrypt', 'decrypt'])
    const drafts = new SealedDrafts(backing, key, prefix)
    const keys = storageKeys(backing).filter((name) => name.startsWith(prefix))
    await Promise.all(keys.map((name) => drafts.#open(name, backing.getItem(name))))
    await drafts.settled()
    return drafts
  }

  /**
   * Another window wrote (or removed) a draft: `sealed` is what it left in local storage (the
   * storage event's new value). Resolves once this window reads the same.
   */
  async heard(name: string | null, sealed: string | null): Promise<void> {
    // Local storage cleared: what is no longer in it is gone.
    if (name === null) {
      for (const opened of [...this.#opened.keys()]) if (this.backing.getItem(opened) === null) this.#opened.delete(opened)
      return
    }
    if (!name.startsWith(this.prefix)) return
    const ask = this.#ask(name)
    if (sealed === null) {
      this.#opened.delete(name)
      return
    }
    const plain = await this.#unseal(name, sealed)
    if (this.#asked.get(name) !== ask) return
    if (plain === undefined) this.#opened.delete(name)
    else this.#opened.set(name, plain)
  }

  /** Resolves once every draft written so far is sealed in local storage. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending)
  }

  get length(): number {
    return this.#keys().length
  }

  key(index: number): string | null {
    return this.#keys()[index] ?? null
  }

  getItem(name: string): string | null {
    if (!name.startsWith(this.prefix)) return this.backing.getItem(name)
    return this.#opened.get(name) ?? null
  }

  setItem(name: string, value: string): void {
    if (!name.startsWith(this.prefix)) return this.backing.setItem(name, value)
    this.#opened.set(name, value)
    const ask = this.#ask(name)
    this.#track(
      this.#seal(name, value).then((sealed) => {
        // Written again or removed meanwhile: that is what stands.
        if (this.#asked.get(name) === ask) this.backing.setItem(name, sealed)
      }),
    )
  }

  removeItem(name: string): void {
    if (name.startsWith(this.prefix)) {
      this.#opened.delete(name)
      this.#ask(name)
    }
    this.backing.removeItem(name)
  }

  clear(): void {
    for (const name of this.#keys()) this.removeItem(name)
  }

  /** The keys of local storage, and the drafts written here not yet sealed into it. */
  #keys(): string[] {
    const stored = storageKeys(this.backing)
    const known = new Set(stored)
    return [...stored, ...[...this.#opened.keys()].filter((name) => !known.has(name))]
  }

  async #open(name: string, stored: string | null): Promise<void> {
    if (stored === null) return
    if (stored.startsWith(SEALED)) {
      const plain = await this.#unseal(name, stored)
      if (plain !== undefined && !this.#asked.has(name)) this.#opened.set(name, plain)
      return
    }
    // Written in plain text by a version before drafts were sealed: sealed now, over it.
    this.setItem(name, stored)
  }

  async #seal(name: string, plain: string): Promise<string> {
    const iv = crypto.getRandomValues(new Uint8Array(12))
    const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(name) }, this.draftKey, new TextEncoder().encode(plain))
    return `${SEALED}${toBase64(iv)}:${toBase64(new Uint8Array(sealed))}`
  }

  /** The plain text of a sealed draft, or undefined if it does not open with this key under this name. */
  async #unseal(name: string, stored: string): Promise<string | undefined> {
    const [iv, sealed] = stored.slice(SEALED.length).split(':')
    if (!stored.startsWith(SEALED) || !iv || !sealed) return undefined
    try {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv), additionalData: new TextEncoder().encode(name) }, this.draftKey, fromBase64(sealed))
      return new TextDecoder().decode(plain)
    } catch {
      return undefined
    }
  }

  #ask(name: string): number {
    const ask = (this.#asked.get(name) ?? 0) + 1
    this.#asked.set(name, ask)
    return ask
  }

  #track(work: Promise<void>): void {
    const tracked = work.finally(() => this.#pending.delete(tracked))
    this.#pending.add(tracked)
  }
}

function storageKeys(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((name): name is string => name !== null)
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Bytes from base64; throws on what is not base64 (a damaged entry, caught as one that does not open). */
function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

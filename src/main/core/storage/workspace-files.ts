import { chmodSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { WorkspaceLockedError, WrongPassphraseError } from '../errors'
import { openSqlite, SqliteKeyRefusedError, type SqliteDatabase, type SqliteOptions } from '../../../node/sqlite'

/** The files of a workspace folder. Each workspace has its own; nothing is shared between them. */
export function workspaceFiles(dataDir: string) {
  return {
    /** The documents (Automerge chunks), the change journal and this laptop's own settings. */
    store: join(dataDir, 'homeward.sqlite'),
    /** Derived from the documents; safe to delete, rebuilt on the next open. */
    index: join(dataDir, 'index.sqlite'),
  }
}

/**
 * Opens the workspace's store and holds an exclusive lock on it until closed, so that two
 * processes never write the same workspace. The operating system drops the lock if the process
 * dies, so a crash never leaves a workspace locked.
 */
export function openWorkspaceStore(dataDir: string, options: SqliteOptions = {}): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  // A folder made by an older version: its listing (file names) is the owner's alone too.
  chmodSync(dataDir, 0o700)
  let db: SqliteDatabase | undefined
  try {
    db = openSqlite(workspaceFiles(dataDir).store, { ...options, timeout: options.timeout ?? 250 })
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('CREATE TABLE IF NOT EXISTS local_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)')
    // In exclusive mode the lock is taken by the first write and held until close: write now.
    db.prepare("INSERT OR REPLACE INTO local_settings (name, value) VALUES ('opened-at', ?)").run(
      JSON.stringify(new Date().toISOString()),
    )
    return db
  } catch (error) {
    db?.close()
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new WorkspaceLockedError(dataDir)
    if (error instanceof SqliteKeyRefusedError) throw new WrongPassphraseError()
    throw error
  }
}

/** Settings that belong to this laptop and never sync: who uses it, which team document is ours. */
export class LocalSettings {
  readonly #get
  readonly #set
  readonly #delete

  constructor(db: SqliteDatabase) {
    this.#get = db.prepare<[string], { value: string }>('SELECT value FROM local_settings WHERE name = ?')
    this.#set = db.prepare<[string, string]>(
      'INSERT INTO local_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    )
    this.#delete = db.prepare<[string]>('DELETE FROM local_settings WHERE name = ?')
  }

  delete(name: string): void {
    this.#delete.run(name)
  }

  get<T>(name: string): T | undefined {
    const row = this.#get.get(name)
    return row ? (JSON.parse(row.value) as T) : undefined
  }

  set(name: string, value: unknown): void {
    this.#set.run(name, JSON.stringify(value))
  }
}

import Database from 'better-sqlite3-multiple-ciphers'

export type SqliteDatabase = Database.Database

export interface SqliteOptions {
  /**
   * Path to a better-sqlite3-multiple-ciphers binary built for another runtime: Electron's Node ABI differs from
   * the system Node's, so the desktop app points at its own build and tests keep the default.
   */
  nativeBinding?: string
  /** How long to wait for a lock before giving up, in milliseconds. */
  timeout?: number
}

/**
 * Opens a SQLite file in WAL mode with full fsync, so an acknowledged write survives a crash, and
 * with deleted content overwritten (a removed scan of someone's passport must not linger in free
 * pages of the file).
 */
export function openSqlite(file: string, options: SqliteOptions = {}): SqliteDatabase {
  const db = new Database(file, {
    timeout: options.timeout ?? 5000,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('secure_delete = ON')
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

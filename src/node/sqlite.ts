import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
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
  /**
   * The 32-byte key the file is encrypted with (SQLCipher's format, AES-256): a case's words must
   * never sit in clear on a laptop's disk or the server's. A plain file found is encrypted first.
   */
  key?: Uint8Array
}

/** The file was there but the key does not open it: wrong passphrase, wrong key file, or not SQLite. */
export class SqliteKeyRefusedError extends Error {
  constructor(readonly file: string) {
    super('The key does not open this database')
    this.name = 'SqliteKeyRefusedError'
  }
}

/**
 * Opens a SQLite file in WAL mode with full fsync, so an acknowledged write survives a crash, and
 * with deleted content overwritten (a removed scan of someone's passport must not linger in free
 * pages of the file). With a key, the file is encrypted (an existing plain one on this first open).
 */
export function openSqlite(file: string, options: SqliteOptions = {}): SqliteDatabase {
  if (options.key && isPlainSqlite(file)) encryptPlainSqlite(file, options.key, options)
  ownerOnly(file)
  const db = new Database(file, {
    timeout: options.timeout ?? 5000,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  try {
    if (options.key) {
      applyKey(db, options.key, 'key')
      // The key is only tried on the first read: a wrong one fails here, before anything is written.
      try {
        db.prepare('SELECT count(*) FROM sqlite_schema').get()
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw new SqliteKeyRefusedError(file)
        throw error
      }
    }
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

/**
 * Creates the file readable by its owner only, or makes an older one so: SQLite gives its -wal and
 * -shm files the main file's mode.
 */
function ownerOnly(file: string): void {
  if (file === ':memory:') return
  closeSync(openSync(file, 'a', 0o600))
  chmodSync(file, 0o600)
}

/** A raw key (`x'…'`) skips SQLCipher's own KDF on each open: the key given is already derived. */
function applyKey(db: SqliteDatabase, key: Uint8Array, pragma: 'key' | 'rekey'): void {
  if (key.length !== 32) throw new Error('A database key is 32 bytes')
  db.pragma("cipher = 'sqlcipher'")
  db.pragma(`${pragma} = "x'${Buffer.from(key).toString('hex')}'"`)
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/**
 * A database file with something in it that is not plain SQLite: encrypted (it starts with its salt),
 * so only the key it was made with opens it.
 */
export function isEncryptedSqlite(file: string): boolean {
  return existsSync(file) && statSync(file).size > 0 && !isPlainSqlite(file)
}

/** A file that starts with SQLite's own header is unencrypted (an encrypted one starts with its salt). */
function isPlainSqlite(file: string): boolean {
  if (!existsSync(file)) return false
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length)
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(PLAIN_HEADER)
  } finally {
    closeSync(fd)
  }
}

/**
 * Encrypts a plain database in place: its WAL folded in and removed first (rekey cannot run in WAL
 * mode, and the WAL would keep plain pages), then every page rewritten under the key.
 */
function encryptPlainSqlite(file: string, key: Uint8Array, options: SqliteOptions): void {
  const db = new Database(file, {
    timeout: options.timeout ?? 5000,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.pragma('journal_mode = DELETE')
    applyKey(db, key, 'rekey')
  } finally {
    db.close()
  }
}

/**
 * Makes a table append-only: SQLite itself refuses to change or delete a row, whatever code asks
 * (an audit must not be rewritten, even by a bug of ours).
 */
export function appendOnly(db: SqliteDatabase, table: string): void {
  for (const [event, name] of [['UPDATE', 'no_update'], ['DELETE', 'no_delete']] as const) {
    db.exec(`CREATE TRIGGER IF NOT EXISTS ${table}_${name} BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`)
  }
}

/** Adds a column a file made by an older version lacks (SQLite has no ADD COLUMN IF NOT EXISTS). */
export function addColumnIfMissing(db: SqliteDatabase, table: string, column: string, type: string): void {
  const columns = db.prepare<[], { name: string }>(`PRAGMA table_info(${table})`).all()
  if (!columns.some((existing) => existing.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`)
}

import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { SqliteDatabase } from '../../../node/sqlite'
import { workspaceFiles } from '../storage/workspace-files'

/** The local setting that records when the team's server took this laptop off the team. */
export const SETTING_TAKEN_OFF_TEAM = 'taken-off-team'

/**
 * Deletes the team's data from a workspace whose server proved this laptop was taken off the team
 * (a lost laptop, revoked): every table of the store emptied (the documents' chunks, the change
 * journal, the outbox, the attestations and whatever else the core keeps there), every local
 * setting (the membership, the team document, the person), the index and the paperwork folder.
 * What is left is a fresh, empty workspace and one setting saying when this happened.
 *
 * Call with the repo shut down and the index closed, the store still open (it keeps the lock).
 * Secure delete overwrites deleted rows, VACUUM rewrites the file without free pages, and the
 * WAL, which holds copies of the pages written, is checkpointed and truncated: no byte of a
 * case is left in either file.
 */
export function wipeTeamData(store: SqliteDatabase, dataDir: string, at: string): void {
  const tables = store.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
  // The audit's tables refuse DELETE by trigger; the triggers are made again when the store opens.
  const triggers = store.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]
  store.transaction(() => {
    for (const trigger of triggers) store.exec(`DROP TRIGGER "${trigger.replaceAll('"', '""')}"`)
    for (const table of tables) store.exec(`DELETE FROM "${table.replaceAll('"', '""')}"`)
    store.prepare('INSERT INTO local_settings (name, value) VALUES (?, ?)').run(SETTING_TAKEN_OFF_TEAM, JSON.stringify(at))
    // AUTOINCREMENT's memory of the last number (the outbox's) says nothing of a case, but goes too.
    if (store.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get()) store.exec('DELETE FROM sqlite_sequence')
  })()
  store.exec('VACUUM')
  store.pragma('wal_checkpoint(TRUNCATE)')
  const index = workspaceFiles(dataDir).index
  for (const file of [index, `${index}-wal`, `${index}-shm`]) rmSync(file, { force: true })
  rmSync(join(dataDir, 'documents'), { recursive: true, force: true })
}

/** When this laptop was taken off the team, if it was. */
export function takenOffTeamAt(settings: { get<T>(name: string): T | undefined }): string | undefined {
  return settings.get<string>(SETTING_TAKEN_OFF_TEAM)
}

/**
 * The person has read that the laptop was taken off the team and chose to start again: the notice
 * goes, and the empty workspace is a first run (set up afresh, or join a team with a new code).
 */
export function dismissTakenOffTeam(settings: { delete(name: string): void }): void {
  settings.delete(SETTING_TAKEN_OFF_TEAM)
}

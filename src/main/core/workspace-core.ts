import type { DocHandle, Repo } from '@automerge/automerge-repo'
import type { ChangeContext } from '../../shared/case/changes'
import type { PersonRef } from '../../shared/people'
import type { TeamDoc } from '../../shared/team/team-doc'
import type { CaseIndex } from './index/case-index'
import type { CaseIndexer } from './index/indexer'
import type { SqliteStorageAdapter } from './storage/sqlite-adapter'
import type { LocalSettings } from './storage/workspace-files'
import type { ChangeAttestations } from './sync/attestations'

/**
 * What every domain module of the core shares: the workspace's repo, storage and index, the team
 * document in use, and who is working now. The workspace makes one and hands it to each module.
 */
export interface WorkspaceCore {
  readonly repo: Repo
  /** The workspace folder. */
  readonly dataDir: string
  /** The workspace key: its databases are opened with it, and its other files sealed with it (`src/node/sealed-file.ts`). */
  readonly key: Uint8Array
  readonly storage: SqliteStorageAdapter
  /** This laptop's own settings (never synced). */
  readonly settings: LocalSettings
  /** Who sent each change (the server's record, or this laptop): what a case's history checks declared authors against. */
  readonly attestations: ChangeAttestations
  readonly index: CaseIndex
  readonly indexer: CaseIndexer
  /** The team document in use (the team's, once this laptop has joined one). */
  teamDoc(): DocHandle<TeamDoc>
  /** Who is changing things, in what role, and when: what every change records. */
  context(): ChangeContext
  /** The time now: the real clock, or a test's. */
  now(): Date
  /**
   * Changes the team document, signed by whoever `signer` names and at its time: the context of the
   * operation it is part of, so all its changes carry one moment (by default, the person working now).
   */
  changeTeam(edit: (team: TeamDoc) => void, signer?: { author: PersonRef; now: Date }): void
}

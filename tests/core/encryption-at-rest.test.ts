import { randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import { workspaceFiles } from '../../src/main/core/storage/workspace-files'
import { WORKSPACE_KEY_FILE } from '../../src/main/core/storage/workspace-key'
import { textPdf } from '../support/fixtures'
import { caseReadyForPack, setUpTeamSettings } from '../support/paperwork'
import { DEREK, referral } from '../support/people'
import { openEncrypted, TEST_PASSPHRASE } from '../support/passphrase'
import { TestTeam } from '../support/sync-team'
import { tempDir } from '../support/temp-dir'

const NAME = 'Olwen Draftperson'

/** Every file under a folder, with its bytes: -wal and -shm files, the key file, everything. */
function everyFile(dir: string): { path: string; bytes: Buffer }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }))
}

/** The files that hold the name in clear, in UTF-8 or UTF-16 (either byte order). */
function filesNaming(dir: string, name: string): string[] {
  const utf16le = Buffer.from(name, 'utf16le')
  const utf16be = Buffer.from(utf16le).swap16()
  return everyFile(dir)
    .filter(({ bytes }) => [Buffer.from(name, 'utf8'), utf16le, utf16be].some((needle) => bytes.includes(needle)))
    .map(({ path }) => path)
}

describe('encryption at rest', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  it('leaves no byte of a client’s name in clear in a laptop’s workspace folder (a case, a note, a scan, a pack and its email) or the server’s folder', async () => {
    const team = await TestTeam.start()
    cleanups.push(() => team.cleanup())
    const laptop = await team.create(DEREK)
    await setUpTeamSettings(laptop.workspace)
    const caseId = await caseReadyForPack(laptop.workspace, NAME)
    await laptop.workspace.cases.addNote(caseId, { date: '2026-11-23', type: 'face-to-face', text: `${NAME} asked about her sister in Leeds.` })
    await laptop.workspace.attachments.add(caseId, {
      fileName: `${NAME} passport.pdf`,
      bytes: await textPdf(NAME, 1),
      details: { type: 'identity', date: '2026-11-01', shareInPack: 'no' },
    })
    // A generated document, and its ready-to-send email, kept on the laptop (sealed).
    const pack = await laptop.workspace.paperwork.presentationPack(caseId)
    await laptop.workspace.paperwork.prepareEmail(caseId, pack.id)
    expect((await laptop.workspace.paperwork.read(pack)).subarray(0, 5).toString()).toBe('%PDF-')
    await laptop.sync.syncOnce()
    // Synced: the server holds the case too.
    expect(laptop.workspace.membership.outbox.size()).toBe(0)

    expect(filesNaming(laptop.dataDir, NAME)).toEqual([])
    expect(filesNaming(team.serverDir, NAME)).toEqual([])
    // And once the laptop has closed (its WAL folded into the file).
    await team.closeLaptop(laptop)
    expect(filesNaming(laptop.dataDir, NAME)).toEqual([])
    for (const { path } of everyFile(laptop.dataDir)) expect(statSync(path).mode & 0o077, path).toBe(0)
    expect(statSync(laptop.dataDir).mode & 0o077).toBe(0)
  })

  it('refuses a wrong passphrase with one line and changes no byte of the folder', async () => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    const workspace = await openWorkspace({ dataDir: dir.path, user: DEREK, passphrase: TEST_PASSPHRASE })
    await workspace.cases.create(referral({ clientName: NAME }))
    await workspace.close()
    const before = everyFile(dir.path)

    await expect(openWorkspace({ dataDir: dir.path, user: DEREK, passphrase: 'not the passphrase' })).rejects.toThrow(/^That passphrase does not open this workspace$/)
    expect(everyFile(dir.path)).toEqual(before)

    const again = await openWorkspace({ dataDir: dir.path, user: DEREK, passphrase: TEST_PASSPHRASE })
    expect(again.cases.list().map((entry) => entry.clientName)).toEqual([NAME])
    await again.close()
  })

  it('encrypts a workspace made before encryption on its first open, losing nothing', async () => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    // A workspace as the old code left it: a plain SQLite store (in WAL mode, its WAL not yet folded in).
    const workspace = await openWorkspace({ dataDir: dir.path, user: DEREK, passphrase: TEST_PASSPHRASE })
    const ids = [
      await workspace.cases.create(referral({ clientName: NAME })),
      await workspace.cases.create(referral({ clientName: 'Aoife Byrne', chainNumber: '555111', dateOfBirth: '1990-02-03' })),
    ]
    await workspace.cases.addNote(ids[0]!, { date: '2026-11-23', type: 'phone', text: 'Rang about the coach ticket.' })
    await workspace.close()
    for (const file of [workspaceFiles(dir.path).store, workspaceFiles(dir.path).index]) decryptInPlace(file)
    // Its paperwork, plain on disk as the old code wrote it.
    mkdirSync(join(dir.path, 'documents', ids[0]!), { recursive: true })
    writeFileSync(join(dir.path, 'documents', ids[0]!, `${randomUUID()}.pdf`), `%PDF-1.7 Closure letter for ${NAME}`)
    rmSync(join(dir.path, WORKSPACE_KEY_FILE))
    expect(filesNaming(dir.path, NAME).length).toBeGreaterThan(0)

    const opened = await openWorkspace({ dataDir: dir.path, user: DEREK, passphrase: TEST_PASSPHRASE })
    expect(opened.cases.list().map((entry) => entry.id).sort()).toEqual([...ids].sort())
    expect((await opened.cases.read(ids[0]!)).notes.map((note) => note.text)).toEqual(['Rang about the coach ticket.'])
    await opened.close()
    expect(filesNaming(dir.path, NAME)).toEqual([])
  })
})

/** Makes a workspace's database plain, as the code before encryption left it (WAL mode). */
function decryptInPlace(file: string): void {
  const db = openEncrypted(file)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.pragma('journal_mode = DELETE')
  db.pragma("rekey = ''")
  db.close()
  const plain = new Database(file)
  plain.pragma('journal_mode = WAL')
  plain.close()
}

import { afterEach, describe, expect, it } from 'vitest'
import { workspaceFiles } from '../../src/main/core/storage/workspace-files'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { markedJpeg, textPdf } from '../support/fixtures'
import { openEncrypted } from '../support/passphrase'
import { AMINA, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const NOW = new Date('2026-11-23T10:00:00Z')
const details = { type: 'identity', date: '2026-11-01', shareInPack: 'yes' }

/** Works on a closed workspace's store directly, as damage or an attacker with the key would. */
function inStore<T>(dataDir: string, work: (db: ReturnType<typeof openEncrypted>) => T): T {
  const db = openEncrypted(workspaceFiles(dataDir).store)
  try {
    return work(db)
  } finally {
    db.close()
  }
}

const copyOf = (dataDir: string, id: string) =>
  inStore(dataDir, (db) => db.prepare<[string], { sha256: string; data: Buffer }>('SELECT sha256, data FROM file_copies WHERE document_id = ?').get(id))

describe('the copy of a scan’s bytes kept beside its document', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  async function open(dataDir: string): Promise<Workspace> {
    const ws = await openWorkspace({ dataDir, user: AMINA, now: () => NOW })
    cleanups.push(() => ws.close())
    return ws
  }
  async function withScan(bytes: Uint8Array): Promise<{ dataDir: string; caseId: string; id: string; sha256: string }> {
    const dir = tempDir('file-copies')
    cleanups.push(dir.remove)
    const ws = await open(dir.path)
    const caseId = await ws.cases.create(referral())
    const id = await ws.attachments.add(caseId, { fileName: 'passport.jpg', bytes, details })
    const sha256 = (await ws.cases.read(caseId)).attachments[id]!.sha256
    await ws.close()
    return { dataDir: dir.path, caseId, id, sha256 }
  }

  it('is what a scan is read from after opening, without its document', async () => {
    const photo = markedJpeg(1)
    const { dataDir, caseId, id, sha256 } = await withScan(photo)
    expect(copyOf(dataDir, id)?.sha256).toBe(sha256)
    // With the document's chunks gone (only here, to prove where the bytes come from) the copy still reads.
    inStore(dataDir, (db) => db.prepare("DELETE FROM automerge_chunks WHERE key LIKE '[\"' || ? || '\"%'").run(id))
    const ws = await open(dataDir)
    const file = await ws.attachments.read(caseId, id, sha256)
    expect(file).toMatchObject({ kind: 'homeward/attachment', caseId, fileName: 'passport.jpg', mediaType: 'image/jpeg', sha256 })
    expect(Buffer.from(file.bytes).equals(Buffer.from(photo))).toBe(true)
  })

  it('is not used when its bytes are not what was recorded: the document is read, and the copy made again from it', async () => {
    const photo = markedJpeg(1)
    const { dataDir, caseId, id, sha256 } = await withScan(photo)
    const other = Buffer.from(markedJpeg(6))
    // Damaged: the bytes no longer hash to the copy's own record of them.
    inStore(dataDir, (db) => db.prepare('UPDATE file_copies SET data = ? WHERE document_id = ?').run(other, id))
    let ws = await open(dataDir)
    expect(Buffer.from((await ws.attachments.read(caseId, id, sha256)).bytes).equals(Buffer.from(photo))).toBe(true)
    await ws.close()
    expect(Buffer.from(copyOf(dataDir, id)!.data).equals(Buffer.from(photo))).toBe(true)

    // Changed whole, its record with it: not the file the case records.
    const { sha256Hex } = await import('../../src/node/crypto')
    inStore(dataDir, (db) => db.prepare('UPDATE file_copies SET data = ?, sha256 = ? WHERE document_id = ?').run(other, sha256Hex(other), id))
    ws = await open(dataDir)
    expect(Buffer.from((await ws.attachments.read(caseId, id, sha256)).bytes).equals(Buffer.from(photo))).toBe(true)
    // The pack reads it as the case records it.
    await ws.close()
    expect(copyOf(dataDir, id)?.sha256).toBe(sha256)
  })

  it('is made again from the document when there is none (a scan received from another laptop)', async () => {
    const pdf = await textPdf('Tenancy agreement', 2)
    const { dataDir, caseId, id, sha256 } = await withScan(pdf)
    inStore(dataDir, (db) => db.prepare('DELETE FROM file_copies').run())
    const ws = await open(dataDir)
    expect(Buffer.from((await ws.attachments.read(caseId, id, sha256)).bytes).equals(Buffer.from(pdf))).toBe(true)
    await ws.close()
    expect(copyOf(dataDir, id)?.sha256).toBe(sha256)
  })

  it('goes with its document: a scan removed on a laptop alone leaves no copy', async () => {
    const { dataDir, caseId, id } = await withScan(markedJpeg(1))
    const ws = await open(dataDir)
    await ws.attachments.remove(caseId, id)
    await ws.close()
    expect(copyOf(dataDir, id)).toBeUndefined()
  })
})

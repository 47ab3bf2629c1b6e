import { openEncrypted } from './passphrase'
import { workspaceFiles } from '../../src/main/core/storage/workspace-files'

/**
 * Flips one byte in the middle of every stored chunk of a document, as a failing disk might.
 * Returns how many chunks it damaged.
 */
export function damageDocument(dataDir: string, documentId: string): number {
  const db = openEncrypted(workspaceFiles(dataDir).store)
  try {
    const rows = db.prepare('SELECT rowid, data FROM automerge_chunks WHERE key LIKE ?').all(`["${documentId}",%`) as { rowid: number; data: Buffer }[]
    for (const row of rows) {
      const data = Buffer.from(row.data)
      const middle = Math.floor(data.length / 2)
      data[middle] = data[middle]! ^ 0xff
      db.prepare('UPDATE automerge_chunks SET data = ? WHERE rowid = ?').run(data, row.rowid)
    }
    return rows.length
  } finally {
    db.close()
  }
}

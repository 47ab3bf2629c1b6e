import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openEncrypted } from './passphrase'

/** Every file under a folder, byte by byte: those holding the text (UTF-8). */
export function inAnyFile(dir: string, text: string): string[] {
  const needle = Buffer.from(text)
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && readFileSync(path).includes(needle))
}

/** The rows an encrypted SQLite table holds naming a document: `query` counts them, given the document id. */
export function rowsNaming(file: string, query: string, documentId: string): number {
  const db = openEncrypted(file, { readonly: true, timeout: 5000 })
  try {
    return db.prepare(query).pluck().get(documentId) as number
  } finally {
    db.close()
  }
}

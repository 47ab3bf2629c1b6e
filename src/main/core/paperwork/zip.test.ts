import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { storedZip } from './zip'

describe('a stored ZIP of a subject access copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zip-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('passes unzip’s own check and gives back every file, byte for byte, under its accented name and folder', () => {
    const files = [
      { name: 'Subject access copy - Ólafur Jóhannsson.pdf', bytes: new Uint8Array([37, 80, 68, 70, 0, 255]) },
      { name: 'Scanned documents/01 birth certificate.pdf', bytes: new Uint8Array(70_000).map((_, i) => i % 251) },
      { name: 'record.json', bytes: new Uint8Array() },
    ]
    const zip = join(dir, 'copy.zip')
    writeFileSync(zip, storedZip(files))
    expect(execFileSync('unzip', ['-t', zip], { encoding: 'utf8' })).toMatch(/No errors detected/)
    execFileSync('unzip', ['-q', zip, '-d', join(dir, 'out')])
    for (const file of files) expect(Buffer.compare(readFileSync(join(dir, 'out', file.name)), Buffer.from(file.bytes))).toBe(0)
  })
})

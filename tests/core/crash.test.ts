import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { resolve } from 'node:path'
import { expect, it } from 'vitest'
import { openWorkspace } from '../../src/main/core/workspace'
import { AMINA } from '../support/people'
import { tempDir } from '../support/temp-dir'
import { ROOT } from '../support/built'

/** Runs the crash writer until it has acknowledged `acks` notes, then kills it with SIGKILL. */
async function writeAndKill(dataDir: string, acks: number): Promise<{ caseId: string; acknowledged: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'tests/support/crash-writer.ts'), dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let caseId = ''
  let acknowledged = 0
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)))
  for await (const line of createInterface({ input: child.stdout })) {
    const [word, value = ''] = line.split(' ')
    if (word === 'case') caseId = value
    if (word === 'ack') acknowledged = Number(value)
    if (acknowledged >= acks) {
      child.kill('SIGKILL')
      break
    }
  }
  expect(await exited).toBe('SIGKILL')
  return { caseId, acknowledged }
}

it('a process killed mid-write keeps every acknowledged change, and the index catches up', async () => {
  const dir = tempDir('crash')
  try {
    // Kill at a different point each run; the seed is in the failure message.
    const target = 20 + Math.floor(Math.random() * 40)
    const { caseId, acknowledged } = await writeAndKill(dir.path, target)

    const workspace = await openWorkspace({ dataDir: dir.path, user: AMINA })
    try {
      const notes = (await workspace.cases.read(caseId)).notes.map((note) => note.text)
      for (let n = 1; n <= acknowledged; n++) {
        expect(notes, `note ${n} of ${acknowledged} (killed after ${target} acks)`).toContain(`Contact number ${n} word${n}x`)
      }
      // The last acknowledged note is searchable: the change journal re-indexed what the kill cut off.
      expect(workspace.cases.search(`word${acknowledged}x`).map((hit) => hit.id)).toEqual([caseId])
    } finally {
      await workspace.close()
    }
  } finally {
    dir.remove()
  }
})

import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { openEncrypted } from '../support/passphrase'
import { join } from 'node:path'
import * as Automerge from '@automerge/automerge'
import { afterEach, describe, expect, it } from 'vitest'
import { openWorkspace, type Workspace } from '../../src/main/core/workspace'
import { CaseIndex } from '../../src/main/core/index/case-index'
import { workspaceFiles } from '../../src/main/core/storage/workspace-files'
import { WorkspaceLockedError } from '../../src/main/core/errors'
import { authorOf } from '../../src/shared/authorship'
import { ValidationError } from '../../src/shared/validation'
import { AMINA, DEREK, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

const TODAY = new Date('2026-11-23T10:00:00Z')

/** Each file in a folder, by name, with a hash of its bytes. */
/**
 * What a workspace folder's files hold. Not the -shm files: SQLite's shared memory between a
 * database's connections, which a reader updates (its read marks) without writing anything.
 */
function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => !name.endsWith('-shm'))
      .map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]),
  )
}

describe('a workspace', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function open(dataDir: string, user = AMINA): Promise<Workspace> {
    const workspace = await openWorkspace({ dataDir, user, now: () => TODAY })
    cleanups.push(() => workspace.close())
    return workspace
  }
  function folder(): string {
    const dir = tempDir('workspace')
    cleanups.push(dir.remove)
    return dir.path
  }

  it('creates a case, lists it from the index and finds it by name and by a note', async () => {
    const workspace = await open(folder())
    const id = await workspace.cases.create(referral())
    expect(workspace.cases.list()).toMatchObject([
      { id, clientName: 'Łukasz Wiśniewski', dateOfBirth: '1984-05-17', chainNumber: '123456', phase: 'identify' },
    ])
    expect(workspace.cases.search('Wisniewski').map((hit) => [hit.id, hit.matchedIn])).toEqual([[id, 'name']])
    expect(workspace.cases.search('LUKASZ wiś').map((hit) => hit.id)).toEqual([id])
    expect(workspace.cases.search('123456').map((hit) => hit.matchedIn)).toEqual(['identifiers'])
    expect(workspace.cases.search('hostel')).toEqual([])

    await workspace.cases.addNote(id, { date: '2026-11-20', type: 'face-to-face', text: 'Met at the Whitechapel hostel.' })
    expect(workspace.cases.search('hostel').map((hit) => [hit.id, hit.matchedIn])).toEqual([[id, 'notes']])
    expect(workspace.cases.search('WHITECHAPEL').map((hit) => hit.id)).toEqual([id])
  })

  it('keeps everything after it is closed and opened again', async () => {
    const dataDir = folder()
    const first = await openWorkspace({ dataDir, user: AMINA, now: () => TODAY })
    const id = await first.cases.create(referral({ clientName: "Zoë O'Brien-Ní Bhriain" }))
    await first.cases.addNote(id, { date: '2026-11-21', type: 'phone', text: 'Spoke about the move to Leeds.' })
    await first.close()

    const again = await open(dataDir)
    expect(again.cases.list().map((row) => row.clientName)).toEqual(["Zoë O'Brien-Ní Bhriain"])
    expect(again.cases.search('leeds').map((hit) => hit.id)).toEqual([id])
    const record = await again.cases.read(id)
    expect(record.notes.map((note) => note.text)).toEqual(['Spoke about the move to Leeds.'])
  })

  it('serves the case list from the index without loading any case document', async () => {
    const dataDir = folder()
    const first = await openWorkspace({ dataDir, user: AMINA, now: () => TODAY })
    for (const [i, name] of ['Ana Pereira', 'Ștefan Popescu', 'Ólafur Jóhannsson'].entries()) {
      await first.cases.create(referral({ clientName: name, chainNumber: `70000${i}` }))
    }
    await first.close()

    const again = await open(dataDir)
    expect(again.cases.list()).toHaveLength(3)
    expect(again.cases.search('stefan')).toHaveLength(1)
    // Only the team document is in memory.
    expect(Object.keys(again.repo.handles)).toHaveLength(1)
  })

  it('records the author on every change', async () => {
    const workspace = await open(folder(), DEREK)
    const id = await workspace.cases.create(referral())
    await workspace.cases.addNote(id, { date: '2026-11-22', type: 'with-agency', text: 'Called the council.' })
    const handle = await workspace.cases.open(id)
    const authored = Automerge.getHistory(handle.doc())
      .map((state) => authorOf(state.change.message))
      .filter((author) => author !== undefined)
    // The document's creation is the repo's own empty change; every Homeward change is signed.
    expect(authored.length).toBeGreaterThanOrEqual(2)
    expect(authored.every((author) => author.id === DEREK.id && author.name === DEREK.name)).toBe(true)
    expect((await workspace.cases.read(id)).notes[0]?.author).toEqual({ id: DEREK.id, name: DEREK.name })
  })

  it('rebuilds a deleted index from the documents', async () => {
    const dataDir = folder()
    const first = await openWorkspace({ dataDir, user: AMINA, now: () => TODAY })
    const id = await first.cases.create(referral())
    await first.cases.addNote(id, { date: '2026-11-20', type: 'phone', text: 'Sister lives in Bradford.' })
    await first.cases.create(referral({ clientName: 'Дмитрий Иванов', chainNumber: '' }))
    await first.close()

    const indexFile = workspaceFiles(dataDir).index
    for (const suffix of ['', '-wal', '-shm']) rmSync(indexFile + suffix, { force: true })
    expect(existsSync(indexFile)).toBe(false)

    const again = await open(dataDir)
    expect(again.cases.list().map((row) => row.clientName).sort()).toEqual(['Łukasz Wiśniewski', 'Дмитрий Иванов'])
    expect(again.cases.search('bradford').map((hit) => hit.id)).toEqual([id])
    expect(again.cases.search('дмитрий')).toHaveLength(1)
    expect(Object.keys(again.repo.handles)).toHaveLength(1)
    expect(await again.rebuildIndex()).toBe(2)
  })

  it('refuses a second opening of the same folder while the first is open', async () => {
    const dataDir = folder()
    await open(dataDir)
    await expect(openWorkspace({ dataDir, user: AMINA })).rejects.toBeInstanceOf(WorkspaceLockedError)
  })

  it('two workspaces never share a file or a case', async () => {
    const a = folder()
    const b = folder()
    const first = await open(a)
    await first.cases.create(referral({ clientName: 'Only In A' }))
    const before = fingerprint(a)
    // Both open at once: neither holds the other's lock, because they share no file.
    const second = await open(b)
    await second.cases.create(referral({ clientName: 'Only In B' }))
    await second.cases.addNote(second.cases.list()[0]!.id, { date: '2026-11-20', type: 'phone', text: 'Only in B.' })
    expect(fingerprint(a)).toEqual(before)
    expect(first.cases.list().map((row) => row.clientName)).toEqual(['Only In A'])
    expect(second.cases.list().map((row) => row.clientName)).toEqual(['Only In B'])
    expect(first.cases.search('only')).toHaveLength(1)
    expect(Object.keys(fingerprint(b)).sort()).toEqual(['homeward-key.json', 'homeward.sqlite', 'homeward.sqlite-wal', 'index.sqlite', 'index.sqlite-wal'].filter((name) => existsSync(join(b, name))))
  })

  it('rebuilds an index that a crash left half built', async () => {
    const dataDir = folder()
    const first = await openWorkspace({ dataDir, user: AMINA, now: () => TODAY })
    for (const [i, name] of ['Ana Pereira', 'Ștefan Popescu', 'Ólafur Jóhannsson'].entries()) {
      await first.cases.create(referral({ clientName: name, chainNumber: `70000${i}` }))
    }
    await first.close()
    // What a process killed during a rebuild leaves: the tables, part of the rows, no version.
    const index = openEncrypted(workspaceFiles(dataDir).index)
    index.exec("DELETE FROM cases WHERE client_name != 'Ana Pereira'")
    index.pragma('user_version = 0')
    index.close()

    const again = await open(dataDir)
    expect(again.cases.list()).toHaveLength(3)
  })

  it('indexes again at opening a listed case the index lost without a note (a laptop stopped before a relisting was noted)', async () => {
    const dataDir = folder()
    const first = await openWorkspace({ dataDir, user: AMINA, now: () => TODAY })
    await first.cases.create(referral({ clientName: 'Ana Pereira', chainNumber: '700001' }))
    const lost = await first.cases.create(referral({ clientName: 'Ștefan Popescu', chainNumber: '700002' }))
    await first.close()
    // The index as a case taken out (unlisted) and listed again before the note to index it was written leaves it: not there, complete.
    const index = openEncrypted(workspaceFiles(dataDir).index)
    const rowid = index.prepare('SELECT rowid FROM cases WHERE id = ?').pluck().get(lost)
    index.prepare('DELETE FROM case_text WHERE rowid = ?').run(rowid)
    index.prepare('DELETE FROM name_words WHERE case_rowid = ?').run(rowid)
    index.prepare('DELETE FROM case_names WHERE case_id = ?').run(lost)
    index.prepare('DELETE FROM cases WHERE id = ?').run(lost)
    index.close()

    const again = await open(dataDir)
    await again.indexed()
    expect(again.cases.list().map((row) => row.clientName).sort()).toEqual(['Ana Pereira', 'Ștefan Popescu'])
    expect(again.cases.search('popescu').map((hit) => hit.id)).toEqual([lost])
  })

  it('counts an index as built only once a rebuild has filled it', () => {
    const file = join(folder(), 'index.sqlite')
    CaseIndex.open(file).close()
    const reopened = CaseIndex.open(file)
    expect(reopened.needsRebuild).toBe(true)
    reopened.replaceAll([])
    reopened.close()
    const built = CaseIndex.open(file)
    expect(built.needsRebuild).toBe(false)
    built.close()
  })

  it('replaces an index file that is not a database', async () => {
    const dataDir = folder()
    const first = await openWorkspace({ dataDir, user: AMINA, now: () => TODAY })
    await first.cases.create(referral())
    await first.close()
    for (const suffix of ['-wal', '-shm']) rmSync(workspaceFiles(dataDir).index + suffix, { force: true })
    writeFileSync(workspaceFiles(dataDir).index, 'this is not a database '.repeat(100))

    const again = await open(dataDir)
    expect(again.cases.search('wisniewski')).toHaveLength(1)
  })

  it('refuses bad input with a message per field and saves nothing', async () => {
    const workspace = await open(folder())
    const attempts = [
      [referral({ clientName: '   ' }), 'clientName', "Enter the client's name"],
      [referral({ dateOfBirth: '2027-01-01' }), 'dateOfBirth', '"Date of birth" (01/01/2027) cannot be in the future'],
      [referral({ dateOfBirth: '1990-02-30' }), 'dateOfBirth', '1990-02-30 is not a real date'],
      [referral({ chainNumber: '12AB34' }), 'chainNumber', 'CHAIN number must be digits only, for example 123456'],
      [{}, 'clientName', "Enter the client's name"],
    ] as const
    for (const [input, field, message] of attempts) {
      const error = await workspace.cases.create(input).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).issues).toContainEqual({ field, message })
    }
    expect(workspace.cases.list()).toEqual([])
    expect(Object.keys(workspace.repo.handles)).toHaveLength(1)
  })

  it('asks who is using the laptop before anyone can make changes', async () => {
    const dataDir = folder()
    const workspace = await openWorkspace({ dataDir, now: () => TODAY })
    cleanups.push(() => workspace.close())
    expect(workspace.team.profile).toBeNull()
    await expect(workspace.cases.create(referral())).rejects.toThrow(/Nobody is set up on this laptop/)
    expect(() => workspace.team.setProfile({ name: '' })).toThrow(ValidationError)
    // Alone on a laptop, its person is its manager: nobody chooses a role.
    const person = workspace.team.setProfile({ name: 'Priya Shah', role: 'caseworker' })
    expect(person).toMatchObject({ name: 'Priya Shah', role: 'manager' })
    expect(workspace.team.profile).toEqual(person)
    expect(workspace.currentContext().role).toBe('manager')
    const id = await workspace.cases.create(referral())
    expect((await workspace.cases.read(id)).createdBy).toEqual({ id: person.id, name: 'Priya Shah' })
  })
})

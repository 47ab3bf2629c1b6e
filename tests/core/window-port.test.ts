import { MessageChannel } from 'node:worker_threads'
import { Repo, type DocumentId, type PeerId } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import { expect, it } from 'vitest'
import { windowPortAdapter, windowRepoConnections } from '../../src/main/core/network/window-port'
import { openWorkspace } from '../../src/main/core/workspace'
import { authoredBy } from '../../src/shared/authorship'
import { addNote } from '../../src/shared/case/changes'
import { readCase, type CaseDoc } from '../../src/shared/case/case-doc'
import { likeMessagePortMain } from '../support/message-port-main'
import { AMINA, referral } from '../support/people'
import { tempDir } from '../support/temp-dir'

it("the desktop window's repo edits a case through a MessagePort and the core indexes it", async () => {
  const dir = tempDir('window-port')
  const workspace = await openWorkspace({ dataDir: dir.path, user: AMINA })
  const id = await workspace.cases.create(referral())
  const { port1, port2 } = new MessageChannel()
  workspace.repo.networkSubsystem.addNetworkAdapter(windowPortAdapter(likeMessagePortMain(port1)))
  const window = new Repo({
    network: [new MessageChannelNetworkAdapter(port2 as unknown as ConstructorParameters<typeof MessageChannelNetworkAdapter>[0])],
    peerId: 'window-test' as PeerId,
  })
  try {
    const handle = await window.find<CaseDoc>(id as DocumentId)
    expect(readCase(handle.doc()).referral.clientName).toBe('Łukasz Wiśniewski')

    const now = new Date()
    handle.change(
      (doc) => addNote(doc, { date: '2026-11-20', type: 'phone', text: 'Booked the coach to Leeds.' }, { id: 'n1', author: AMINA, role: 'caseworker', now, today: '2026-11-20' }),
      authoredBy(AMINA, now),
    )
    await expect.poll(() => workspace.cases.search('coach').map((hit) => hit.id)).toEqual([id])
    expect((await workspace.cases.read(id)).notes.map((note) => note.text)).toEqual(['Booked the coach to Leeds.'])
  } finally {
    await window.shutdown()
    port1.close()
    await workspace.close()
    dir.remove()
  }
})

it('a window opens at most so many repo connections at once; past the bound it is refused and the open ones keep working', async () => {
  const core = new Repo({ network: [], peerId: 'core-test' as PeerId })
  const doc = core.create<{ note: string }>({ note: 'Booked the coach to Leeds.' })
  const connections = windowRepoConnections(core, 2)
  const windows: Repo[] = []
  const openWindow = () => {
    const { port1, port2 } = new MessageChannel()
    if (!connections.connect(likeMessagePortMain(port1))) {
      port1.close()
      return undefined
    }
    const window = new Repo({
      network: [new MessageChannelNetworkAdapter(port2 as unknown as ConstructorParameters<typeof MessageChannelNetworkAdapter>[0])],
      peerId: `window-${windows.length}` as PeerId,
    })
    windows.push(window)
    return { window, close: () => port2.close() }
  }
  const noteIn = async (window: Repo) => (await window.find<{ note: string }>(doc.documentId)).doc().note
  try {
    const first = openWindow()
    const second = openWindow()
    expect(first && second).toBeTruthy()
    expect(Array.from({ length: 1000 }, openWindow).filter(Boolean)).toEqual([])
    expect(await noteIn(first!.window)).toBe('Booked the coach to Leeds.')
    expect(await noteIn(second!.window)).toBe('Booked the coach to Leeds.')

    // Once a connection closes (its page unloaded), its place is free again.
    first!.close()
    await expect.poll(() => core.peers).not.toContain('window-0')
    const third = openWindow()
    expect(third).toBeTruthy()
    expect(await noteIn(third!.window)).toBe('Booked the coach to Leeds.')
    expect(openWindow()).toBeUndefined()
  } finally {
    await Promise.all(windows.map((window) => window.shutdown()))
    await core.shutdown()
  }
})

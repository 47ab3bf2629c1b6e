import { MessageChannel } from 'node:worker_threads'
import type { NetworkAdapterInterface } from '@automerge/automerge-repo'
import { runNetworkAdapterTests } from '@automerge/automerge-repo/helpers/tests/network-adapter-tests.js'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import { windowPortAdapter } from '../../src/main/core/network/window-port'
import { likeMessagePortMain } from '../support/message-port-main'

/**
 * automerge-repo's own acceptance suite for network adapters, run over the link between a desktop
 * window's repo and the core's. Homeward has no adapter class of its own: the core's end is
 * `windowPortAdapter`, the stock MessageChannelNetworkAdapter over Homeward's bridge from
 * Electron's MessagePortMain (an emitter, which copies ArrayBuffers rather than transferring
 * them); the window's end is the stock adapter over the DOM MessagePort, as in
 * renderer/platform/electron.ts. Node's MessageChannel stands in for Electron's, shaped like
 * MessagePortMain on the core's end.
 */
function windowCoreLink(coreEnd: 'port1' | 'port2') {
  const channel = new MessageChannel()
  const corePort = channel[coreEnd]
  const windowPort = coreEnd === 'port1' ? channel.port2 : channel.port1
  return {
    core: windowPortAdapter(likeMessagePortMain(corePort)),
    window: new MessageChannelNetworkAdapter(windowPort as unknown as ConstructorParameters<typeof MessageChannelNetworkAdapter>[0]),
    close: () => channel.port1.close(),
  }
}

type Peers = [NetworkAdapterInterface[], NetworkAdapterInterface[], NetworkAdapterInterface[]]

// The suite's second peer is linked to the first and the third, which are not linked to each
// other; its two-peer tests use the first adapter of the first and of the second peer.

// As the app runs: the core in the middle, linked to two windows.
runNetworkAdapterTests(async () => {
  const toAlice = windowCoreLink('port1')
  const toCharlie = windowCoreLink('port1')
  const adapters: Peers = [[toAlice.window], [toAlice.core, toCharlie.core], [toCharlie.window]]
  return { adapters, teardown: () => [toAlice, toCharlie].forEach((link) => link.close()) }
}, "the window's end first, the core in the middle")

// The links turned round, so that in the two-peer tests the core's end is the one that connects,
// disconnects and reconnects first. The core's ends take the channels' second ports here: with
// the first, the suite's broadcast test meets an automerge-repo 2.5.6 fault that is not the
// link's (a document with no changes yet, found through a peer that has not got it either, is
// never found when the messages cross in that order; stock adapters on both ends do the same, and
// a document with content is found either way). Homeward writes a document's content in the same
// tick as it creates it, so no document of its own is ever shared empty.
runNetworkAdapterTests(async () => {
  const toAlice = windowCoreLink('port2')
  const toCharlie = windowCoreLink('port2')
  const adapters: Peers = [[toAlice.core], [toAlice.window, toCharlie.window], [toCharlie.core]]
  return { adapters, teardown: () => [toAlice, toCharlie].forEach((link) => link.close()) }
}, "the core's end first")

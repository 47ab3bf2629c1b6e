import { expect, it } from 'vitest'
import { ServerStore } from '../../src/server/store'
import { tempDir } from '../support/temp-dir'

it("names devices so that a command line never takes an id for an option (none starts with '-')", () => {
  const dir = tempDir('server-store')
  const store = ServerStore.open(dir.path)
  try {
    const ids = Array.from({ length: 300 }, (_, i) => store.addDevice(`Laptop ${i}`, { id: 'p1', name: 'Amina Okafor', role: 'caseworker' }, new Date('2026-11-29T10:00:00Z')).device.id)
    expect(new Set(ids).size).toBe(300)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{18}$/)
  } finally {
    store.close()
    dir.remove()
  }
})

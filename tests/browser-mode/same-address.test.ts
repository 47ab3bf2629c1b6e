import { spawn, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { builtEntry, ROOT } from '../support/built'
import { tempDir } from '../support/temp-dir'

/** Starts the built browser mode on a workspace; resolves with what it printed once it is serving, then stops it. */
function startAndStop(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<{ origin: string; out: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [builtEntry('browser-mode'), '--data', dataDir, '--no-open'], { cwd: ROOT, env: { ...env, HOMEWARD_DATA: '' } })
    let out = ''
    let serving = false
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const open = /Open: (http:\/\/[^/]+)\//.exec(out)
      if (open && out.includes('Press Ctrl+C') && !serving) {
        serving = true
        child.once('exit', () => done({ origin: open[1]!, out }))
        child.kill('SIGTERM')
      }
    })
    child.once('exit', (code) => serving || fail(new Error(`the browser mode stopped (${code}) before serving: ${out}`)))
  })
}

describe('the browser mode keeps its address for a workspace, so drafts kept by the browser are still there', () => {
  const dir = tempDir('browser-mode-address')
  afterAll(() => dir.remove())

  it('starts, stops and starts again at the same origin', async () => {
    const first = await startAndStop(dir.path)
    const second = await startAndStop(dir.path)
    expect(second.origin).toBe(first.origin)
    expect(second.out).not.toContain('is taken')
  })

  it('takes a free port when the last one is taken, and says in one line what that means for drafts', async () => {
    const { origin } = await startAndStop(dir.path)
    const squatter = createServer()
    await new Promise<void>((resolve) => squatter.listen(Number(new URL(origin).port), '127.0.0.1', resolve))
    try {
      const moved = await startAndStop(dir.path)
      expect(moved.origin).not.toBe(origin)
      expect(moved.out).toContain(`Port ${new URL(origin).port}, used last time, is taken, so Homeward has a new address: forms not saved at the old address cannot be offered here.\n`)
    } finally {
      squatter.close()
    }
  })

  it('starts on a new laptop: a workspace folder not made yet, and no passphrase given, so the page will ask for one', async () => {
    const { HOMEWARD_PASSPHRASE: _given, ...env } = process.env
    const fresh = join(dir.path, 'new-laptop', 'workspace')
    const { out } = await startAndStop(fresh, env)
    expect(out).toContain('The page asks for the workspace passphrase.')
    expect(statSync(fresh).mode & 0o777).toBe(0o700)
    expect(existsSync(join(fresh, 'browser-mode-port'))).toBe(true)
  })

  it('prints its usage for --help, and one line for an option it does not know', () => {
    const help = spawnSync(process.execPath, [builtEntry('browser-mode'), '--help'], { encoding: 'utf8' })
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('--port <number>')
    const unknown = spawnSync(process.execPath, [builtEntry('browser-mode'), '--colour'], { encoding: 'utf8' })
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toBe("homeward: Unknown option '--colour' (see --help)\n")
  })
})

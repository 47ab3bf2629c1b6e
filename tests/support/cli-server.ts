import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { builtEntry, ROOT } from './built'
import { serverKeyArgs } from './passphrase'
import { tempDir } from './temp-dir'

const BIN = join(ROOT, 'bin/homeward.mjs')

/** The command line, run to its end (HOMEWARD_DATA cleared: each test names its workspace with --data). */
export function homeward(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

/** `homeward serve` as the IT volunteer starts it (with the test key file); resolves once it says where it listens. */
export interface Served {
  process: ChildProcess
  url: string
  setupCode?: string
  output: () => string
}

export function serve(dataDir: string): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir, ...serverKeyArgs()], { cwd: ROOT })
  let output = ''
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (part: string) => {
      output += part
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1]
      if (url && /Ctrl\+C/.test(output)) resolve({ process: child, url, setupCode: /setup code: (\S+)/.exec(output)?.[1], output: () => output })
    })
    child.stderr.setEncoding('utf8').on('data', (part: string) => (output += part))
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)))
  })
}

/** The ids of the cases a workspace lists. */
export const listed = (data: string): string[] => (JSON.parse(homeward('case', 'list', '--data', data, '--json').out) as { id: string }[]).map((entry) => entry.id)

/**
 * What every command-line test of a team sets up first: a throwaway folder (its laptops' workspaces
 * go in it), and `homeward serve` in it, started before the block's tests and stopped after.
 */
export function serverForTests(label: string): { dir: { path: string }; server: Served } {
  const dir = tempDir(label)
  let served: Served | undefined
  const running = (): Served => {
    if (!served) throw new Error('the server is started before the tests')
    return served
  }
  beforeAll(async () => {
    builtEntry('cli')
    served = await serve(join(dir.path, 'server-data'))
  })
  afterAll(() => {
    served?.process.kill('SIGKILL')
    dir.remove()
  })
  const server: Served = {
    get process() {
      return running().process
    },
    get url() {
      return running().url
    },
    get setupCode() {
      return running().setupCode
    },
    output: () => running().output(),
  }
  return { dir, server }
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { serverKeyArgs } from '../support/passphrase'

/** The team's sync server and the command line, for the e2e tests that need a team. */
const ROOT = resolve(import.meta.dirname, '../..')
const BIN = join(ROOT, 'bin/homeward.mjs')

/** `homeward serve` on a given port (0: any); resolves with its address and setup code. */
export async function serve(dataDir: string, port = 0): Promise<{ process: ChildProcess; url: string; setupCode: string | null }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--data', dataDir, '--json', ...serverKeyArgs()], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const line = await new Promise<string>((done, fail) => {
    child.once('exit', (code) => fail(new Error(`the sync server exited with ${code}`)))
    createInterface({ input: child.stdout! }).once('line', done)
  })
  return { process: child, ...(JSON.parse(line) as { url: string; setupCode: string | null }) }
}

/** Stops the sync server and waits for it to exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGTERM')
  await exited
}

/** The command line, on its own workspace folder (HOMEWARD_DATA unset: each call names one). */
export function homeward(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

/** The command line, which must succeed: its output. */
export function run(...args: string[]): string {
  const result = homeward(...args)
  if (result.code !== 0) throw new Error(`homeward ${args[0]} failed: ${result.err}`)
  return result.out
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from './built'
import { serverKeyArgs } from './passphrase'

const BIN = join(ROOT, 'bin/homeward.mjs')

/** The command line, run to its end (HOMEWARD_DATA cleared: each test names its workspace with --data). */
export function homeward(...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HOMEWARD_DATA: '' } })
  return { code: result.status, out: result.stdout, err: result.stderr }
}

/** `homeward serve` as the IT volunteer starts it (with the test key file); resolves once it says where it listens. */
export function serve(dataDir: string): Promise<{ process: ChildProcess; url: string; setupCode?: string; output: () => string }> {
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

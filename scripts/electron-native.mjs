// Builds better-sqlite3-multiple-ciphers (SQLite with SQLCipher) for Electron's Node ABI into .electron-native/, leaving node_modules' build
// (used by Node: tests, the command line, the sync server) untouched. Needs Electron's headers,
// which node-gyp downloads: run it once on a machine that is online and has the Electron binary.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, rmSync, copyFileSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronBinary } from './electron-binary.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
if (!electronBinary()) {
  console.log('electron:native: no Electron binary here, so nothing to build for it (Node tests use the normal build).')
  process.exit(0)
}
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const source = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'))
const work = join(root, '.electron-native', 'build-better-sqlite3')
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${source}/build`) })
const nodeGyp = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
const env = { ...process.env }
// A machine-wide nodedir would point node-gyp at the system Node's headers instead of Electron's.
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key]
execFileSync(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
  { cwd: work, stdio: 'inherit', env },
)
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(root, '.electron-native', 'better_sqlite3.node'))
console.log(`electron:native: built better-sqlite3-multiple-ciphers for Electron ${electronVersion}.`)

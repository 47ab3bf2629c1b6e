// `npm start`: the desktop app where Electron is installed, else the same app in the browser.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { electronBinary } from './electron-binary.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)
const binary = electronBinary()
const nativeReady = existsSync(new URL('../.electron-native/better_sqlite3.node', import.meta.url))

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

if (binary && nativeReady) {
  run(binary, ['.', ...args])
} else {
  console.log(
    binary
      ? 'Electron is installed but its database module is not built for it (run `npm run electron:native` once, online); opening Homeward in your browser instead.'
      : 'The Electron desktop binary is not installed on this machine (its download was skipped or is blocked); opening Homeward in your browser instead.',
  )
  run(process.execPath, ['out/main/browser-mode.js', ...args])
}

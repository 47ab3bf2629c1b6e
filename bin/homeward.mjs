#!/usr/bin/env node
// The `homeward` command: runs the built command line (npm install builds it; so does npm run build).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// `homeward serve` is the sync server, a program of its own (src/server); the rest is the command line.
const entry = process.argv[2] === 'serve' ? 'server.js' : 'cli.js'
const file = fileURLToPath(new URL(`../out/main/${entry}`, import.meta.url))
if (!existsSync(file)) {
  console.error('homeward: the app is not built yet: run `npm run build` in the Homeward folder')
  process.exit(1)
}
await import(file)

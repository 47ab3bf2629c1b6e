#!/usr/bin/env node
// The `homeward` command: runs the built command line (npm install builds it; so does npm run build).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url))
if (!existsSync(cli)) {
  console.error('homeward: the app is not built yet: run `npm run build` in the Homeward folder')
  process.exit(1)
}
await import(cli)

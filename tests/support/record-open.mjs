#!/usr/bin/env node
// Stands in for the desktop's "open with" in tests (HOMEWARD_OPEN_WITH): notes the file it was
// asked to open, one per line, in the file HOMEWARD_OPEN_LOG names.
import { appendFileSync } from 'node:fs'

appendFileSync(process.env.HOMEWARD_OPEN_LOG, `${process.argv[2]}\n`)

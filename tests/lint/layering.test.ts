import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ESLint } from 'eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/built'

const eslint = new ESLint({ cwd: ROOT })

/** The messages of rule `ruleId` for `code` placed at `filePath`. */
async function messages(filePath: string, code: string, ruleId: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message)
}

/** The layering rule's messages for `code` placed at `filePath`. */
const layeringErrors = (filePath: string, code: string) => messages(filePath, code, 'layering/allowed-imports')

/** Whether the layering rule refuses each import, one file each: the list of those it let through. */
async function allowedOf(filePath: string, imports: string[]): Promise<string[]> {
  const allowed = []
  for (const code of imports) if ((await layeringErrors(filePath, code)).length === 0) allowed.push(code)
  return allowed
}

/** Those of the imports that the layering rule refuses. */
async function refusedOf(filePath: string, imports: string[]): Promise<string[]> {
  const refused = []
  for (const code of imports) if ((await layeringErrors(filePath, code)).length > 0) refused.push(code)
  return refused
}

describe('the layering rule sees every way of naming a module', () => {
  const shared = 'src/shared/example.ts'

  it.each([
    ["import { readFileSync } from 'node:fs'\nreadFileSync"],
    ["import 'node:fs'"],
    ["import type { Stats } from 'node:fs'\nexport type S = Stats"],
    ["export { readFileSync } from 'node:fs'"],
    ["export * from 'node:fs'"],
    ["export * as fs from 'node:fs'"],
    ["export type { Stats } from 'node:fs'"],
    ["export const load = () => import('node:fs')"],
    ['export const load = () => import(`node:fs`)'],
    ["export const fs = require('node:fs')"],
    ["import fs = require('node:fs')\nexport { fs }"],
    ["export type Fs = typeof import('node:fs')"],
    ["export type Stats = import('node:fs').Stats"],
  ])('refuses %j in src/shared', async (code) => {
    const [message, ...more] = await layeringErrors(shared, code)
    expect(more).toEqual([])
    expect(message).toMatch(/^src\/shared may not import 'node:fs'\. It may import: src\/shared; the packages zod, /)
  })

  it('refuses a relative import outside the layer however it is written, type-only too', async () => {
    expect(
      await allowedOf(shared, [
        "import { openWorkspace } from '../main/core/workspace'\nopenWorkspace",
        "import type { Workspace } from '../main/core/workspace'\nexport type W = Workspace",
        "export * from '../main/core/workspace'",
        "export const load = () => import('../main/core/workspace')",
        "export const w = require('../main/core/workspace')",
        "export type W = typeof import('../main/core/workspace')",
        "import '../renderer/main.tsx'",
        "import '../../tests/support/cases'",
      ]),
    ).toEqual([])
    expect(await layeringErrors(shared, "import '../main/core/workspace'")).toEqual([
      expect.stringMatching(/^src\/shared may not import '\.\.\/main\/core\/workspace' \(src\/main\/core\/workspace\)\./),
    ])
  })

  it('sees a require made with createRequire, called at once or by the name it is given', async () => {
    for (const code of [
      "import { createRequire } from 'node:module'\nexport const w = createRequire(import.meta.url)('../../renderer/main.tsx')",
      "import { createRequire } from 'node:module'\nconst load = createRequire(import.meta.url)\nexport const w = load('../../renderer/main.tsx')",
    ]) {
      const errors = await layeringErrors('src/main/core/example.ts', code)
      expect(errors).toEqual([expect.stringMatching(/^src\/main may not import '\.\.\/\.\.\/renderer\/main\.tsx'/)])
    }
  })

  it('refuses an import() or require() of a computed name in a layer', async () => {
    for (const code of [
      'export const load = (name: string) => import(name)',
      'export const load = (name: string) => require(name)',
      "const m = 'ws'\nexport const load = () => import(`${m}`)",
    ]) {
      expect(await layeringErrors('src/main/core/example.ts', code)).toEqual([
        'src/main may only import a module named by a plain string, so that its layering can be checked.',
      ])
    }
  })

  it('strips Vite query suffixes before matching', async () => {
    const renderer = 'src/renderer/platform/example.ts'
    expect(await layeringErrors(renderer, "import worker from 'pdfjs-dist/build/pdf.worker.min.mjs?url'\nworker")).toEqual([])
    expect(await layeringErrors(renderer, "import wasm from '@automerge/automerge/automerge.wasm?url'\nwasm")).toEqual([])
    expect(await layeringErrors(renderer, "import sqlite from 'better-sqlite3-multiple-ciphers?url'\nsqlite")).toHaveLength(1)
    expect(await layeringErrors(renderer, "import main from '../../main/core/workspace?raw'\nmain")).toHaveLength(1)
  })

  it('counts a file of src/ that is in no layer as an error', async () => {
    expect(await layeringErrors('src/elsewhere/example.ts', 'export const x = 1')).toEqual([
      'src/elsewhere/example.ts is in no layer: add its folder to the layering table in eslint.config.js.',
    ])
  })
})

describe('each layer imports only what is on its list', () => {
  it('keeps src/shared to itself, zod, date-fns and the slim Automerge', async () => {
    const file = 'src/shared/case/example.ts'
    expect(
      await refusedOf(file, [
        "import { z } from 'zod'",
        "import { addDays } from 'date-fns'",
        "import * as A from '@automerge/automerge/slim'",
        "import { Repo } from '@automerge/automerge-repo/slim'",
        "import { phaseLabel } from './phases'",
        "import { ukDate } from '../dates'",
      ]),
    ).toEqual([])
    expect(
      await allowedOf(file, [
        // Each of these passed the deny-list this rule replaced.
        "import { useState } from 'react'",
        "import { WebSocket } from 'ws'",
        "import Database from 'better-sqlite3-multiple-ciphers'",
        "import { PDFDocument } from '@cantoo/pdf-lib'",
        "import { describe } from 'vitest'",
        // A spreadsheet is parsed in the core; the domain stays free of parsers.
        "import { parse } from 'csv-parse/sync'",
        "export const load = () => import('node:fs')",
        // and these it refused already
        "import { readFileSync } from 'node:fs'",
        "import { readFileSync } from 'fs'",
        "import { app } from 'electron'",
        "import * as A from '@automerge/automerge'",
        "import { Repo } from '@automerge/automerge-repo'",
        "import { sha256 } from '../../node/crypto'",
        "import { serve } from '../../server/sync-server'",
        "import { bridge } from '../../preload/preload'",
        "import { App } from '../../renderer/app/App'",
      ]),
    ).toEqual([])
  })

  it('lets tests beside the code in src/shared use vitest and the test helpers too, and nothing else', async () => {
    const file = 'src/shared/case/example.test.ts'
    expect(
      await refusedOf(file, ["import { describe } from 'vitest'", "import { CASEWORKER } from '../../../tests/support/cases'", "import { z } from 'zod'"]),
    ).toEqual([])
    expect(await allowedOf(file, ["import { readFileSync } from 'node:fs'", "import Database from 'better-sqlite3-multiple-ciphers'", "import '../../main/core/workspace'"])).toEqual([])
    expect(await layeringErrors(file, "import 'node:fs'")).toEqual([expect.stringMatching(/^src\/shared \(a test\) may not import 'node:fs'/)])
  })

  it('keeps the renderer to itself, src/shared and its browser packages', async () => {
    const file = 'src/renderer/pages/Example.tsx'
    expect(
      await refusedOf(file, [
        "import { useState } from 'react'",
        "import { createRoot } from 'react-dom/client'",
        "import { Link } from 'react-router'",
        "import * as pdfjs from 'pdfjs-dist'",
        "import * as A from '@automerge/automerge/slim'",
        "import { Repo } from '@automerge/automerge-repo/slim'",
        "import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'",
        "import { BrowserWebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket'",
        "import { phaseLabel } from '../../shared/case/phases'",
        "import { Field } from '../components/form'",
      ]),
    ).toEqual([])
    expect(
      await allowedOf(file, [
        // Each of these passed the deny-list this rule replaced.
        "import Database from 'better-sqlite3-multiple-ciphers'",
        "import { PDFDocument } from '@cantoo/pdf-lib'",
        "import { WebSocketServer } from 'ws'",
        "import { z } from 'zod'",
        "import { render } from 'react-dom/server'",
        "import { sha256 } from '../../node/crypto'",
        "export const load = () => import('node:path')",
        // and these it refused already
        "import { join } from 'node:path'",
        "import { join } from 'path'",
        "import { ipcRenderer } from 'electron'",
        "import * as A from '@automerge/automerge'",
        "import { Workspace } from '../../main/core/workspace'",
        "import { serve } from '../../server/sync-server'",
        "import '../../preload/preload'",
      ]),
    ).toEqual([])
  })

  it('keeps the sync server to itself, src/shared, src/node, Node and its packages: never src/main', async () => {
    const file = 'src/server/example.ts'
    expect(
      await refusedOf(file, [
        "import { sha256 } from '../node/crypto'",
        "import { openSqlite } from '../node/sqlite'",
        "import { SyncMessage } from '../shared/sync/messages'",
        "import { Store } from './store'",
        "import { createServer } from 'node:http'",
        "import { WebSocketServer } from 'ws'",
        "import * as A from '@automerge/automerge'",
        "import { Repo } from '@automerge/automerge-repo'",
        "import { z } from 'zod'",
      ]),
    ).toEqual([])
    expect(
      await allowedOf(file, [
        "import { openWorkspace } from '../main/core/workspace'",
        "import type { Workspace } from '../main/core/workspace'",
        "export const load = () => import('../main/core/workspace')",
        "import { app } from 'electron'",
        "import Database from 'better-sqlite3-multiple-ciphers'",
        "import { Command } from 'commander'",
        "import '../renderer/main.tsx'",
      ]),
    ).toEqual([])
  })

  it('keeps src/node to src/shared, Node, SQLite, cbor-x and zod', async () => {
    const file = 'src/node/example.ts'
    expect(
      await refusedOf(file, [
        "import Database from 'better-sqlite3-multiple-ciphers'",
        "import { Encoder } from 'cbor-x'",
        "import { z } from 'zod'",
        "import { createHash } from 'node:crypto'",
        "import { SyncMessage } from '../shared/sync/messages'",
      ]),
    ).toEqual([])
    expect(
      await allowedOf(file, [
        "import { openWorkspace } from '../main/core/workspace'",
        "import { Store } from '../server/store'",
        "import { app } from 'electron'",
        "import { WebSocket } from 'ws'",
        "import * as A from '@automerge/automerge'",
      ]),
    ).toEqual([])
  })

  it('keeps the headless core away from electron, the shell, the renderer and the server', async () => {
    const file = 'src/main/core/example.ts'
    expect(
      await refusedOf(file, [
        "import { readFile } from 'node:fs/promises'",
        "import * as A from '@automerge/automerge'",
        "import { Repo } from '@automerge/automerge-repo'",
        "import MailComposer from 'nodemailer/lib/mail-composer'",
        "import { parse } from 'csv-parse/sync'",
        "import { WebSocketServer } from 'ws'",
        "import { sha256 } from '../../node/crypto'",
        "import { phaseLabel } from '../../shared/case/phases'",
        "import { makeClosureLetter } from '../pdf/closure-letter'",
        "import { Workspace } from './workspace'",
      ]),
    ).toEqual([])
    expect(
      await allowedOf(file, [
        "import { app } from 'electron'",
        "import { startShell } from '../electron/main'",
        "import type { Shell } from '../electron/main'",
        "import '../../renderer/main.tsx'",
        "import { Store } from '../../server/store'",
        "import '../../preload/preload'",
        "import nodemailer from 'nodemailer'",
        "import { PDFDocument } from '@cantoo/pdf-lib'",
        "import { Command } from 'commander'",
        "import { useState } from 'react'",
      ]),
    ).toEqual([])
  })

  it('lets only src/main/pdf use pdf-lib and fontkit, and only src/main/cli use commander', async () => {
    expect(await refusedOf('src/main/pdf/example.ts', ["import { PDFDocument } from '@cantoo/pdf-lib'", "import fontkit from '@cantoo/fontkit'"])).toEqual([])
    expect(await refusedOf('src/main/cli/example.ts', ["import { Command } from 'commander'", "import { openWorkspace } from '../core/workspace'"])).toEqual([])
    expect(await allowedOf('src/main/cli/example.ts', ["import { PDFDocument } from '@cantoo/pdf-lib'"])).toEqual([])
    expect(await allowedOf('src/main/pdf/example.ts', ["import { Command } from 'commander'"])).toEqual([])
    expect(await allowedOf('src/main/browser-mode/example.ts', ["import { Command } from 'commander'", "import { PDFDocument } from '@cantoo/pdf-lib'"])).toEqual([])
  })

  it('lets only the Electron shell and the preload script import electron', async () => {
    const code = "import { app } from 'electron'\napp"
    for (const file of [
      'src/main/core/workspace-example.ts',
      'src/main/cli/example.ts',
      'src/main/pdf/example.ts',
      'src/main/browser-mode/example.ts',
      'src/server/example.ts',
      'src/node/example.ts',
      'src/shared/example.ts',
      'src/renderer/example.tsx',
    ]) {
      expect(await layeringErrors(file, code), file).toHaveLength(1)
    }
    expect(await layeringErrors('src/main/electron/example.ts', code)).toEqual([])
    expect(await layeringErrors('src/preload/example.ts', code)).toEqual([])
  })

  it('lets the shell use the core, and the preload script only src/shared', async () => {
    expect(await refusedOf('src/main/electron/example.ts', ["import { openWorkspace } from '../core/workspace'", "import { join } from 'node:path'"])).toEqual([])
    expect(await refusedOf('src/preload/example.ts', ["import type { Api } from '../shared/api'"])).toEqual([])
    expect(
      await allowedOf('src/preload/example.ts', ["import { join } from 'node:path'", "import { openWorkspace } from '../main/core/workspace'", "import '../renderer/main.tsx'"]),
    ).toEqual([])
  })

  it('leaves tests/ and scripts unlayered', async () => {
    const code = "import Database from 'better-sqlite3-multiple-ciphers'\nimport { openWorkspace } from '../src/main/core/workspace'\nimport { app } from 'electron'\nDatabase; openWorkspace; app"
    expect(await layeringErrors('tests/example.test.ts', code)).toEqual([])
    expect(await layeringErrors('scripts/example.ts', code)).toEqual([])
    expect(await layeringErrors('src/shared/example.ts', code)).toHaveLength(3)
  })
})

describe('the no-cycle rule', () => {
  // A few modules on disk, in a folder the linter covers, so the rule reads the graph as it does the project's.
  let folder: string
  const write = (name: string, code: string) => writeFileSync(join(folder, name), code)
  const cycleErrors = (name: string, code: string) => messages(join(folder, name), code, 'layering/no-cycle')
  const shown = (name: string) => relative(ROOT, join(folder, name))

  beforeAll(() => {
    folder = mkdtempSync(join(ROOT, 'src/shared/lint-cycle-'))
    write('a.ts', "import { b } from './b'\nexport const a = (): number => b()\n")
    write('b.ts', "import { a } from './a'\nexport const b = (): number => a()\n")
    write('x.ts', "import { y } from './y'\nexport const x = (): number => y()\n")
    write('y.ts', "import { z } from './z.js'\nexport const y = (): number => z()\n")
    write('z.ts', "import { x } from './x'\nexport const z = (): number => x()\n")
    write('lazy.ts', "export const lazy = () => import('./lazy-back')\n")
    write('lazy-back.ts', "import { lazy } from './lazy'\nexport const back = lazy\n")
    write('typed.ts', "import type { Back } from './typed-back'\nexport type Typed = Back\nexport const typed = 1\n")
    write('typed-back.ts', "import { typed } from './typed'\nexport type Back = number\nexport const back = typed\n")
    write('inline-type.ts', "import { type InlineBack } from './inline-type-back'\nexport type Inline = InlineBack\n")
    write('inline-type-back.ts', "import './inline-type'\nexport type InlineBack = number\n")
    write('leaf.ts', 'export const leaf = 1\n')
  })
  afterAll(() => rmSync(folder, { recursive: true, force: true }))

  it('refuses two modules that import each other', async () => {
    expect(await cycleErrors('a.ts', "import { b } from './b'\nexport const a = (): number => b()\n")).toEqual([
      `Import cycle: ${shown('a.ts')} → ${shown('b.ts')} → ${shown('a.ts')}.`,
    ])
  })

  it('refuses a longer cycle, and names every module on it', async () => {
    expect(await cycleErrors('y.ts', "import { z } from './z.js'\nexport const y = (): number => z()\n")).toEqual([
      `Import cycle: ${[shown('y.ts'), shown('z.ts'), shown('x.ts'), shown('y.ts')].join(' → ')}.`,
    ])
  })

  it('refuses a cycle through import()', async () => {
    expect(await cycleErrors('lazy.ts', "export const lazy = () => import('./lazy-back')\n")).toHaveLength(1)
  })

  it('refuses a module that imports itself', async () => {
    expect(await cycleErrors('leaf.ts', "import './leaf'\nexport const leaf = 1\n")).toHaveLength(1)
  })

  it('reads the text being linted, not the file on disk', async () => {
    expect(await cycleErrors('a.ts', 'export const a = (): number => 1\n')).toEqual([])
    expect(await cycleErrors('leaf.ts', "import { b } from './b'\nexport const leaf = b\nimport './a'\n")).toEqual([])
    expect(await cycleErrors('b.ts', "import { leaf } from './leaf'\nexport const b = leaf\n")).toEqual([])
    expect(await cycleErrors('b.ts', "import { a } from './a'\nexport const b = a\n")).toHaveLength(1)
    expect(await cycleErrors('leaf.ts', "import { a } from './a'\nexport const leaf = a\n")).toEqual([])
  })

  it('lets type-only imports close a loop: they are erased when compiled', async () => {
    expect(await cycleErrors('typed.ts', "import type { Back } from './typed-back'\nexport type Typed = Back\nexport const typed = 1\n")).toEqual([])
    expect(await cycleErrors('typed-back.ts', "import { typed } from './typed'\nexport type Back = number\nexport const back = typed\n")).toEqual([])
    expect(await cycleErrors('typed.ts', "import './typed-back'\nexport const typed = 1\n")).toHaveLength(1)
  })

  it('counts `import { type A }` as an import: it still loads the module', async () => {
    expect(
      await cycleErrors('inline-type.ts', "import { type InlineBack } from './inline-type-back'\nexport type Inline = InlineBack\n"),
    ).toHaveLength(1)
  })
})

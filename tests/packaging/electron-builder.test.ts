import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ROOT } from '../support/built'

/**
 * The installer's configuration (electron-builder.json), checked here because no Electron binary
 * can be downloaded on the build machines to package it. The fuses are strict: a fuse flipped,
 * dropped or misspelt (electron-builder would ignore it silently) fails.
 */
const fuses = z.strictObject({
  runAsNode: z.literal(false),
  enableNodeOptionsEnvironmentVariable: z.literal(false),
  enableNodeCliInspectArguments: z.literal(false),
  enableEmbeddedAsarIntegrityValidation: z.literal(true),
  onlyLoadAppFromAsar: z.literal(true),
  enableCookieEncryption: z.literal(true),
  grantFileProtocolExtraPrivileges: z.literal(false),
})

const installer = z.object({
  appId: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/),
  productName: z.literal('Homeward'),
  files: z.array(z.string()),
  asar: z.literal(true),
  asarUnpack: z.array(z.string()),
  electronFuses: fuses,
  win: z.object({ target: z.tuple([z.literal('nsis')]) }),
  mac: z.object({ target: z.tuple([z.literal('dmg')]) }),
  linux: z.object({ target: z.tuple([z.literal('AppImage')]) }),
})

const config: unknown = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8'))
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> }

describe('the installer', () => {
  it('is an NSIS installer on Windows, a dmg on macOS and an AppImage on Linux, in an asar, with every fuse set', () => {
    expect(installer.parse(config)).toBeTruthy()
  })

  it('fails the check if any fuse is flipped or dropped', () => {
    const set = installer.parse(config).electronFuses
    for (const fuse of Object.keys(fuses.shape) as (keyof typeof set)[]) {
      expect(installer.safeParse({ ...installer.parse(config), electronFuses: { ...set, [fuse]: !set[fuse] } }).success, fuse).toBe(false)
      const { [fuse]: _dropped, ...rest } = set
      expect(installer.safeParse({ ...installer.parse(config), electronFuses: rest }).success, fuse).toBe(false)
    }
  })

  it('carries the built app and the fonts, and no sources, tests or scripts', () => {
    const { files } = installer.parse(config)
    expect(files).toContain('out/**')
    expect(files).toContain('resources/fonts/**')
    const included = files.filter((pattern) => !pattern.startsWith('!'))
    for (const pattern of included) expect(pattern, pattern).toMatch(/^(out|resources\/(fonts|sample))\//)
  })

  it('starts the desktop app, which it carries, and leaves out the command line and the servers, which need Node', () => {
    const excluded = installer.parse(config).files.filter((pattern) => pattern.startsWith('!'))
    expect(pkg.main).toBe('out/main/electron.js')
    expect(excluded).not.toContain(`!${pkg.main}`)
    expect(excluded).toEqual(['!out/main/cli.js', '!out/main/server.js', '!out/main/browser-mode.js'])
  })

  it('unpacks the SQLite module from the asar, since a native module cannot load from inside it', () => {
    expect(installer.parse(config).asarUnpack).toContain('node_modules/better-sqlite3-multiple-ciphers/**')
  })

  it('is built by `npm run dist` with this configuration', () => {
    expect(pkg.scripts.dist).toMatch(/^electron-vite build && npx --yes electron-builder@26\.\d+\.\d+ --config electron-builder\.json/)
  })
})

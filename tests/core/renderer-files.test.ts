import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { readRendererFile } from '../../src/main/core/renderer-files'
import { isAppPage } from '../../src/main/electron/app-origin'

// The checkout may itself sit under a folder whose name starts with a dot.
const base = mkdtempSync(join(tmpdir(), 'renderer-'))
const root = join(base, '.checkout', 'out', 'renderer')
mkdirSync(join(root, 'assets'), { recursive: true })
mkdirSync(join(root, '.vite'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html>')
writeFileSync(join(root, 'assets', 'app.js'), 'export {}')
writeFileSync(join(root, '.vite', 'manifest.json'), '{}')
writeFileSync(join(base, '.checkout', 'secret.sqlite'), 'no')
afterAll(() => rmSync(base, { recursive: true, force: true }))

it('serves the built renderer, and nothing beside or hidden inside it', async () => {
  expect((await readRendererFile(root, '/'))?.contentType).toBe('text/html; charset=utf-8')
  expect((await readRendererFile(root, '/assets/app.js'))?.contentType).toBe('text/javascript; charset=utf-8')
  for (const path of ['/../../secret.sqlite', '/%2e%2e/%2e%2e/secret.sqlite', '/.vite/manifest.json', '/assets/missing.js', '/%E0%A4%A', '/assets']) {
    expect(await readRendererFile(root, path), path).toBeUndefined()
  }
})

it("recognises the desktop app's own page (Node gives custom schemes a null origin)", () => {
  expect(new URL('app://homeward/index.html').origin).toBe('null')
  expect(isAppPage('app://homeward/index.html')).toBe(true)
  expect(isAppPage('app://homeward/index.html#/cases/1')).toBe(true)
  expect(isAppPage('app://evil/index.html')).toBe(false)
  expect(isAppPage('https://homeward/index.html')).toBe(false)
  expect(isAppPage('file:///index.html')).toBe(false)
  expect(isAppPage('not a url')).toBe(false)
  expect(isAppPage('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
  expect(isAppPage('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
})

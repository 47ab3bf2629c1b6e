import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { contentSecurityPolicy } from './src/shared/content-security-policy'
import { englandAndWalesHolidaysOnly } from './scripts/england-and-wales-holidays'

/** The built page carries its CSP itself (the dev server's injected styles would break it). */
const contentSecurityPolicyTag: Plugin = {
  name: 'homeward-content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ inMetaTag: true }) },
      injectTo: 'head-prepend',
    },
  ],
}

/**
 * One build for every part. The main build holds every Node entry: the Electron shell, the command
 * line and the browser mode all wrap the same headless core. It bundles the packages made of
 * hundreds of small modules (date-fns, zod, date-holidays with only Great Britain's rules), so
 * that a command's start reads a few tree-shaken files, not some 500 (tests/bench/cli-start.bench.ts).
 */
export default defineConfig({
  main: {
    plugins: [englandAndWalesHolidaysOnly()],
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: ['date-fns', 'date-holidays', 'zod'] },
      rollupOptions: {
        input: {
          electron: resolve('src/main/electron/main.ts'),
          cli: resolve('src/main/cli/main.ts'),
          'browser-mode': resolve('src/main/browser-mode/main.ts'),
          server: resolve('src/server/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: true,
      rollupOptions: {
        input: { preload: resolve('src/preload/preload.ts') },
        // A sandboxed preload script must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    // Relative asset paths work from app:// in the desktop app and from the browser mode's server alike.
    base: './',
    plugins: [react(), contentSecurityPolicyTag, englandAndWalesHolidaysOnly()],
    build: {
      outDir: 'out/renderer',
      minify: true,
      rollupOptions: {
        input: resolve('src/renderer/index.html'),
        // Automerge (with its wasm) is loaded only where a case or a meeting is opened (`main.tsx`,
        // `app/document-pages.ts`): one chunk named for it, which the board and the lists never
        // request. The zod schemas and the bank holidays are the forms', the rules' and the other
        // pages' (`app/other-pages.ts`), loaded after the board has drawn: one chunk named for them,
        // without which the board still draws (tests/e2e/bundle-split.spec.ts).
        output: {
          codeSplitting: {
            groups: [
              { name: 'automerge', test: /[\\/]node_modules[\\/]@automerge[\\/]/ },
              { name: 'zod-and-holidays', test: /[\\/]node_modules[\\/](zod|date-holidays|date-holidays-parser)[\\/]/ },
            ],
          },
        },
      },
    },
  },
})

// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import layering from './eslint-rules/index.js'

/**
 * What each layer of src/ may import, as an allow-list: the folders its relative imports may reach
 * (`!folder` excepts one), the npm packages it may use (an entry allows its subpaths), and whether it
 * may use Node's built-in modules. A file belongs to the longest folder below that holds it; anything
 * not on its layer's list is an error, however it is imported (see eslint-rules/allowed-imports.js).
 * Every file in src/ must be in a layer, tests beside the code too (with a little more, below); tests/,
 * scripts and config outside src/ are not layered.
 */
const automerge = ['@automerge/automerge', '@automerge/automerge-repo']
const automergeNetwork = ['@automerge/automerge-repo-network-messagechannel', '@automerge/automerge-repo-network-websocket']

/** The headless core, CLI, paperwork and browser mode: everything of the laptop but the Electron shell. */
const main = {
  folders: ['src/shared', 'src/node', 'src/main', '!src/main/electron'],
  node: true,
  packages: [...automerge, ...automergeNetwork, 'csv-parse/sync', 'date-fns', 'fflate', 'nodemailer/lib/mail-composer', 'ws', 'zod'],
}

const layers = {
  /** The pure domain: no Node, no Electron, no other layer; Automerge only through its `/slim` entries. */
  'src/shared': {
    folders: ['src/shared'],
    packages: ['zod', 'date-fns', 'date-holidays', '@automerge/automerge/slim', '@automerge/automerge-repo/slim'],
  },
  /** What the laptop's core and the sync server share: SQLite, the sync codec, hashing. */
  'src/node': { folders: ['src/shared', 'src/node'], node: true, packages: ['better-sqlite3-multiple-ciphers', 'cbor-x', 'zod'] },
  'src/main': main,
  'src/main/cli': { ...main, packages: [...main.packages, 'commander'] },
  'src/main/pdf': { ...main, packages: [...main.packages, '@cantoo/pdf-lib', '@cantoo/fontkit'] },
  /** The thin Electron shell: the only part of main that imports electron. */
  'src/main/electron': { ...main, folders: ['src/shared', 'src/node', 'src/main'], packages: [...main.packages, 'electron'] },
  'src/preload': { folders: ['src/shared', 'src/preload'], packages: ['electron'] },
  /** The browser side: no Node, nothing of main, the server or the preload script. */
  'src/renderer': {
    folders: ['src/shared', 'src/renderer'],
    packages: [
      'react',
      'react-dom/client',
      'react-router',
      'pdfjs-dist',
      '@automerge/automerge/slim',
      '@automerge/automerge/automerge.wasm',
      '@automerge/automerge-repo/slim',
      ...automergeNetwork,
    ],
  },
  /** The sync server, its own program: never src/main. */
  'src/server': { folders: ['src/shared', 'src/node', 'src/server'], node: true, packages: [...automerge, 'ws', 'zod'] },
}

/** Tests beside the code (`*.test.ts`) may also use the test runner and the shared test helpers. */
const tests = { folders: ['tests/support'], packages: ['vitest'] }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { plugins: { layering }, rules: { 'layering/no-cycle': 'error' } },
  {
    files: ['src/**'],
    rules: { 'layering/allowed-imports': ['error', { root: import.meta.dirname, layers, tests }] },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/renderer/**', 'src/preload/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
)

// @ts-check
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)]

/** Import patterns that cross a layer, written once so each layer's rule reads as a sentence. */
const layer = {
  main: { group: ['**/main/**', '**/main'], message: 'Only src/main and src/server may import the Node core.' },
  renderer: { group: ['**/renderer/**'], message: 'Nothing imports the renderer; it is a separate process.' },
  server: { group: ['**/server/**'], message: 'The sync server is its own program.' },
  preload: { group: ['**/preload/**'], message: 'The preload script is only loaded by Electron.' },
}
const electronOnly = {
  name: 'electron',
  message: 'Only the Electron shell (src/main/electron, src/preload) imports electron: keep the core headless.',
}

/** @param {{ paths?: any[], patterns: any[] }} restricted */
const restrictImports = (restricted) => ({
  'no-restricted-imports': ['error', { paths: restricted.paths ?? [], patterns: restricted.patterns }],
})

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrictImports({
      paths: [
        electronOnly,
        ...nodeBuiltins.map((name) => ({ name, message: 'src/shared is pure TypeScript: no Node.' })),
        ...['@automerge/automerge', '@automerge/automerge-repo'].map((name) => ({
          name,
          message: "Use the '/slim' entry in src/shared: the renderer loads Automerge's wasm itself.",
        })),
      ],
      patterns: [
        { ...layer.main, message: 'src/shared imports nothing of the other layers.' },
        layer.renderer,
        layer.server,
        layer.preload,
      ],
    }),
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrictImports({
      paths: [electronOnly, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer has no Node.' }))],
      patterns: [layer.main, layer.server, layer.preload],
    }),
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/electron/**'],
    rules: restrictImports({ paths: [electronOnly], patterns: [layer.renderer, layer.server, layer.preload] }),
  },
  {
    files: ['src/main/electron/**'],
    rules: restrictImports({ paths: [], patterns: [layer.renderer, layer.server, layer.preload] }),
  },
  {
    files: ['src/preload/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrictImports({ paths: [], patterns: [layer.main, layer.renderer, layer.server] }),
  },
  {
    files: ['src/server/**'],
    rules: restrictImports({ paths: [electronOnly], patterns: [layer.renderer, layer.preload] }),
  },
)

// @ts-check
/**
 * `layering/allowed-imports`: each layer of src/ lists what it may import, and anything else is an error.
 *
 * Every way a module can be named is checked: `import` (type-only too), `export … from`, `import()`,
 * `require()` (also by a name bound to `createRequire(…)`, or called on it at once), `import x = require()` and TypeScript's `import('…')` types. A relative import is resolved
 * to a path and must lie in one of the layer's folders; a bare one must be one of its packages (an
 * entry allows its subpaths: `zod` allows `zod/v4`, `@automerge/automerge/slim` does not allow
 * `@automerge/automerge`). Vite's query suffixes (`?url`) are dropped first. A file's layer is the
 * longest folder of the table that holds it. A file the rule is applied to that is in no layer is an
 * error itself, so that a new folder cannot slip past the table.
 */
import { builtinModules } from 'node:module'
import path from 'node:path'

/**
 * @typedef {object} Layer
 * @property {string[]} folders folders (from the root) its relative imports may reach; `!folder` excepts one
 * @property {string[]} packages npm packages (or subpaths) it may import
 * @property {boolean} [node] whether it may import Node's built-in modules
 *
 * @typedef {object} Options
 * @property {string} root the folder the layers' names are relative to
 * @property {Record<string, Layer>} layers each layer by its folder
 * @property {Layer} [tests] what tests beside the code (`*.test.ts`) may import besides their layer's list
 */

const builtins = new Set(builtinModules)
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/

/** A specifier without Vite's query suffix (`?url`, `?raw`). */
const withoutQuery = (/** @type {string} */ specifier) => specifier.replace(/\?.*$/, '')

/** The path of `file` relative to `root`, with forward slashes, or null when it is outside. */
function fromRoot(/** @type {string} */ root, /** @type {string} */ file) {
  const relative = path.relative(root, file).split(path.sep).join('/')
  return relative.startsWith('../') || path.isAbsolute(relative) ? null : relative
}

const inFolder = (/** @type {string} */ file, /** @type {string} */ folder) => file === folder || file.startsWith(`${folder}/`)

/** The layer holding `file` (relative to the root): the longest folder of the table that holds it. */
function layerOf(/** @type {Record<string, Layer>} */ layers, /** @type {string} */ file) {
  const names = Object.keys(layers).filter((folder) => inFolder(file, folder))
  return names.sort((a, b) => b.length - a.length)[0]
}

/** @param {Layer} layer @param {string} target a path relative to the root */
function folderAllowed(layer, target) {
  const excepted = layer.folders.some((f) => f.startsWith('!') && inFolder(target, f.slice(1)))
  return !excepted && layer.folders.some((f) => !f.startsWith('!') && inFolder(target, f))
}

/** @param {Layer} layer @param {string} specifier a bare specifier */
function packageAllowed(layer, specifier) {
  if (builtins.has(specifier) || specifier.startsWith('node:')) return Boolean(layer.node)
  return layer.packages.some((entry) => specifier === entry || specifier.startsWith(`${entry}/`))
}

/** What a layer may import, in words, for the error message. */
function describe(/** @type {Layer} */ layer) {
  const folders = layer.folders.filter((f) => !f.startsWith('!'))
  const excepted = layer.folders.filter((f) => f.startsWith('!')).map((f) => f.slice(1))
  const parts = [folders.join(', ') + (excepted.length ? ` (not ${excepted.join(', ')})` : '')]
  if (layer.node) parts.push("Node's built-in modules")
  if (layer.packages.length) parts.push(`the packages ${layer.packages.join(', ')}`)
  return parts.join('; ')
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer of src/ imports only the folders and packages on its list' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, layers: { type: 'object' }, tests: { type: 'object' } },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden: '{{layer}} may not import {{named}}. It may import: {{allowed}}.',
      unlisted: '{{file}} is in no layer: add its folder to the layering table in eslint.config.js.',
      computed: '{{layer}} may only import a module named by a plain string, so that its layering can be checked.',
    },
  },
  create(context) {
    const { root, layers, tests } = /** @type {Options} */ (context.options[0])
    const file = fromRoot(root, context.physicalFilename)
    const name = file === null ? undefined : layerOf(layers, file)
    if (file === null || name === undefined) {
      return { Program: (node) => context.report({ node, messageId: 'unlisted', data: { file: file ?? context.physicalFilename } }) }
    }
    const own = /** @type {Layer} */ (layers[name])
    /** @type {Layer} */
    const layer =
      tests && TEST_FILE.test(file)
        ? { ...own, folders: [...own.folders, ...tests.folders], packages: [...own.packages, ...tests.packages] }
        : own
    const describeAs = TEST_FILE.test(file) ? `${name} (a test)` : name

    /**
     * Whether the layer may import `specifier`, and how to name it in a message.
     * @param {string} specifier
     */
    function judge(specifier) {
      const bare = withoutQuery(specifier)
      if (bare.startsWith('.') || bare.startsWith('/')) {
        const target = fromRoot(root, path.resolve(path.dirname(context.physicalFilename), bare))
        return { ok: target !== null && folderAllowed(layer, target), named: `'${specifier}' (${target ?? 'outside the project'})` }
      }
      return { ok: packageAllowed(layer, bare), named: `'${specifier}'` }
    }

    /** @param {import('estree').Node | null | undefined} source the node naming the module */
    function check(source) {
      if (!source) return
      /** @type {string | undefined} */
      let specifier
      if (source.type === 'Literal' && typeof source.value === 'string') specifier = source.value
      else if (source.type === 'TemplateLiteral' && source.expressions.length === 0) specifier = source.quasis[0]?.value.cooked ?? undefined
      if (specifier === undefined) {
        context.report({ node: source, messageId: 'computed', data: { layer: describeAs } })
      } else {
        const { ok, named } = judge(specifier)
        if (!ok) context.report({ node: source, messageId: 'forbidden', data: { layer: describeAs, named, allowed: describe(layer) } })
      }
    }

    /** Names bound to `createRequire(...)`: a require by another name. */
    const requires = new Set(['require'])
    /** @param {any} callee */
    const isCreateRequire = (callee) => callee?.type === 'CallExpression' && callee.callee.type === 'Identifier' && callee.callee.name === 'createRequire'

    return {
      VariableDeclarator(node) {
        if (node.id.type === 'Identifier' && isCreateRequire(node.init)) requires.add(node.id.name)
      },
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      CallExpression(node) {
        const byName = node.callee.type === 'Identifier' && requires.has(node.callee.name)
        if (byName || isCreateRequire(node.callee)) check(node.arguments[0] ?? node)
      },
      // TypeScript's own forms, which estree's types do not name.
      /** @param {any} node */
      TSExternalModuleReference: (node) => check(node.expression),
      /** @param {any} node */
      TSImportType: (node) => check(node.source ?? node.argument?.literal),
    }
  },
}

// @ts-check
/**
 * `layering/no-cycle`: no module imports itself through others.
 *
 * The graph is the project's relative imports, read with TypeScript's parser: the linted file from the
 * text being linted, every other file from disk (cached by modification time, so an editor's long-lived
 * ESLint sees edits). Each import of the linted file that leads back to it is reported with the cycle.
 *
 * Type-only imports (`import type`, `export type … from`, `typeof import('…')`) are left out: they are
 * erased when compiled, so they cannot change the order modules run in. `import { type A } from` is not
 * type-only: under `verbatimModuleSyntax` it still loads the module. Dynamic `import()` counts: it loads
 * the module when it runs, and a cycle through it is a cycle all the same.
 */
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

/** @typedef {{ specifier: string, start: number, end: number }} Edge */

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']

/** The runtime (not type-only) relative imports of a module's text. */
function relativeImports(/** @type {string} */ fileName, /** @type {string} */ text) {
  const source = ts.createSourceFile(fileName, text, {
    languageVersion: ts.ScriptTarget.Latest,
    jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
  })
  /** @type {Edge[]} */
  const edges = []
  /** @param {ts.Node | undefined} node */
  const add = (node) => {
    if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.startsWith('.')) {
      edges.push({ specifier: node.text, start: node.getStart(source), end: node.getEnd() })
    }
  }
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) {
      if (!node.importClause?.isTypeOnly) add(node.moduleSpecifier)
    } else if (ts.isExportDeclaration(node)) {
      if (!node.isTypeOnly) add(node.moduleSpecifier)
    } else if (ts.isImportEqualsDeclaration(node)) {
      if (!node.isTypeOnly && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression)
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) add(node.arguments[0])
    } else if (ts.isImportTypeNode(node)) {
      return // a type, erased
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return edges
}

/** The file a relative specifier names, as a bundler resolves it, or undefined when none exists. */
function resolve(/** @type {string} */ from, /** @type {string} */ specifier) {
  const base = path.resolve(path.dirname(from), specifier.replace(/\?.*$/, ''))
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    // `./x.js` may name `./x.ts`
    ...(/\.[cm]?jsx?$/.test(base) ? EXTENSIONS.map((ext) => base.replace(/\.[cm]?jsx?$/, ext)) : []),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ]
  return candidates.find((file) => isFile(file))
}

const isFile = (/** @type {string} */ file) => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false

/** @typedef {Edge & { target: string | undefined }} Import */

/** Each module's imports, with the text they were read from and, for a file on disk, its version. */
/** @type {Map<string, { text: string, version?: string, imports: Import[] }>} */
const cache = new Map()

/** The runtime imports of `file` whose text is `text`, parsed once for each text. */
function importsOf(/** @type {string} */ file, /** @type {string} */ text, /** @type {string} */ version = '') {
  const cached = cache.get(file)
  if (cached?.text === text) return cached.imports
  const imports = relativeImports(file, text).map((edge) => ({ ...edge, target: resolve(file, edge.specifier) }))
  cache.set(file, { text, version, imports })
  return imports
}

/** The files a module on disk imports at run time, from the cache while the file is unchanged. */
function targetsOnDisk(/** @type {string} */ file) {
  if (!/\.[cm]?[jt]sx?$/.test(file) || file.endsWith('.d.ts')) return []
  const stat = statSync(file, { throwIfNoEntry: false })
  if (!stat) return []
  const version = `${stat.mtimeMs}:${stat.size}`
  const cached = cache.get(file)
  const imports = cached?.version === version ? cached.imports : importsOf(file, readFileSync(file, 'utf8'), version)
  return imports.flatMap((i) => i.target ?? [])
}

/**
 * The shortest chain of imports from `start` back to `goal`, or undefined when there is none.
 * `deadEnds` holds files already known not to lead to `goal`; a search that fails adds what it saw.
 */
function pathBack(/** @type {string} */ start, /** @type {string} */ goal, /** @type {Set<string>} */ deadEnds) {
  if (deadEnds.has(start)) return undefined
  /** @type {Map<string, string | null>} */
  const cameFrom = new Map([[start, null]])
  const queue = [start]
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const next of targetsOnDisk(file)) {
      if (next === goal) {
        const chain = [file]
        for (let step = cameFrom.get(file); step; step = cameFrom.get(step)) chain.unshift(step)
        return chain
      }
      if (!cameFrom.has(next) && !deadEnds.has(next)) {
        cameFrom.set(next, file)
        queue.push(next)
      }
    }
  }
  for (const file of cameFrom.keys()) deadEnds.add(file)
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'No module imports itself through others (type-only imports aside)' },
    schema: [],
    messages: { cycle: 'Import cycle: {{cycle}}.' },
  },
  create(context) {
    const file = context.physicalFilename
    if (!path.isAbsolute(file)) return {} // text without a file (stdin)
    const root = context.cwd
    const shown = (/** @type {string} */ f) => path.relative(root, f).split(path.sep).join('/')
    return {
      'Program:exit'() {
        /** @type {Set<string>} */
        const deadEnds = new Set()
        for (const { target, ...edge } of importsOf(file, context.sourceCode.text)) {
          if (target === undefined) continue
          const chain = target === file ? [] : pathBack(target, file, deadEnds)
          if (chain === undefined) continue
          context.report({
            loc: { start: context.sourceCode.getLocFromIndex(edge.start), end: context.sourceCode.getLocFromIndex(edge.end) },
            messageId: 'cycle',
            data: { cycle: [file, ...chain, file].map(shown).join(' → ') },
          })
        }
      },
    }
  },
}

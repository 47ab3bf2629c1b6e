import { readFile } from 'node:fs/promises'
import { extname, join, normalize, relative, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

export interface RendererFile {
  body: Buffer
  contentType: string
}

/**
 * A file of the built renderer for a URL path, for the desktop app's app:// protocol and the
 * browser mode alike. Paths that climb out of the folder, hidden files inside it and unknown types
 * are never served.
 */
export async function readRendererFile(root: string, urlPath: string): Promise<RendererFile | undefined> {
  let path: string
  try {
    path = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (path === '/' || path === '') path = '/index.html'
  const file = normalize(join(root, path))
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || inside.split(sep).some((part) => part.startsWith('.'))) return undefined
  const contentType = CONTENT_TYPES[extname(file)]
  if (!contentType) return undefined
  try {
    return { body: await readFile(file), contentType }
  } catch {
    return undefined
  }
}

import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/**
 * A file of the built renderer, or undefined. Paths that climb out of the folder, hidden files and
 * unknown types are never served.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let relative: string
  try {
    relative = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (relative === '/' || relative === '') relative = '/index.html'
  const file = normalize(join(root, relative))
  if (!file.startsWith(root + sep) || file.split(sep).some((part) => part.startsWith('.'))) return undefined
  const contentType = CONTENT_TYPES[extname(file)]
  if (!contentType) return undefined
  try {
    return { body: await readFile(file), contentType }
  } catch {
    return undefined
  }
}

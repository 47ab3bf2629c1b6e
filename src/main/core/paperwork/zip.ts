import { zipSync } from 'fflate'

/**
 * A ZIP file of the files given, stored as they are (level 0: the PDFs, photos and scans in it are
 * compressed already). It carries a subject access copy's folder to the window as one file to
 * save, where a browser cannot write a folder. Marked as made on Unix and readable by the owner
 * only, so unzip reads the names as UTF-8 and the files come out private.
 */
export function storedZip(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const ownerOnly = (0o100600 << 16) >>> 0
  return zipSync(Object.fromEntries(files.map((file) => [file.name.replaceAll('\\', '/'), [file.bytes, { level: 0, os: 3, attrs: ownerOnly }]])))
}

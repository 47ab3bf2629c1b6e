import type { FileTransfer } from '../../shared/api'

/** A chosen or dropped file, read for sending to the core. */
export async function readForTransfer(file: File): Promise<FileTransfer> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  return { fileName: file.name, base64: toBase64(bytes) }
}

export function toBase64(bytes: Uint8Array): string {
  // In slices: String.fromCharCode takes only so many arguments at once.
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Hands a file to the browser to save, where the computer could not open it for us. */
export function saveToDownloads(file: FileTransfer, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([fromBase64(file.base64) as BlobPart], { type: mediaType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

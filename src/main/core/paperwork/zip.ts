import { crc32 } from 'node:zlib'

/**
 * A ZIP file of the files given, stored as they are (no compression: the PDFs, photos and scans in
 * it are compressed already). It carries a subject access copy's folder to the window as one file
 * to save, where a browser cannot write a folder. Names are UTF-8 (flag bit 11), so an accented
 * name reads as it was written; each file's CRC-32 lets an unzip tool check its bytes.
 */
export function storedZip(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const parts: Buffer[] = []
  const directory: Buffer[] = []
  let offset = 0
  for (const file of files) {
    const name = Buffer.from(file.name.replaceAll('\\', '/'), 'utf8')
    const crc = crc32(file.bytes)
    // Version 2.0, UTF-8 names, stored, no date (1980-01-01, the earliest a ZIP can say).
    const common = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at)
      header.writeUInt16LE(0x0800, at + 2)
      header.writeUInt16LE(0, at + 4)
      header.writeUInt16LE(0, at + 6)
      header.writeUInt16LE(0x21, at + 8)
      header.writeUInt32LE(crc, at + 10)
      header.writeUInt32LE(file.bytes.length, at + 14)
      header.writeUInt32LE(file.bytes.length, at + 18)
      header.writeUInt16LE(name.length, at + 22)
    }
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    common(local, 4)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    // Made on Unix (so unzip reads the names as UTF-8, not as a DOS code page), readable by the owner only.
    central.writeUInt16LE(0x0314, 4)
    common(central, 6)
    central.writeUInt32LE((0o100600 << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    parts.push(local, name, Buffer.from(file.bytes))
    directory.push(central, name)
    offset += local.length + name.length + file.bytes.length
  }
  const size = directory.reduce((sum, part) => sum + part.length, 0)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(size, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...parts, ...directory, end]))
}

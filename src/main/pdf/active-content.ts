import { PDFArray, PDFDict, PDFName, PDFPageLeaf, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib'
import { stripJpegMetadata } from './jpeg'

/**
 * Takes every piece of active content out of an enclosed PDF's pages before they are copied into a
 * pack: a council officer opening the pack must not run a stranger's JavaScript, launch a program,
 * open a link or save an attached file. What a page shows (its content, fonts, images and the look
 * of its notes and filled-in form fields) stays.
 *
 * It works on the source document, before `copyPages`: pdf-lib's copier copies everything a page
 * reaches, and writes every object it copied, referenced or not. Stripped after copying, a page's
 * actions would be unhooked but still sit in the pack's bytes; stripped before, they are never
 * copied. The walk covers all a page reaches (its annotations, their form fields' parents, its
 * resources), since the copier takes all of it, and cuts references that would carry across the
 * source's catalog (its /OpenAction, /Names, /AcroForm) as an ordinary object.
 *
 * A phone photo saved as a PDF is a JPEG inside it, EXIF and all (pdf-lib, and most apps, embed a
 * JPEG's bytes as they are): those images lose their metadata as photos do (`stripJpegMetadata`),
 * and XMP /Metadata goes from everything the pages reach. Throws on a JPEG it cannot clean.
 */
export function removeActiveContent(source: PDFDocument): void {
  const walk = new Walk(source.context)
  for (const page of source.getPages()) walk.page(page.node)
}

/** What a page keeps: how it looks and where. Anything else (/AA, /B threads, /Metadata, /PieceInfo, /AF, /Trans…) goes. */
const PAGE_KEYS = new Set([
  'Type',
  'Parent',
  'Resources',
  'MediaBox',
  'CropBox',
  'BleedBox',
  'TrimBox',
  'ArtBox',
  'BoxColorInfo',
  'Contents',
  'Rotate',
  'Group',
  'Annots',
  'UserUnit',
  'Tabs',
])

/** Annotations that exist to act (open, play, run, attach) rather than to be seen: removed whole. */
const ACTIVE_ANNOTATIONS = new Set(['Link', 'FileAttachment', 'Sound', 'Movie', 'Screen', 'RichMedia', '3D'])

/**
 * Keys removed wherever they are found: additional actions (/AA), the catalog's open action and
 * name trees (JavaScript, embedded files), JavaScript itself, embedded and related files, associated
 * files (/AF, PDF 2.0), a form's definition, a base URI; and XMP metadata, which can name people
 * and places.
 */
const ACTIVE_KEYS = new Set(['AA', 'OpenAction', 'JS', 'JavaScript', 'EF', 'RF', 'AF', 'EmbeddedFiles', 'Names', 'AcroForm', 'URI', 'Metadata'])

/** Every action type of PDF 2.0 (/S of an action dictionary). */
const ACTION_TYPES = new Set([
  'GoTo',
  'GoToR',
  'GoToE',
  'GoToDp',
  'Launch',
  'Thread',
  'URI',
  'Sound',
  'Movie',
  'Hide',
  'Named',
  'SubmitForm',
  'ResetForm',
  'ImportData',
  'JavaScript',
  'SetOCGState',
  'Rendition',
  'Trans',
  'GoTo3DView',
  'RichMediaExecute',
])

class Walk {
  readonly #seen = new Set<PDFDict | PDFArray>()
  constructor(readonly context: PDFContext) {}

  page(node: PDFPageLeaf): void {
    if (this.#seen.has(node)) return
    this.#seen.add(node)
    for (const key of node.keys()) if (!PAGE_KEYS.has(key.asString().slice(1))) node.delete(key)
    // The copier gives a page the resources, boxes and rotation it inherits: clean those too.
    for (const name of PDFPageLeaf.InheritableEntries) {
      const value = node.getInheritableAttribute(PDFName.of(name))
      if (value) this.visit(value)
    }
    const annots = node.lookup(PDFName.of('Annots'))
    if (annots instanceof PDFArray) {
      for (let i = annots.size() - 1; i >= 0; i--) {
        const annot = annots.lookup(i)
        const subtype = annot instanceof PDFDict ? annot.lookup(PDFName.of('Subtype')) : undefined
        if (!(subtype instanceof PDFName) || ACTIVE_ANNOTATIONS.has(subtype.decodeText())) annots.remove(i)
      }
    } else if (annots) {
      node.delete(PDFName.of('Annots'))
    }
    // The page's /Parent is dropped by the copier; everything else it keeps is walked.
    for (const [key, value] of node.entries()) if (key !== PDFName.of('Parent')) this.visit(value)
  }

  visit(object: PDFObject): void {
    const value = object instanceof PDFRef ? this.context.lookup(object) : object
    if (value instanceof PDFPageLeaf) return this.page(value)
    const dict = value instanceof PDFStream ? value.dict : value
    if (dict instanceof PDFDict) {
      if (value instanceof PDFRawStream && !this.#seen.has(dict) && isJpeg(dict)) value.updateContents(stripJpegMetadata(value.contents))
      return this.dict(dict, value instanceof PDFStream)
    }
    if (value instanceof PDFArray) return this.array(value)
  }

  dict(dict: PDFDict, isStream: boolean): void {
    if (this.#seen.has(dict)) return
    this.#seen.add(dict)
    // A stream's /F names a file outside the PDF to read its data from.
    if (isStream) for (const key of ['F', 'FFilter', 'FDecodeParms']) dict.delete(PDFName.of(key))
    for (const [key, value] of dict.entries()) {
      if (ACTIVE_KEYS.has(key.asString().slice(1)) || this.#isActive(value)) dict.delete(key)
      else this.visit(value)
    }
  }

  array(array: PDFArray): void {
    if (this.#seen.has(array)) return
    this.#seen.add(array)
    for (let i = array.size() - 1; i >= 0; i--) {
      const value = array.get(i)
      if (this.#isActive(value)) array.remove(i)
      else this.visit(value)
    }
  }

  /** An action, a file specification or embedded file, or a catalog (reached through a key of the attacker's choosing). */
  #isActive(object: PDFObject): boolean {
    const value = object instanceof PDFRef ? this.context.lookup(object) : object
    const dict = value instanceof PDFStream ? value.dict : value
    if (!(dict instanceof PDFDict)) return false
    const name = (key: string) => {
      const found = dict.lookup(PDFName.of(key))
      return found instanceof PDFName ? found.decodeText() : undefined
    }
    const type = name('Type')
    if (type === 'Action' || type === 'Catalog' || type === 'Filespec' || type === 'EmbeddedFile') return true
    const s = name('S')
    return s !== undefined && ACTION_TYPES.has(s)
  }
}

/** A stream whose data is a JPEG file: /DCTDecode its only filter (with another filter first, its bytes are not the JPEG's). */
function isJpeg(dict: PDFDict): boolean {
  const filter = dict.lookup(PDFName.of('Filter'))
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.lookup(0) : filter
  return only === PDFName.of('DCTDecode')
}

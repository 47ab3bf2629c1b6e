import type { PDFDocument, RGB } from '@cantoo/pdf-lib'
import { ROLE_LABELS, type Role } from '../../shared/people'
import type { Letterhead, TeamImage } from '../../shared/team/settings'
import { drawPicture, embedPicture, type Picture } from './images'
import { BRAND, SOFT, type Composer, type TextStyle } from './layout'

/** Who signs a letter, with their role and their own signature if they gave the team one (else a line to sign by hand). */
export interface Signer {
  name: string
  role: Role
  signature?: TeamImage
}

/** What every document says about itself in its PDF properties. */
export interface DocumentProperties {
  title: string
  author: string
  subject: string
}

export function setProperties(doc: PDFDocument, properties: DocumentProperties, at: Date): void {
  doc.setTitle(properties.title, { showInWindowTitleBar: true })
  doc.setAuthor(properties.author)
  doc.setSubject(properties.subject)
  doc.setCreator('Homeward')
  doc.setProducer('Homeward')
  doc.setLanguage('en-GB')
  doc.setCreationDate(at)
  doc.setModificationDate(at)
}

export async function embedTeamImage(doc: PDFDocument, image: TeamImage | undefined): Promise<Picture | undefined> {
  return image ? embedPicture(doc, image.mediaType, image.bytes) : undefined
}

/**
 * The team's letterhead across the top of the first page: the organisation's name, the team, the
 * address and how to get in touch on the left, the logo on the right, and a rule beneath.
 */
export function drawLetterhead(c: Composer, letterhead: Partial<Letterhead>, logo: Picture | undefined): void {
  const top = c.y
  let logoHeight = 0
  if (logo) {
    const scale = Math.min(150 / logo.width, 64 / logo.height)
    const logoWidth = logo.width * scale
    logoHeight = logo.height * scale
    drawPicture(c.page, logo, { x: c.margin.left + c.width - logoWidth, y: c.page.getHeight() - top - logoHeight, w: logoWidth, h: logoHeight })
  }
  type Line = { text: string; size: number; bold?: boolean; color: RGB }
  const lines: Line[] = [
    { text: letterhead.organisation ?? '', size: 15, bold: true, color: BRAND },
    { text: letterhead.teamName ?? '', size: 10.5, bold: true, color: SOFT },
    ...(letterhead.address ?? '').split('\n').map((text) => ({ text, size: 9, color: SOFT })),
    { text: [letterhead.phone, letterhead.email].filter(Boolean).join('  ·  '), size: 9, color: SOFT },
    { text: letterhead.charityNumber ? `Registered charity ${letterhead.charityNumber}` : '', size: 8, color: SOFT },
  ].filter((line) => line.text.trim())
  let y = top
  for (const { text, ...style } of lines) {
    c.drawAt(text, { x: c.margin.left, top: y }, style)
    y += style.size * 1.35
  }
  c.space(Math.max(y, top + logoHeight) - top + 6)
  c.rule()
  c.space(6)
}

/** The recipient's name and address, one line each, then the date on the right. */
export function addressAndDate(c: Composer, recipient: string[], date: string): void {
  c.text(date, { align: 'right', after: 4 })
  for (const line of recipient.filter(Boolean)) c.text(line, { after: 0.5 })
  c.space(16)
}

/** Room left for a signature written by hand when the signer has given the team none, and the line to sign on. */
const HAND_SIGNED = { space: 34, line: 160 }

/**
 * The closing, the signer's own signature image or a line to sign on by hand, and their typed name
 * and role: its height (never split over pages) and how to draw it.
 */
function closingBlock(c: Composer, closing: string, signer: Signer, signature: Picture | undefined, letterhead: Partial<Letterhead>) {
  const box = { width: 160, height: 48 }
  const lines: [string, TextStyle][] = [
    [signer.name, { bold: true, after: 1 }],
    [[ROLE_LABELS[signer.role], letterhead.teamName].filter(Boolean).join(', '), { after: 1 }],
    ...(letterhead.organisation ? [[letterhead.organisation, {}] as [string, TextStyle]] : []),
  ]
  const closingStyle: TextStyle = { after: 4 }
  return {
    height:
      c.textHeight(closing, closingStyle) + (signature ? c.imageHeight(signature, box) : HAND_SIGNED.space) + lines.reduce((sum, [text, style]) => sum + c.textHeight(text, style), 0),
    draw() {
      c.text(closing, closingStyle)
      if (signature) c.image(signature, box)
      else {
        c.space(HAND_SIGNED.space - 6)
        c.line(HAND_SIGNED.line)
        c.space(6)
      }
      for (const [text, style] of lines) c.text(text, style)
    },
  }
}

/** The height of a letter's sign-off (see signOff), to keep the text before it on its page. */
export function signOffHeight(c: Composer, closing: string, signer: Signer, signature: Picture | undefined, letterhead: Partial<Letterhead>): number {
  return closingBlock(c, closing, signer, signature, letterhead).height
}

/**
 * The letter's last paragraph, then the closing, the signer's signature (see closingBlock), and
 * their typed name and role. The closing block is measured and never split; when it does not fit,
 * it goes over the page with the last paragraph (or at least its last two lines), so "Yours
 * sincerely" never starts a page alone nor is left at the foot of one with its signature over the page.
 */
export function signOff(
  c: Composer,
  lastParagraph: { text: string; style: TextStyle },
  closing: string,
  signer: Signer,
  signature: Picture | undefined,
  letterhead: Partial<Letterhead>,
): void {
  const block = closingBlock(c, closing, signer, signature, letterhead)
  c.textKeepingEndWith(lastParagraph.text, lastParagraph.style, block.height)
  block.draw()
}

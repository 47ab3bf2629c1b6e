import { rgb } from '@cantoo/pdf-lib'
import { A4, BRAND, SOFT, type Composer } from './layout'

export interface Bar {
  label: string
  value: number
}

const GRID = rgb(0.85, 0.88, 0.9)
const BAR = BRAND

/** Vertical bars side by side (referrals per month), the value above each and its label below. */
export function columnChart(c: Composer, bars: readonly Bar[], height = 140): void {
  if (bars.length === 0) return
  const labelSize = 8
  // Over a long period, every month cannot carry its label: every nth does, twelve at most.
  const labelEvery = Math.ceil(bars.length / 12)
  const total = height + 34
  c.ensure(total)
  const top = c.y
  const left = c.margin.left
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const slot = c.width / bars.length
  const barWidth = Math.min(42, slot * 0.62)
  const baseline = top + 14 + height
  c.page.drawLine({ start: { x: left, y: A4.height - baseline }, end: { x: left + c.width, y: A4.height - baseline }, thickness: 0.75, color: GRID })
  bars.forEach((bar, i) => {
    const h = (bar.value / max) * height
    const x = left + i * slot + (slot - barWidth) / 2
    if (h > 0) c.page.drawRectangle({ x, y: A4.height - baseline, width: barWidth, height: h, color: BAR })
    const value = String(bar.value)
    if (bar.value > 0 || labelEvery === 1) {
      c.drawAt(value, { x: x + barWidth / 2 - c.faces.bold.widthOf(value, 8.5) / 2, top: baseline - h - 12 }, { size: 8.5, bold: true })
    }
    if (i % labelEvery === 0) {
      const text = bar.label
      c.drawAt(text, { x: left + i * slot + slot / 2 - c.faces.regular.widthOf(text, labelSize) / 2, top: baseline + 4 }, { size: labelSize, color: SOFT })
    }
  })
  c.space(total + 6)
}

/** Horizontal bars, one per line (outcomes): the label on the left, the bar, the value after it. */
export function barChart(c: Composer, bars: readonly Bar[]): void {
  const labelWidth = c.width * 0.34
  const room = c.width - labelWidth - 40
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const row = 18
  for (const bar of bars) {
    c.ensure(row)
    const top = c.y
    c.drawAt(bar.label, { x: c.margin.left, top: top + 3 }, { size: 9.5 })
    const w = (bar.value / max) * room
    if (w > 0) c.page.drawRectangle({ x: c.margin.left + labelWidth, y: A4.height - top - 13, width: w, height: 11, color: BAR })
    c.drawAt(String(bar.value), { x: c.margin.left + labelWidth + w + 5, top: top + 3 }, { size: 9.5, bold: true })
    c.space(row)
  }
  c.space(8)
}

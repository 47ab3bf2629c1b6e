/** Simple, labelled bar charts in SVG: each has a text equivalent in the tables beside it. */

export interface ChartBar {
  label: string
  value: number
}

/** Room a month's short name needs under its bar ("Sep" at 13px, with a gap), in the chart's units. */
const MONTH_LABEL_ROOM = 40

/**
 * Vertical bars side by side (referrals per month). Each label is "Apr 2026": the month is written
 * under its bar and the year under the first month of each year shown, so labels stay short; when
 * bars are too narrow for every month, every nth is labelled, never two running together, and the
 * plot is inset so the first and last labels are not cut off at the edges.
 */
export function ColumnChart({ bars, title }: { bars: ChartBar[]; title: string }) {
  const width = 720
  const height = 230
  const top = 20
  const bottom = 46
  const side = 24
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const slot = (width - 2 * side) / Math.max(1, bars.length)
  const barWidth = Math.min(48, slot * 0.62)
  const plot = height - top - bottom
  const labelEvery = Math.max(1, Math.ceil(MONTH_LABEL_ROOM / slot))
  const parts = (label: string) => {
    const space = label.lastIndexOf(' ')
    return space < 0 ? [label, ''] : [label.slice(0, space), label.slice(space + 1)]
  }
  let lastYear = ''
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${bars.map((bar) => `${bar.label} ${bar.value}`).join(', ')}`}>
        <line x1={side} x2={width - side} y1={top + plot} y2={top + plot} className="chart__axis" />
        {bars.map((bar, i) => {
          const h = (bar.value / max) * plot
          const x = side + i * slot + (slot - barWidth) / 2
          const centre = side + i * slot + slot / 2
          const labelled = i % labelEvery === 0
          const [month, year] = parts(bar.label)
          const showYear = labelled && year !== lastYear
          if (showYear) lastYear = year!
          return (
            <g key={bar.label}>
              <rect x={x} y={top + plot - h} width={barWidth} height={h} className="chart__bar" />
              {(bar.value > 0 || labelEvery === 1) && slot >= 14 && (
                <text x={centre} y={top + plot - h - 5} textAnchor="middle" className="chart__value">
                  {bar.value}
                </text>
              )}
              {labelled && (
                <text x={centre} y={top + plot + 17} textAnchor="middle" className="chart__label">
                  {month}
                </text>
              )}
              {showYear && (
                <text x={centre} y={top + plot + 34} textAnchor="middle" className="chart__label">
                  {year}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  )
}

/** Horizontal bars, one per line (outcomes). */
export function BarChart({ bars, title }: { bars: ChartBar[]; title: string }) {
  const width = 720
  const row = 28
  const labelWidth = 230
  const room = width - labelWidth - 50
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${bars.length * row + 8}`} role="img" aria-label={`${title}: ${bars.map((bar) => `${bar.label} ${bar.value}`).join(', ')}`}>
        {bars.map((bar, i) => {
          const w = (bar.value / max) * room
          const y = i * row + 4
          return (
            <g key={bar.label}>
              <text x={0} y={y + 16} className="chart__label">
                {bar.label}
              </text>
              <rect x={labelWidth} y={y + 3} width={w} height={18} className="chart__bar" />
              <text x={labelWidth + w + 6} y={y + 17} className="chart__value">
                {bar.value}
              </text>
            </g>
          )
        })}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  )
}

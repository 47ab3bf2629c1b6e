/** Simple, labelled bar charts in SVG: each has a text equivalent in the tables beside it. */

export interface ChartBar {
  label: string
  value: number
}

/** Vertical bars side by side (referrals per month). */
export function ColumnChart({ bars, title }: { bars: ChartBar[]; title: string }) {
  const width = 720
  const height = 220
  const top = 20
  const bottom = 36
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const slot = width / Math.max(1, bars.length)
  const barWidth = Math.min(48, slot * 0.62)
  const plot = height - top - bottom
  // Over a long period, every month cannot carry its label: every nth does, twelve at most.
  const labelEvery = Math.ceil(bars.length / 12)
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${bars.map((bar) => `${bar.label} ${bar.value}`).join(', ')}`}>
        <line x1={0} x2={width} y1={top + plot} y2={top + plot} className="chart__axis" />
        {bars.map((bar, i) => {
          const h = (bar.value / max) * plot
          const x = i * slot + (slot - barWidth) / 2
          return (
            <g key={bar.label}>
              <rect x={x} y={top + plot - h} width={barWidth} height={h} className="chart__bar" />
              {(bar.value > 0 || labelEvery === 1) && (
                <text x={x + barWidth / 2} y={top + plot - h - 5} textAnchor="middle" className="chart__value">
                  {bar.value}
                </text>
              )}
              {i % labelEvery === 0 && (
                <text x={i * slot + slot / 2} y={height - 14} textAnchor="middle" className="chart__label">
                  {bar.label}
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

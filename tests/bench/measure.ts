/** Timings of repeated runs, and how they are printed: medians and 95th percentiles, in ms. */
export interface Timings {
  name: string
  runs: number[]
}

/** Times `work` `runs` times after `warmUp` untimed runs; `before` runs untimed ahead of each. */
export async function measure(
  name: string,
  runs: number,
  work: () => Promise<unknown>,
  options: { warmUp?: number; before?: () => Promise<unknown> } = {},
): Promise<Timings> {
  for (let i = 0; i < (options.warmUp ?? 2); i++) await work()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    await options.before?.()
    const started = performance.now()
    await work()
    times.push(performance.now() - started)
  }
  return { name, runs: times }
}

export function median(values: number[]): number {
  return percentile(values, 50)
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export function printTable(rows: Timings[]): void {
  const width = Math.max(...rows.map((row) => row.name.length))
  console.log(`${'measure'.padEnd(width)}  runs  median ms    p95 ms`)
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(width)}  ${String(row.runs.length).padStart(4)}  ${median(row.runs).toFixed(1).padStart(9)}  ${percentile(row.runs, 95).toFixed(1).padStart(8)}`,
    )
  }
}

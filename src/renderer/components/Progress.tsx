/**
 * Long work in the core, as it goes: its words in a polite live region (read out as they change)
 * and a bar for the eye. `label` says what is being done and, where it counts, how far.
 */
export function Progress({ label, progress }: { label: string; progress: { done: number; total: number } }) {
  const percent = Math.round((100 * progress.done) / Math.max(1, progress.total))
  return (
    <div className="progress" role="status">
      <span>{label}</span>
      <div className="progress__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}

import type { ReactNode } from 'react'

/** One labelled drop-down of a list's filters (the case list's, the board's), kept in the page's address by its caller. */
export function FilterSelect(props: { idPrefix: string; label: string; name: string; value: string; onChange: (value: string) => void; children: ReactNode }) {
  const id = `${props.idPrefix}-${props.name}`
  return (
    <div className="board-filters__field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} className="select" value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.children}
      </select>
    </div>
  )
}

import { useEffect, type ReactNode } from 'react'

/**
 * A page's h1, which also names the window ("Cases – Homeward"). The title never carries a
 * client's name: window titles show in task switchers and screen shares. The heading can take
 * focus, so moving between pages lands a screen reader on the new page's name.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} – Homeward`
  }, [title])
  return (
    <h1 tabIndex={-1} className="page-title">
      {children ?? title}
    </h1>
  )
}

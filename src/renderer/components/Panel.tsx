import type { ReactNode } from 'react'

/**
 * A panel of a page, as a region its heading names (screen readers list regions and jump between
 * them). Buttons for the panel as a whole (Change, Add...) sit beside the heading.
 */
export function Panel(props: {
  /** The heading's id, which names the region: unique on the page. */
  id: string
  title: ReactNode
  /** 2 for a panel on a page of its own, 3 under a page's or tab's h2. */
  level?: 2 | 3
  actions?: ReactNode
  className?: string
  children?: ReactNode
}) {
  const Heading = props.level === 2 ? 'h2' : 'h3'
  return (
    <section className={`panel section${props.className ? ` ${props.className}` : ''}`} aria-labelledby={props.id}>
      <div className="section__heading">
        <Heading id={props.id}>{props.title}</Heading>
        {props.actions}
      </div>
      {props.children}
    </section>
  )
}

import { Link } from 'react-router'
import { markerTagText, type MarkerTag } from '../../shared/case/current-markers'

/**
 * The current markers as small tags, words first (never colour alone), for the case header and the
 * board. `to`: where a tag leads (the case's markers), if anywhere.
 */
export function MarkerTags({ tags, to }: { tags: readonly MarkerTag[]; to?: string }) {
  if (tags.length === 0) return null
  return (
    <ul className="marker-list" aria-label="Warning markers">
      {tags.map((tag) => (
        <li key={tag.kind} className={`marker${tag.reviewOverdue ? ' marker--overdue' : ''}`}>
          {to ? <Link to={to}>{markerTagText(tag)}</Link> : markerTagText(tag)}
        </li>
      ))}
    </ul>
  )
}

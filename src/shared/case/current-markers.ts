import type { IsoDate } from '../dates'
import { MARKER_KINDS, type MarkerKind, type WarningMarker } from './markers'

/** What the case header and the board need of a marker: small enough for the case index to hold. */
export interface MarkerFacts {
  kind: MarkerKind
  reviewOn: IsoDate | null
  endedOn: IsoDate | null
}

/** A current marker as the header and the board show it: one tag per kind. */
export interface MarkerTag {
  kind: MarkerKind
  /** The words of the tag, read alike on screen and by a screen reader ("Risk to staff"). */
  label: string
  /** Its review date has passed and no one has ended it or set a new one. */
  reviewOverdue: boolean
}

export function markerFacts(markers: Record<string, WarningMarker>): MarkerFacts[] {
  return Object.values(markers).map((marker) => ({ kind: marker.kind, reviewOn: marker.reviewOn ?? null, endedOn: marker.endedOn ?? null }))
}

/** Current: not ended by today. A marker whose review is overdue is still current: it warns until someone ends it. */
export function isCurrentMarker(marker: Pick<MarkerFacts, 'endedOn'>, today: IsoDate): boolean {
  return !marker.endedOn || marker.endedOn > today
}

/**
 * The tags of a case's current markers, in the kinds' order, one per kind (two markers of a kind
 * are one warning; overdue if either's review is). An "Other" marker reads "Warning marker".
 */
export function markerTags(markers: readonly MarkerFacts[], today: IsoDate): MarkerTag[] {
  const current = markers.filter((marker) => isCurrentMarker(marker, today))
  return MARKER_KINDS.flatMap((kind) => {
    const ofKind = current.filter((marker) => marker.kind === kind.value)
    if (ofKind.length === 0) return []
    const label = kind.value === 'other' ? 'Warning marker' : kind.label
    return [{ kind: kind.value, label, reviewOverdue: ofKind.some((marker) => marker.reviewOn !== null && marker.reviewOn < today) }]
  })
}

/** A tag as words, for a screen reader, the command line and the board: "Risk to staff (review overdue)". */
export function markerTagText(tag: MarkerTag): string {
  return tag.reviewOverdue ? `${tag.label} (review overdue)` : tag.label
}

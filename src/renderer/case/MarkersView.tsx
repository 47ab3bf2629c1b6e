import { markerFacts, markerTags, type MarkerTag } from '../../shared/case/current-markers'
import { MARKER_FIELDS, MARKER_KINDS } from '../../shared/case/markers'
import { formatUkDate } from '../../shared/dates'
import { today, useOpenCase } from './CaseContext'
import { Collection } from './CaseForms'

/** The case's warning markers: raised, reviewed and ended here; the current ones shown on the case header and the board. */
export function MarkersView() {
  const day = today()
  return (
    <>
      <h2>Warning markers</h2>
      <p className="lead">
        What anyone working with the client needs to know to keep them and others safe, before the move and after it. A marker shows on the case and on the
        board until it is ended.
      </p>
      <Collection
        id="markers"
        title="Markers"
        itemName="a marker"
        fields={MARKER_FIELDS}
        emptyText="No warning markers on this case."
        // The current ones first, the latest raised first among each.
        order={(a, b) => Number(Boolean(a.endedOn)) - Number(Boolean(b.endedOn)) || String(b.raisedOn).localeCompare(String(a.raisedOn))}
        columns={[
          { label: 'Type', value: (item) => MARKER_KINDS.find((kind) => kind.value === item.kind)?.label ?? '' },
          { label: 'Raised on', value: (item) => formatUkDate(String(item.raisedOn ?? '')) },
          {
            label: 'Review by',
            value: (item) => (item.reviewOn ? `${formatUkDate(String(item.reviewOn))}${!item.endedOn && String(item.reviewOn) < day ? ' (overdue)' : ''}` : ''),
          },
          { label: 'Ended', value: (item) => (item.endedOn ? formatUkDate(String(item.endedOn)) : 'No: current') },
        ]}
      />
    </>
  )
}

/** The open case's current markers. */
export function useMarkerTags(): MarkerTag[] {
  const { record } = useOpenCase()
  return markerTags(markerFacts(record.markers), today())
}

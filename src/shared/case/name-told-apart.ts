import { formatUkDate, type IsoDate } from '../dates'
import { personNameKey } from '../team/same-person-name'

interface Named {
  id: string
  clientName: string
  receivedOn: IsoDate
}

/**
 * How each case is named in a list where two people of one name may both be (a meeting's agenda, the
 * cases behind a report's figure), by id: the client's name, and, where another case of `rows` has
 * the same name (as the team's rule for one person's name reads it), when it was referred too, so
 * that two people are never read as one. Not by CHAIN number or date of birth: on a shared screen or
 * a report passed round those are personal details. One pass over the rows: a report holds thousands.
 */
export function namesToldApart(rows: readonly Named[]): Map<string, string> {
  const perName = new Map<string, number>()
  for (const row of rows) perName.set(personNameKey(row.clientName), (perName.get(personNameKey(row.clientName)) ?? 0) + 1)
  return new Map(
    rows.map((row) => [row.id, (perName.get(personNameKey(row.clientName)) ?? 0) > 1 ? `${row.clientName} (referred ${formatUkDate(row.receivedOn)})` : row.clientName]),
  )
}

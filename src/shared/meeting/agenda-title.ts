import { formatUkDate, type IsoDate } from '../dates'
import { samePersonName } from '../team/same-person-name'

interface Named {
  id: string
  clientName: string
  receivedOn: IsoDate
}

/**
 * A case on a meeting's agenda is named by the client's name, and, where another open case has the
 * same name (as the team's rule for one person's name reads it), by when it was referred too: two people of one name must not be discussed as one, or a
 * decision minuted against the wrong person. Not by CHAIN number or date of birth: on the shared
 * screen those are personal details, shown only when someone asks (the meeting page's "Show
 * personal details").
 */
export function agendaTitle(row: Named, openCases: readonly Named[]): string {
  const namesake = openCases.some((other) => other.id !== row.id && samePersonName(other.clientName, row.clientName))
  return namesake ? `${row.clientName} (referred ${formatUkDate(row.receivedOn)})` : row.clientName
}

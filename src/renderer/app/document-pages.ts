/**
 * The pages that open a case or a meeting: the only ones that edit an Automerge document, through
 * the window's repo. `App` loads this module when one of them is first shown, so it and everything
 * only it imports (Automerge among them) are a chunk of their own, never loaded by the board or the lists.
 */
export { CasePage } from '../case/CasePage'
export { PhaseView } from '../case/phases/PhaseView'
export { ContactLog } from '../case/ContactLog'
export { ActionsView } from '../case/ActionsView'
export { ExpensesView } from '../case/ExpensesView'
export { MarkersView } from '../case/MarkersView'
export { HistoryView } from '../case/HistoryView'
export { DocumentsView } from '../case/documents/DocumentsView'
export { FollowUpsView } from '../case/FollowUpsView'
export { MeetingPage } from '../meetings/MeetingPage'

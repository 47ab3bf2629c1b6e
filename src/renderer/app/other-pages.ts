/**
 * The pages other than the board and signing in: `App` loads this module soon after it starts,
 * once the page it opens on has drawn (`useOtherPagesSoon`), so the board's first row waits for
 * none of their code (the forms' schemas, the reports, the bank holidays the tasks count by:
 * npm run bench -- board-first-row).
 */
export { CaseListPage } from '../case/CaseListPage'
export { NewReferralPage } from '../referral/NewReferralPage'
export { ImportReferralsPage } from '../referral/ImportReferralsPage'
export { SearchPage } from '../case/SearchPage'
export { MyTasksPage } from '../tasks/MyTasksPage'
export { ReportPage } from '../reports/ReportPage'
export { AuditPage } from '../audit/AuditPage'
export { MeetingsPage } from '../meetings/MeetingsPage'
export { RetentionPage } from '../team/RetentionPage'
export { FirstRunPage } from '../team/FirstRunPage'

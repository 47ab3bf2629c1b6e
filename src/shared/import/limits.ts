/**
 * How big a spreadsheet may be imported. Their own module, so the window's API contract and the
 * import page read them without loading the import's rules (and, through the case's schema, Automerge).
 */

/** More rows than a team's caseload: a bigger file is refused whole, in one line, before any row is read. */
export const MAX_IMPORT_ROWS = 5000
/** 5,000 full rows fit well within this; the window's upload and the command line refuse more. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

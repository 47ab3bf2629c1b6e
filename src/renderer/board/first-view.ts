import type { BoardView } from '../../shared/board/board-start'

/**
 * The board as it opens with nothing chosen in its address (`#/board`): its start is asked for as
 * the page starts (`main.tsx`), before the board's own code has loaded, so this module imports
 * nothing that runs. The board page reads the same view from an empty address (`readView`).
 */
export const FIRST_BOARD_VIEW: BoardView = { filter: {}, sort: 'flags', descending: true }

/** The address the first view is asked for at start: the board, nothing chosen. */
export const BOARD_HASH = '#/board'

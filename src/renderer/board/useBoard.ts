import { useEffect, useRef, useState } from 'react'
import type { Board } from '../../shared/board/board'
import type { BoardStart, BoardView } from '../../shared/board/board-start'
import { useApi } from '../app/contexts'

export type BoardState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** The board's first rows for `view`, and its counts: drawn while the whole board comes. */
  | { status: 'start'; start: BoardStart }
  | { status: 'whole'; board: Board }

/**
 * The board in two steps, so its first row is drawn without waiting for every open case (1.6 MB
 * at 5,000 cases, read and sorted in the page: npm run bench -- board-first-row): the first rows
 * for the page's filters and order, then, once they are drawn, the whole board, which the filters,
 * sorting and "Show all" then use at once. Asked again whenever the index changes, as every view
 * from the core is.
 */
export function useBoard(view: BoardView): BoardState {
  const api = useApi()
  const key = JSON.stringify(view)
  // The start asked for as the page started (`main.tsx`), if it has come: the first draw has its rows.
  const [start, setStart] = useState<BoardStart | undefined>(() => api.answered('getBoardStart', view))
  // Drawn from the early start: the effect's first run has nothing to ask.
  const drewEarly = useRef(start !== undefined)
  const [board, setBoard] = useState<Board>()
  const [failure, setFailure] = useState<string>()
  // How many times the index has changed since the page opened: each is a reason to ask again.
  const [changes, setChanges] = useState(0)
  const startCall = useRef(0)
  const boardCall = useRef(0)
  const haveBoard = board !== undefined
  const haveStart = start !== undefined

  useEffect(() => api.onEvent((event) => event.type === 'index-changed' && setChanges((n) => n + 1)), [api])

  // The start, for the view asked (again when it changes), until the whole board is here.
  useEffect(() => {
    if (haveBoard) return
    if (drewEarly.current) return void (drewEarly.current = false)
    const call = ++startCall.current
    api.call('getBoardStart', JSON.parse(key) as BoardView).then(
      (answer) => call === startCall.current && (setStart(answer), setFailure(undefined)),
      (error: Error) => call === startCall.current && setFailure(error.message),
    )
  }, [api, key, haveBoard, changes])

  // The whole board: asked once the start is drawn (an effect runs after it is), and again on each change.
  useEffect(() => {
    if (!haveStart) return
    const call = ++boardCall.current
    api.call('getBoard', {}).then(
      (answer) => call === boardCall.current && (setBoard(answer), setFailure(undefined)),
      (error: Error) => call === boardCall.current && setFailure(error.message),
    )
  }, [api, haveStart, changes])

  if (failure !== undefined) return { status: 'failed', message: failure }
  if (board) return { status: 'whole', board }
  if (start) return { status: 'start', start }
  return { status: 'loading' }
}

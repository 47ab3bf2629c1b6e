import { z } from 'zod'
import { FLAG_KINDS } from '../case/flag-kinds'
import { PHASES } from '../case/phases'
import { BOARD_SORTS, MARKER_FILTERS, type MarkerFilter } from './board-rows'

/** How the board is looked at: its filters and its order, as the page reads them from its address. */
export const boardViewSchema = z.object({
  filter: z.object({
    caseworker: z.string().max(200).optional(),
    phase: z.enum(PHASES).optional(),
    flag: z.enum(FLAG_KINDS).optional(),
    marker: z.enum(MARKER_FILTERS.map((marker) => marker.value) as [MarkerFilter, ...MarkerFilter[]]).optional(),
    text: z.string().max(500).optional(),
  }),
  sort: z.enum(BOARD_SORTS),
  descending: z.boolean(),
})
export type BoardView = z.infer<typeof boardViewSchema>


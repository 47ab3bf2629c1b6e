import { createContext, useContext } from 'react'

/**
 * Whether the forms shown cannot be changed now: a closed case's, until it is reopened. Their
 * Change, Add and Remove are not offered at all (greyed buttons on every section only cluttered a
 * case the header already names as closed, with the way to reopen it). A form with something typed
 * in it stays shown, its words kept where they were typed.
 */
export const ReadOnlyContext = createContext(false)

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext)
}

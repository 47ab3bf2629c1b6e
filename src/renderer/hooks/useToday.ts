import { useEffect, useState } from 'react'
import { isoDateOf, type IsoDate } from '../../shared/dates'

/**
 * A moment after midnight before looking at the day again: the core reads the same clock, and
 * asking it a hair early would get yesterday's answer once more.
 */
const AFTER_MIDNIGHT_MS = 1000

/**
 * Calls `onNewDay` with the new day each time the date changes while the window is open (left open
 * overnight). The timer is set for the next midnight, and set again each time; `check` lets the
 * caller look sooner (a laptop waking from sleep, when a timer may fire late). Returns the way to stop.
 */
export function watchTheDay(onNewDay: (day: IsoDate) => void, now: () => Date = () => new Date()): { check: () => void; stop: () => void } {
  let day = isoDateOf(now())
  let timer: ReturnType<typeof setTimeout> | undefined
  const check = () => {
    clearTimeout(timer)
    const moment = now()
    const today = isoDateOf(moment)
    if (today !== day) {
      day = today
      onNewDay(today)
    }
    const midnight = new Date(moment.getFullYear(), moment.getMonth(), moment.getDate() + 1)
    timer = setTimeout(check, midnight.getTime() - moment.getTime() + AFTER_MIDNIGHT_MS)
  }
  check()
  return { check, stop: () => clearTimeout(timer) }
}

/** Today's date, changing at midnight with the window open, and looked at again when the window comes back into view. */
export function useToday(): IsoDate {
  const [today, setToday] = useState(() => isoDateOf(new Date()))
  useEffect(() => {
    const watch = watchTheDay(setToday)
    const lookAgain = () => document.visibilityState === 'visible' && watch.check()
    document.addEventListener('visibilitychange', lookAgain)
    return () => {
      document.removeEventListener('visibilitychange', lookAgain)
      watch.stop()
    }
  }, [])
  return today
}

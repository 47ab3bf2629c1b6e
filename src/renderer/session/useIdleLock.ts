import { useEffect } from 'react'
import { useApi } from '../app/contexts'

/** What counts as someone using the window. */
const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const
/** The core is told of activity at most this often: its own idle timer locks if the window stops telling it. */
const TELL_CORE_EVERY_MS = 30_000

/**
 * Locks the app after `minutes` with no key pressed or pointer moved in this window. The core
 * keeps its own count from these reports, so a window that freezes or is hidden still locks.
 * Drafts are written to local storage as they are typed, so nothing typed is lost by the lock.
 */
export function useIdleLock(minutes: number): void {
  const api = useApi()
  useEffect(() => {
    const idleMs = minutes * 60_000
    let last = Date.now()
    let told = 0
    let timer: ReturnType<typeof setTimeout>
    const check = () => {
      const left = last + idleMs - Date.now()
      if (left > 0) timer = setTimeout(check, left)
      else void api.call('lock', {}).catch(() => undefined)
    }
    const used = () => {
      last = Date.now()
      if (last - told < TELL_CORE_EVERY_MS) return
      told = last
      void api.call('sessionActivity', {}).catch(() => undefined)
    }
    timer = setTimeout(check, idleMs)
    for (const type of ACTIVITY) window.addEventListener(type, used, { passive: true, capture: true })
    return () => {
      clearTimeout(timer)
      for (const type of ACTIVITY) window.removeEventListener(type, used, { capture: true })
    }
  }, [api, minutes])
}

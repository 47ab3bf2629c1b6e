import { useEffect, useState } from 'react'
import type { SyncStatus } from '../../shared/sync/status'
import { useApi } from '../app/contexts'

/** The team sync's state as the core reports it, kept current by its events. */
export function useSyncStatus(): SyncStatus | undefined {
  const api = useApi()
  const [status, setStatus] = useState<SyncStatus | undefined>()
  useEffect(() => {
    let current = true
    const stop = api.onEvent((event) => {
      if (event.type === 'sync-status') setStatus(event.status)
    })
    api.call('getSyncStatus', {}).then(
      (first) => current && setStatus((known) => known ?? first),
      () => undefined,
    )
    return () => {
      current = false
      stop()
    }
  }, [api])
  return status
}

import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiEvent, ApiMethod, ApiMethods } from '../../shared/api'
import { useApi } from '../app/contexts'

export type QueryState<T> =
  | { status: 'loading'; data?: undefined }
  | { status: 'ready'; data: T }
  | { status: 'failed'; data?: undefined; message: string }

/**
 * A view from the core, fetched again whenever what it shows may have changed (by default the
 * index: a colleague's edit arriving, a note just added), so lists are never stale; and again when
 * `askAgainWhen` changes (a view that depends on the day: the new day, `useToday`).
 */
export function useApiQuery<M extends ApiMethod>(
  method: M,
  params: ApiMethods[M]['params'],
  reloadOn: ApiEvent['type'] = 'index-changed',
  askAgainWhen?: string,
): QueryState<ApiMethods[M]['result']> {
  const api = useApi()
  const [state, setState] = useState<QueryState<ApiMethods[M]['result']>>({ status: 'loading' })
  const key = JSON.stringify(params)
  const latest = useRef(0)

  const load = useCallback(() => {
    const call = ++latest.current
    api.call(method, JSON.parse(key) as ApiMethods[M]['params']).then(
      (data) => call === latest.current && setState({ status: 'ready', data }),
      (error: Error) => call === latest.current && setState({ status: 'failed', message: error.message }),
    )
  }, [api, method, key])

  useEffect(() => {
    load()
    return api.onEvent((event) => {
      if (event.type === reloadOn) load()
    })
    // askAgainWhen is not read: a new value is a reason to ask again.
  }, [api, load, reloadOn, askAgainWhen])

  return state
}

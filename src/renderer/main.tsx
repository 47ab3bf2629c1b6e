import { apiClient } from './platform/api-client'
import { browserApiTransport } from './platform/browser'
import { desktopBridge, electronApiTransport } from './platform/electron'
import { BOARD_HASH, FIRST_BOARD_VIEW } from './board/first-view'
import './styles/app.css'

/*
 * The page's entry, kept small: it sends the calls every start makes, then loads the app. The
 * core answers them while the app's code loads and runs, and the app takes each answer as it asks
 * (`ApiClient.prime`): they no longer wait for that code, nor for one another
 * (npm run bench -- board-first-row). Each is answered only as it would be later: before sign-in,
 * the session's and the drafts' calls are refused, and the app asks again once someone signs in.
 */
const bridge = desktopBridge()
const api = apiClient(bridge ? electronApiTransport(bridge) : browserApiTransport())
const lock = api.call('getWorkspaceLock', {})
// In the order the core answers them (one after another): what the board's first row waits for first.
api.prime('getSession', {})
api.prime('draftKey', {})
if (location.hash === BOARD_HASH) api.prime('getBoardStart', FIRST_BOARD_VIEW)
api.prime('withheldCases', {})

// The calls leave when the connection opens, an event this page must be free to hear: the app's
// code is asked for once they have gone (or the lock has failed), so running it does not hold them back.
await Promise.race([new Promise((opened) => api.onConnection((state) => state === 'connected' && opened(state))), lock.catch(() => undefined)])
const [{ startApp }, { state }] = await Promise.all([import('./app/start'), lock])
await startApp(api, bridge, state)

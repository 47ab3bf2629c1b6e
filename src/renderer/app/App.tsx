import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { createHashRouter, RouterProvider, Outlet } from 'react-router'
import type { Session } from '../../shared/api'
import type { ApiClient } from '../platform/api-client'
import { ApiContext, RepoContext, SessionContext, type SessionValue, type WindowRepo } from './contexts'
import { Layout } from '../components/Layout'
import { BoardPage } from '../board/BoardPage'
import { SignInPage } from '../session/SignInPage'
import { useIdleLock } from '../session/useIdleLock'
import { TakenOffTeamPage, useTakenOffTeam } from '../team/TakenOffTeamPage'
import { useDraftsOpened, useForgetDraftsOfWithheldCases, useWindowMarkedOpen, type DraftsOpening } from '../forms/drafts'

/** A page of `document-pages.ts`, loaded with that chunk (Automerge's) when first shown. */
type DocumentPages = typeof import('./document-pages')
const documentPage = <K extends keyof DocumentPages>(name: K) => lazy(async () => ({ default: (await import('./document-pages'))[name] }))
const CasePage = documentPage('CasePage')
const PhaseView = documentPage('PhaseView')
const ContactLog = documentPage('ContactLog')
const ActionsView = documentPage('ActionsView')
const ExpensesView = documentPage('ExpensesView')
const MarkersView = documentPage('MarkersView')
const HistoryView = documentPage('HistoryView')
const DocumentsView = documentPage('DocumentsView')
const FollowUpsView = documentPage('FollowUpsView')
const MeetingPage = documentPage('MeetingPage')
/** A page of `other-pages.ts`: loaded as the app starts, after the page it opens on (`useOtherPagesSoon`). */
type OtherPages = typeof import('./other-pages')
const loadOtherPages = () => import('./other-pages')
const otherPage = <K extends keyof OtherPages>(name: K) => lazy(async () => ({ default: (await loadOtherPages())[name] }))
const CaseListPage = otherPage('CaseListPage')
const NewReferralPage = otherPage('NewReferralPage')
const ImportReferralsPage = otherPage('ImportReferralsPage')
const SearchPage = otherPage('SearchPage')
const MyTasksPage = otherPage('MyTasksPage')
const ReportPage = otherPage('ReportPage')
const AuditPage = otherPage('AuditPage')
const MeetingsPage = otherPage('MeetingsPage')
const RetentionPage = otherPage('RetentionPage')
const FirstRunPage = otherPage('FirstRunPage')
// Team settings edits the directories by the team document's field catalogues (`team-doc.ts`, with
// Automerge): loaded when first opened, like the pages above.
const SettingsPage = lazy(async () => ({ default: (await import('../team/SettingsPage')).SettingsPage }))

// Hash routes work the same from app://homeward in the desktop app and from the browser mode.
const router = createHashRouter([
  {
    element: (
      <Layout>
        {/* While a case's or a meeting's page, or the window's repo, is first loaded. */}
        <Suspense fallback={<p className="muted">Opening…</p>}>
          <Outlet />
        </Suspense>
      </Layout>
    ),
    // A page that fails (its script could not be fetched, say) says so inside the window, whose
    // navigation and Lock stay; the drafts typed are kept in the window's sealed storage.
    children: [
      {
        errorElement: <PageFailed />,
        children: [
          { path: '/', element: <CaseListPage /> },
          { path: '/referrals/new', element: <NewReferralPage /> },
          { path: '/referrals/import', element: <ImportReferralsPage /> },
          {
            path: '/cases/:id',
            element: <CasePage />,
            children: [
              { index: true, element: <PhaseView /> },
              { path: 'phase/:phase', element: <PhaseView /> },
              { path: 'notes', element: <ContactLog /> },
              { path: 'actions', element: <ActionsView /> },
              { path: 'expenses', element: <ExpensesView /> },
              { path: 'markers', element: <MarkersView /> },
              { path: 'history', element: <HistoryView /> },
              { path: 'documents', element: <DocumentsView /> },
              { path: 'follow-ups', element: <FollowUpsView /> },
            ],
          },
          { path: '/search', element: <SearchPage /> },
          { path: '/tasks', element: <MyTasksPage /> },
          { path: '/board', element: <BoardPage /> },
          { path: '/reports', element: <ReportPage /> },
          { path: '/reports/audit', element: <AuditPage /> },
          { path: '/meetings', element: <MeetingsPage /> },
          { path: '/meetings/:id', element: <MeetingPage /> },
          { path: '/settings', element: <SettingsPage /> },
          { path: '/retention', element: <RetentionPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
])

function PageFailed() {
  return (
    <div className="banner banner--warning" role="alert">
      <p>This page could not be opened. Reload the window to try again: nothing you typed is lost.</p>
      <button type="button" className="button button--secondary" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  )
}

/**
 * The app on an open workspace. `session`, when the start's call brought it already, is drawn at
 * once; `drafts`, opened as the app started for someone signed in, are the signed-in app's to take.
 */
export function App({ api, repo, session: atStart, drafts }: { api: ApiClient; repo: WindowRepo; session?: Session | undefined; drafts?: DraftsOpening | undefined }) {
  const [session, setSession] = useState<Session | undefined>(atStart)
  const [failure, setFailure] = useState<string | undefined>(undefined)

  const refresh = useCallback(
    () =>
      api.call('getSession', {}).then((next) => {
        // The same session kept as it was: every page reading it would draw again.
        setSession((known) => (known && JSON.stringify(known) === JSON.stringify(next) ? known : next))
      }),
    [api],
  )

  useEffect(() => {
    refresh().catch((error: Error) => setFailure(error.message))
    // A role the team changes, or this laptop's person arriving with the team document, come as team changes.
    // A failed refresh is left: the connection banner says when the core is not answering.
    // Signing in and locking (here, by the idle timer, or the computer's own lock) come as session changes.
    return api.onEvent((event) => {
      if (event.type === 'team-changed' || event.type === 'session-changed') refresh().catch(() => undefined)
    })
  }, [api, refresh])

  useEffect(() => {
    document.title = 'Homeward'
  }, [])

  const value = useMemo<SessionValue | null>(
    () => (session?.profile ? { profile: session.profile, inTeam: session.inTeam, sharedLaptop: session.people.length > 1, refresh } : null),
    [session, refresh],
  )

  // Drafts typed into a case erased or restricted to others go from this window, signed in or not.
  useForgetDraftsOfWithheldCases(api)
  // A tab's typing stays its own while it is open: another tab's form never takes it over.
  useWindowMarkedOpen()
  // A revoked laptop, proven, has deleted the team's data: nothing else is shown (nor can be).
  const takenOffTeam = useTakenOffTeam(api)
  // The drafts opened at start are the signed-in app's alone: drawing anything else closes them.
  const signedInShown = !takenOffTeam && !failure && session !== undefined && session.people.length > 0 && value !== null
  useEffect(() => {
    if (!signedInShown) drafts?.close()
  }, [signedInShown, drafts])
  if (takenOffTeam) return <TakenOffTeamPage at={takenOffTeam} api={api} />
  if (failure) return <p className="banner banner--warning">Homeward could not start: {failure}</p>
  if (session === undefined) return <p className="muted splash">Opening Homeward…</p>
  return (
    <ApiContext.Provider value={api}>
      <RepoContext.Provider value={repo}>
        {session.people.length === 0 ? (
          <Suspense fallback={<p className="muted splash">Opening Homeward…</p>}>
            <FirstRunPage onDone={refresh} />
          </Suspense>
        ) : value === null ? (
          // The app (and every form in it) is gone while locked; the address stays, so signing in
          // again returns to the same page, whose form reads back its draft.
          <SignInPage session={session} onDone={refresh} />
        ) : (
          <SessionContext.Provider value={value}>
            <SignedIn api={api} minutes={session.lockAfterMinutes} drafts={drafts} />
          </SessionContext.Provider>
        )}
      </RepoContext.Provider>
    </ApiContext.Provider>
  )
}

/**
 * The app, while someone is signed in: it locks after the team's idle period. Its pages are shown
 * once the unsaved forms are open (sealed with the workspace's draft key): a form is never shown
 * with nowhere safe to keep what is typed into it.
 */
function SignedIn({ api, minutes, drafts: atStart }: { api: ApiClient; minutes: number; drafts: DraftsOpening | undefined }) {
  useIdleLock(minutes)
  useOtherPagesSoon()
  const [attempt, setAttempt] = useState(0)
  const drafts = useDraftsOpened(api, attempt, atStart)
  if (drafts.failure) {
    return (
      <div className="banner banner--warning" role="alert">
        <p>Unsaved forms could not be opened: {drafts.failure}</p>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          Try again
        </button>
      </div>
    )
  }
  if (!drafts.opened) return <p className="muted splash">Opening Homeward…</p>
  return <RouterProvider router={router} />
}

/**
 * Loads the other pages' code soon after the app has mounted, so that going to one later shows it
 * at once, not "Opening…". Not at the first idle moment: the page is idle while it waits for the
 * core's first answers (the board's start at 30,000 cases), and running that code then held back
 * the first row; a second on, when the browser is next idle, the page opened on has drawn.
 */
function useOtherPagesSoon() {
  useEffect(() => {
    let idle: number | undefined
    // Not fetched now, it is fetched when a page needs it, and says so if it still cannot be (PageFailed).
    const soon = setTimeout(() => (idle = requestIdleCallback(() => void loadOtherPages().catch(() => undefined))), OTHER_PAGES_AFTER_MS)
    return () => {
      clearTimeout(soon)
      if (idle !== undefined) cancelIdleCallback(idle)
    }
  }, [])
}

const OTHER_PAGES_AFTER_MS = 1000

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <a href="#/">Back to the case list</a>
      </p>
    </>
  )
}

import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react'
import { Link, NavLink, useLocation, useNavigate, useSearchParams } from 'react-router'
import { roleShown } from '../../shared/team/role-shown'
import { useApi, useSession } from '../app/contexts'
import { useUnsavedForms, type UnsavedForm } from '../forms/drafts'
import type { ConnectionState } from '../platform/api-client'
import { useUnsavedCount } from '../platform/unsaved'
import { useSyncStatus } from '../hooks/useSyncStatus'
import { describeSync } from './sync-words'
import { useMyTasksDue } from '../tasks/useMyTasksDue'

export function Layout({ children }: { children: ReactNode }) {
  useFocusOnNewPage()
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="masthead">
        <div className="masthead__inner">
          <Link to="/" className="masthead__brand">
            Homeward
          </Link>
          <nav className="masthead__nav" aria-label="Main">
            <NavLink to="/" end>
              Cases
            </NavLink>
            <MyTasksLink />
            <NavLink to="/board">Caseload board</NavLink>
            <NavLink to="/meetings">Meetings</NavLink>
            <NavLink to="/reports">Reports</NavLink>
            <NavLink to="/referrals/new">Add a referral</NavLink>
            <NavLink to="/settings">Team settings</NavLink>
          </nav>
          <SearchBox />
          <SignedInAs />
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="footer__inner">
          <SyncStatus />
          <p>Homeward holds special category data about the people you support. Lock this laptop when you step away.</p>
        </div>
      </footer>
    </div>
  )
}

/**
 * "My tasks", its count asked just after the page has asked for what it was opened to show: the
 * core answers in turn, and the count (every open case's tasks) is not what the page is for
 * (it came before the board's first row: npm run bench -- board-first-row).
 */
function MyTasksLink() {
  const [asking, setAsking] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setAsking(true))
    return () => clearTimeout(timer)
  }, [])
  return asking ? <MyTasksLinkCounted /> : <NavLink to="/tasks">My tasks</NavLink>
}

function MyTasksLinkCounted() {
  const due = useMyTasksDue()
  return <NavLink to="/tasks">{due === undefined ? 'My tasks' : `My tasks (${due})`}</NavLink>
}

/** Who is signed in, and the way to lock the app (or let someone else sign in) when stepping away. */
function SignedInAs() {
  const api = useApi()
  const { profile, inTeam, sharedLaptop } = useSession()
  return (
    <div className="masthead__person">
      <span className="masthead__name">Signed in as {profile.name}</span>
      <span className="masthead__role">{roleShown(profile.role, inTeam) ?? 'Working on your own'}</span>
      <span className="masthead__session">
        <button type="button" className="button button--secondary button--small" onClick={() => void api.call('lock', {}).catch(() => undefined)}>
          Lock
        </button>
        {sharedLaptop && (
          <button type="button" className="button button--secondary button--small" onClick={() => void api.call('signOut', {}).catch(() => undefined)}>
            Switch user
          </button>
        )}
      </span>
    </div>
  )
}

function skipToMain(event: React.MouseEvent) {
  // Hash routing owns the URL's fragment; move focus by hand.
  event.preventDefault()
  document.getElementById('main')?.focus()
}

/**
 * After moving to another page (not on first load), focus its heading, or the page itself; or the
 * part a link led to, which marks itself `data-arrival-focus` (Tool 4's Step 7 leads to the letter).
 */
function useFocusOnNewPage() {
  const location = useLocation()
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    // A page followed to its document's new id keeps the person where they were typing, and puts
    // the focus back there itself (`focus` in the navigation's state, MeetingPage's `typingIn`).
    if (typeof (location.state as { focus?: unknown } | null)?.focus === 'string') return
    // Focus moved into the new page before the frame (a field clicked as soon as it showed, on a
    // busy laptop) is where the person is: the heading must not take it, and their typing with it.
    let movedIn = false
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && document.getElementById('main')?.contains(event.target)) movedIn = true
    }
    document.addEventListener('focusin', onFocusIn)
    const frame = requestAnimationFrame(() => {
      document.removeEventListener('focusin', onFocusIn)
      // (A field focused before this effect ran is not seen by the listener; it is still the page's active element.)
      if (movedIn || document.querySelector('#main :is(input, textarea, select):focus')) return
      const target = document.querySelector<HTMLElement>('#main [data-arrival-focus]') ?? document.querySelector<HTMLElement>('#main h1') ?? document.getElementById('main')
      target?.focus()
    })
    return () => {
      document.removeEventListener('focusin', onFocusIn)
      cancelAnimationFrame(frame)
    }
  }, [location.pathname, location.search, location.state])
}

function SearchBox() {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const [text, setText] = useState(params.get('q') ?? '')
  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault()
        if (text.trim()) navigate(`/search?q=${encodeURIComponent(text.trim())}`)
      }}
    >
      <label htmlFor="search-cases" className="search-box__label">
        Search cases
      </label>
      <input
        id="search-cases"
        type="search"
        className="search-box__input"
        placeholder="Name, CHAIN no., place, note"
        value={text}
        onChange={(event) => setText(event.target.value)}
        autoComplete="off"
      />
      <button type="submit" className="search-box__button">
        Search
      </button>
    </form>
  )
}

function useConnection(): ConnectionState {
  const api = useApi()
  const [state, setState] = useState<ConnectionState>('connecting')
  useEffect(() => api.onConnection(setState), [api])
  return state
}

function ConnectionBanner() {
  const state = useConnection()
  const unsaved = useUnsavedCount()
  if (state === 'restarted') {
    return (
      <div className="banner banner--warning" role="alert">
        <strong>Homeward was restarted, so this page can no longer save.</strong>{' '}
        {unsaved > 0
          ? 'Some changes on this page are not saved: copy anything you typed before you open Homeward again from the new address it printed.'
          : 'Open Homeward again from the new address it printed.'}
      </div>
    )
  }
  if (state !== 'lost') return null
  return (
    <div className="banner banner--warning" role="alert">
      <strong>Homeward's background service is not answering.</strong> Keep this page open: changes you make are kept here and
      saved when it answers again. Trying again…
    </div>
  )
}

/** Each unsaved form, named, with a link to the page it is on (the case's header names it there too). */
function UnsavedFormLinks({ forms }: { forms: UnsavedForm[] }) {
  return (
    <>
      {' ('}
      {forms.map((form, index) => (
        <Fragment key={form.key}>
          {index > 0 && ', '}
          {/* Whose it is, so two new referrals, or two cases' forms, are told apart. */}
          <Link to={form.path}>{form.whose ? `${form.label} for ${form.whose}` : form.label}</Link>
        </Fragment>
      ))}
      )
    </>
  )
}

/** Where the work is: saved on this laptop (or still in this window), and how it stands with the team. */
function SyncStatus() {
  const state = useConnection()
  const unsaved = useUnsavedCount()
  const team = useSyncStatus()
  // A form with something typed and not saved (a draft) is not saved, whatever the documents say.
  const forms = useUnsavedForms()
  const saving = unsaved > 0
  const dot = state === 'connected' ? (saving ? 'saving' : forms.length > 0 ? 'unsaved' : 'saved') : 'lost'
  const text =
    state === 'connected'
      ? saving
        ? 'Saving…'
        : forms.length > 0
          ? `Not saved yet: ${forms.length} ${forms.length === 1 ? 'form' : 'forms'}`
          : 'All changes saved on this laptop'
      : saving
        ? 'Not saved yet: waiting for Homeward'
        : 'Not connected to Homeward'
  const teamWords = team && describeSync(team)
  return (
    <div className="sync-status" role="status" aria-live="polite">
      <p>
        <span className={`sync-status__dot sync-status__dot--${dot}`} aria-hidden="true" />
        {/* One span: the line is a flex row, which would space out each bracket and comma. */}
        <span>
          {text}
          {state === 'connected' && !saving && forms.length > 0 && <UnsavedFormLinks forms={forms} />}
        </span>
      </p>
      {teamWords && (
        <p className={`sync-status__team sync-status__team--${teamWords.tone}`}>
          <span className={`sync-status__dot sync-status__dot--team-${teamWords.tone}`} aria-hidden="true" />
          {teamWords.text}
          {team.state === 'refused' || team.state === 'not-in-team' ? (
            <>
              {' '}
              <Link to="/settings">Team settings</Link>
            </>
          ) : null}
        </p>
      )}
    </div>
  )
}

import { useEffect, useState, type ReactNode } from 'react'
import { Link, NavLink, useNavigate, useSearchParams } from 'react-router'
import { ROLE_LABELS } from '../../shared/people'
import { useApi, useProfile } from '../app/contexts'
import type { ConnectionState } from '../platform/api-client'

export function Layout({ children }: { children: ReactNode }) {
  const profile = useProfile()
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
            <NavLink to="/referrals/new">Add a referral</NavLink>
          </nav>
          <SearchBox />
          <div className="masthead__person">
            <span className="masthead__name">{profile.name}</span>
            <span className="masthead__role">{ROLE_LABELS[profile.role]}</span>
          </div>
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

function skipToMain(event: React.MouseEvent) {
  // Hash routing owns the URL's fragment; move focus by hand.
  event.preventDefault()
  document.getElementById('main')?.focus()
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
      <label htmlFor="search-cases" className="visually-hidden">
        Search cases
      </label>
      <input
        id="search-cases"
        type="search"
        className="search-box__input"
        placeholder="Name, CHAIN number or a word from a note"
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
  if (state !== 'lost') return null
  return (
    <div className="banner banner--warning" role="status">
      Homeward's background service is not answering. Anything you type in an open case is kept in this window and saved
      when it comes back; trying again…
    </div>
  )
}

/** Where the work is kept. Team sync arrives with the team server; until then, this laptop only. */
function SyncStatus() {
  const state = useConnection()
  return (
    <p className="sync-status" aria-live="polite">
      <span className={`sync-status__dot sync-status__dot--${state}`} aria-hidden="true" />
      {state === 'lost' ? 'Not saving: reconnecting…' : 'Saved on this laptop · not connected to a team'}
    </p>
  )
}

import { Link, NavLink, Outlet, useMatch, useParams } from 'react-router'
import { PHASES, PHASE_NAMES } from '../../shared/case/phases'
import { useCase } from '../hooks/useCase'
import { PageHeading } from '../components/PageHeading'
import { CaseHeader } from './CaseHeader'
import { EraseCase } from './EraseCase'
import { DuplicateBanner } from './DuplicateBanner'
import { UnreadableEntries } from './UnreadableEntries'
import { OpenCaseContext } from './CaseContext'
import { useWithheld } from './RestrictCase'
import { TypingKept, useFollowCorrection } from './CorrectedCase'
import { ReadOnlyContext } from '../forms/read-only'

/** A case: its header, the eight phases, and its logs; the part shown comes from the address. */
export function CasePage() {
  const { id = '' } = useParams()
  const state = useCase(id)
  const withheld = useWithheld(id)
  useFollowCorrection(id)
  // The documents made stay openable once closed: reading them changes nothing.
  const onDocuments = useMatch('/cases/:id/documents') !== null
  // The follow-up checks are made after closure, on the closed case (changes.ts, requireOpenFor).
  const onFollowUps = useMatch('/cases/:id/follow-ups') !== null
  // A case restricted to others, or erased, is deleted from this laptop: a window that had it open lets it go.
  if (withheld)
    return (
      <>
        <PageHeading title={withheld === 'erased' ? 'Erased case' : 'Restricted case'} />
        <p>
          {withheld === 'erased'
            ? 'This case has been erased, so it has been deleted from this laptop.'
            : 'This case is restricted to other people in the team, so it has been deleted from this laptop.'}
        </p>
        <p>
          <Link to="/">Back to the case list</Link>
        </p>
      </>
    )
  if (state.status === 'loading') return <p className="muted">Opening the case…</p>
  if (state.status === 'missing')
    return (
      <>
        <PageHeading title="Case not found" />
        <p>There is no case at this address in this workspace.</p>
        <p>
          <Link to="/">Back to the case list</Link>
        </p>
      </>
    )
  if (state.status === 'unreadable') return <p className="banner banner--warning">{state.message}</p>
  const { record } = state
  const readOnly = record.status === 'closed' && !onDocuments && !onFollowUps
  // The case's logs, beside its phases.
  const tabs = [
    ['notes', `Contact log (${record.notes.length})`],
    ['actions', `Actions (${Object.keys(record.actions).length})`],
    ['expenses', 'Expenses'],
    ['markers', 'Warning markers'],
    ['documents', `Documents (${Object.keys(record.attachments).length})`],
    ['history', 'History'],
    ['follow-ups', `After closure (${Object.keys(record.followUps).length})`],
  ]
  return (
    <OpenCaseContext.Provider value={{ id, record, doc: state.doc, saved: state.saved, change: state.change }}>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">Cases</Link>
          </li>
          <li aria-current="page">{record.referral.clientName}</li>
        </ol>
      </nav>
      <CaseHeader />
      <DuplicateBanner />
      <UnreadableEntries />
      <div className="case-layout">
        <nav className="phase-nav" aria-label="Phases of the case">
          <ol>
            {PHASES.map((phase, index) => {
              const here = phase === record.phase
              const closed = record.status === 'closed'
              const past = index < PHASES.indexOf(record.phase)
              return (
                <li key={phase} className={`phase-nav__item${here ? ' phase-nav__item--current' : ''}${past ? ' phase-nav__item--done' : ''}`}>
                  <NavLink to={`/cases/${id}/phase/${phase}`}>
                    <span className="phase-nav__number" aria-hidden="true">
                      {past ? '✓' : index + 1}
                    </span>
                    <span>
                      <span className="visually-hidden">Phase {index + 1}: </span>
                      {PHASE_NAMES[phase]}
                      {(here || past) && <span className="visually-hidden">{here ? (closed ? '' : ' (current phase)') : ' (done)'}</span>}
                      {/* A closed case has no current phase: it shows where it closed. */}
                      {here && closed && <span className="phase-nav__closed">Closed here</span>}
                    </span>
                  </NavLink>
                </li>
              )
            })}
          </ol>
          <ul className="case-tabs">
            {tabs.map(([path, label]) => (
              <li key={path}>
                <NavLink to={`/cases/${id}/${path}`}>{label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="case-main">
          {/* A closed case is read-only until reopened: its forms offer no Change, Add or Remove
              (ReadOnlyContext), and cannot be changed (the change functions refuse too); a form with
              something typed in it stays, disabled, so the words are not hidden. The header's closed
              box, before this in reading order, says so; the group's name says it again where a screen
              reader meets the case's parts. Keyed by case, so moving between cases starts each one's
              forms afresh. */}
          <fieldset className="read-only-case" disabled={readOnly} {...(readOnly ? { 'aria-label': 'Read only: the case is closed' } : {})}>
            <ReadOnlyContext.Provider value={readOnly}>
              <Outlet key={id} />
            </ReadOnlyContext.Provider>
          </fieldset>
          {/* After the forms, so that the field the person was typing in is drawn again before it is focused. */}
          <TypingKept key={id} />
        </div>
      </div>
      {/* Erasing cannot be undone: it is offered at the foot of the case, for a manager, never as the first control under the name. */}
      <div className="case-foot">
        <EraseCase />
      </div>
    </OpenCaseContext.Provider>
  )
}

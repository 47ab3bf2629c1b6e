import { useCallback, useEffect, useRef, useState } from 'react'
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router'
import type { BoardRow } from '../../shared/board/board'
import { closedAs, closedLabel, type ClosedAs } from '../../shared/case/closed-label'
import type { Phase } from '../../shared/case/phases'
import { formatLongDate, formatUkDate, typedUkDate } from '../../shared/dates'
import {
  addAgendaItem,
  AGENDA_REASONS,
  agendaInOrder,
  markDiscussed,
  moveAgendaItem,
  recordDiscussion,
  setAttendance,
  type AgendaItem,
  type MeetingDoc,
  type MeetingRecord,
} from '../../shared/meeting/meeting-doc'
import { meetingAsShown, type Withheld } from '../../shared/meeting/withheld-cases'
import { finishedMessage, finishing, finishQuestion } from '../../shared/meeting/finishing'
import { useApi } from '../app/contexts'
import { Confirm } from '../components/Confirm'
import { ErrorSummary, Form, Problem, SelectField, SubmitButton, TextArea, TextField } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { PhaseTag } from '../components/PhaseTag'
import { issuesOf } from '../forms/issues'
import { useSubmit } from '../forms/useSubmit'
import { useApiQuery } from '../hooks/useApiQuery'
import { useFollowRebuilt } from '../hooks/useFollowRebuilt'
import { typingIn, useTypingKept } from '../hooks/useTypingKept'
import { useCase } from '../hooks/useCase'
import { saveToDownloads } from '../platform/files'
import { useMeeting } from './useMeeting'

type Item = AgendaItem & { id: string; withheld?: Withheld }
/** A case on the agenda that has closed: the phase it was in, and how it ended. */
type Closed = { phase: Phase; how: ClosedAs }

/** A meeting in progress, on a shared screen or followed from a laptop. */
export function MeetingPage() {
  const { id = '' } = useParams()
  useFollowRebuiltMeeting(id)
  const state = useMeeting(id)
  if (state.status === 'loading') return <p className="muted">Opening the meeting…</p>
  if (state.status === 'missing') return <p className="banner banner--warning">This meeting is not on this laptop (yet). It arrives when the team syncs.</p>
  return <WithheldShown id={id} meeting={state.meeting} change={state.change} />
}

/**
 * A page open on a meeting the server rebuilt without an erased case's words (here or on another
 * laptop's erasure) follows it to its new id, with what was typed into it as it happened: the old
 * document is deleted from this laptop. Where an old id leads is the team's one record of it, a
 * correction's (`caseCorrection`).
 */
function useFollowRebuiltMeeting(id: string): void {
  const navigate = useNavigate()
  const { search } = useLocation()
  useFollowRebuilt(
    id,
    useCallback(
      // Where the person is stays as it was: the same item (the rebuilt meeting keeps its items' ids), and the field they were typing in.
      (replacedBy: string) => void navigate(`/meetings/${replacedBy}${search}`, { replace: true, state: typingIn() }),
      [navigate, search],
    ),
  )
}

/**
 * The meeting as this laptop may show it: an item about a case erased, or restricted to others,
 * only as "Erased case" or "Restricted case" (withheld-cases.ts). A case that came onto the agenda
 * since the core was last asked is shown as restricted until it answers.
 */
function WithheldShown({ id, meeting, change }: { id: string; meeting: MeetingRecord; change: (edit: (doc: MeetingDoc) => void) => void }) {
  const caseIds = [...new Set(Object.values(meeting.agenda).flatMap((item) => (item.caseId ? [item.caseId] : [])))].sort()
  const answer = useWithheldCases(id, caseIds)
  if (answer.status === 'failed') return <p className="banner banner--warning">{answer.message}</p>
  if (answer.status === 'loading') return <p className="muted">Opening the meeting…</p>
  const withheld: Record<string, Withheld> = Object.fromEntries(caseIds.filter((caseId) => !answer.asked.includes(caseId)).map((caseId) => [caseId, 'restricted']))
  Object.assign(withheld, answer.withheld)
  return <Meeting id={id} meeting={meetingAsShown(meeting, withheld)} withheld={withheld} change={change} />
}

type WithheldAnswer = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; asked: string[]; withheld: Record<string, Withheld> }

/** Asked again when the team document changes (a restriction, an erasure) and when the agenda's cases do. */
function useWithheldCases(meetingId: string, caseIds: string[]): WithheldAnswer {
  const api = useApi()
  const key = caseIds.join(',')
  const [answer, setAnswer] = useState<WithheldAnswer>({ status: 'loading' })
  useEffect(() => {
    let current = true
    const asked = key === '' ? [] : key.split(',')
    const load = () =>
      api.call('meetingWithheldCases', { meetingId }).then(
        (withheld) => current && setAnswer({ status: 'ready', asked, withheld }),
        (error: Error) => current && setAnswer({ status: 'failed', message: error.message }),
      )
    void load()
    const off = api.onEvent((event) => {
      if (event.type === 'team-changed') void load()
    })
    return () => {
      current = false
      off()
    }
  }, [api, meetingId, key])
  return answer
}

function Meeting({ id, meeting, withheld, change }: { id: string; meeting: MeetingRecord; withheld: Record<string, Withheld>; change: (edit: (doc: MeetingDoc) => void) => void }) {
  useTypingKept()
  const api = useApi()
  const board = useApiQuery('getBoard', {})
  const members = useApiQuery('listMembers', {}, 'team-changed')
  const [params, setParams] = useSearchParams()
  const agenda: Item[] = agendaInOrder(meeting).map((item) => (item.caseId && withheld[item.caseId] ? { ...item, withheld: withheld[item.caseId] } : item))
  const current = agenda.find((item) => item.id === params.get('item')) ?? agenda[0]
  const [problem, setProblem] = useState<string | undefined>()
  // Open cases only: a closed one on the board for its follow-up check is shown as closed, as one off it is.
  const rows = board.status === 'ready' ? new Map(board.data.rows.filter((row) => !row.closedAs).map((row) => [row.id, row])) : new Map<string, BoardRow>()

  const done = finishing(meeting)
  const question = finishQuestion(done)
  const [confirming, setConfirming] = useState(false)
  const [finishedHere, setFinishedHere] = useState(false)
  const finishedBanner = useRef<HTMLParagraphElement>(null)
  const finishButton = useRef<HTMLButtonElement>(null)
  // The message is at the top of a long page, far from the button: it takes focus, so it is seen and read.
  useEffect(() => {
    if (finishedHere && meeting.finishedAt) finishedBanner.current?.focus()
  }, [finishedHere, meeting.finishedAt])

  const finish = async () => {
    setConfirming(false)
    setProblem(undefined)
    try {
      await api.call('finishMeeting', { meetingId: id })
      setFinishedHere(true)
    } catch (error) {
      setProblem(issuesOf(error)[0]?.message)
    }
  }
  const stayInMeeting = () => {
    setConfirming(false)
    requestAnimationFrame(() => finishButton.current?.focus())
  }
  const minutes = async () => {
    try {
      saveToDownloads(await api.call('meetingMinutes', { meetingId: id }), 'application/pdf')
    } catch (error) {
      setProblem(issuesOf(error)[0]?.message)
    }
  }

  return (
    <div className="meeting">
      <PageHeading title={`Case review meeting, ${formatLongDate(meeting.meetingOn)}`} />
      {meeting.finishedAt ? (
        <p className="banner" role="status" tabIndex={-1} ref={finishedBanner}>
          {finishedMessage(done)}
        </p>
      ) : null}
      <details className="disclosure">
        <summary>Attendees ({Object.keys(meeting.attendees).length})</summary>
        {members.status === 'ready' && (
          <ul className="checkboxes">
            {members.data.map((member) => (
              <li key={member.id}>
                <input
                  type="checkbox"
                  id={`attendee-${member.id}`}
                  checked={member.id in meeting.attendees}
                  disabled={Boolean(meeting.finishedAt)}
                  onChange={(event) => change((doc) => setAttendance(doc, { id: member.id, name: member.name }, event.target.checked))}
                />
                <label htmlFor={`attendee-${member.id}`}>{member.name}</label>
              </li>
            ))}
          </ul>
        )}
      </details>
      <div className="meeting__layout">
        <nav className="meeting__agenda" aria-label="Agenda">
          <h2>Agenda</h2>
          <ol>
            {agenda.map((item, index) => (
              <li key={item.id} className={item.id === current?.id ? 'agenda-item agenda-item--current' : 'agenda-item'}>
                <button type="button" className="link-button" aria-current={item.id === current?.id ? 'true' : undefined} onClick={() => setParams({ item: item.id }, { replace: true })}>
                  {item.title}
                </button>
                <span className="agenda-item__reason">
                  {AGENDA_REASONS[item.reason]}
                  {item.caseId && !item.withheld && board.status === 'ready' && !rows.has(item.caseId) && <ClosedSinceAgenda caseId={item.caseId} />}
                  {item.discussed ? ' · discussed' : ''}
                </span>
                {!meeting.finishedAt && (
                  <span className="agenda-item__move">
                    <button type="button" className="link-button" aria-label={`Move ${item.title} up`} disabled={index === 0} onClick={() => change((doc) => moveAgendaItem(doc, item.id, 'up'))}>
                      Up
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Move ${item.title} down`}
                      disabled={index === agenda.length - 1}
                      onClick={() => change((doc) => moveAgendaItem(doc, item.id, 'down'))}
                    >
                      Down
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ol>
          {!meeting.finishedAt && <AddToAgenda change={change} />}
        </nav>
        <div className="meeting__item">
          {current?.withheld ? (
            <WithheldItemView key={current.id} item={current} withheld={current.withheld} finished={Boolean(meeting.finishedAt)} change={change} />
          ) : current?.caseId && board.status === 'ready' && !rows.has(current.caseId) ? (
            <ItemOffTheBoard key={current.id} caseId={current.caseId} meetingId={id} item={current} finished={Boolean(meeting.finishedAt)} change={change} />
          ) : current ? (
            <ItemView key={current.id} meetingId={id} item={current} row={current.caseId ? rows.get(current.caseId) : undefined} finished={Boolean(meeting.finishedAt)} change={change} />
          ) : (
            <p className="muted">The agenda is empty: add a case or an item.</p>
          )}
        </div>
      </div>
      <Problem text={problem} />
      <div className="actions">
        {!meeting.finishedAt &&
          (confirming && question ? (
            <Confirm
              question="Finish the meeting?"
              explanation={question}
              yes="Finish the meeting"
              onYes={() => void finish()}
              no="Go back to the meeting"
              onNo={stayInMeeting}
              yesClassName="button"
              noClassName="button button--secondary"
            />
          ) : (
            <button type="button" className="button" ref={finishButton} onClick={() => (question ? setConfirming(true) : void finish())}>
              Finish the meeting
            </button>
          ))}
        <button type="button" className={meeting.finishedAt ? 'button' : 'button button--secondary'} onClick={() => void minutes()}>
          {meeting.finishedAt ? 'Download the minutes (PDF)' : 'Download draft minutes (PDF)'}
        </button>
      </div>
    </div>
  )
}

/**
 * A case on the agenda that is not among the board's open cases was closed after the agenda was made,
 * or is closed and owes a follow-up check (or has not reached this laptop): read from its document,
 * it is named as closed, never by the phase it was closed in.
 */
function useClosed(caseId: string): Closed | null {
  const state = useCase(caseId)
  const how = state.status === 'ready' ? closedAs(state.record) : null
  return state.status === 'ready' && how ? { phase: state.record.phase, how } : null
}

/** " · Closed — not appropriate" beside an agenda item whose case closed since the agenda was made. */
function ClosedSinceAgenda({ caseId }: { caseId: string }) {
  const closed = useClosed(caseId)
  return closed ? ` · ${closedLabel(closed.how)}` : null
}

function ItemOffTheBoard(props: { caseId: string; meetingId: string; item: Item; finished: boolean; change: (edit: (doc: MeetingDoc) => void) => void }) {
  return <ItemView {...props} row={undefined} closed={useClosed(props.caseId)} />
}

/** One agenda item: the case at a glance (large, for a shared screen), the discussion, decisions and actions. */
function ItemView(props: {
  meetingId: string
  item: Item
  row: BoardRow | undefined
  closed?: Closed | null
  finished: boolean
  change: (edit: (doc: MeetingDoc) => void) => void
}) {
  const { item, row, finished, change } = props
  return (
    <section aria-labelledby="item-heading" className="meeting-item">
      <h2 id="item-heading" className="meeting-item__title">
        {item.title}
      </h2>
      <p className="meeting-item__reason">
        {AGENDA_REASONS[item.reason]}
        {item.detail ? `: ${item.detail}` : ''}
      </p>
      {row && <CaseAtAGlance row={row} />}
      {props.closed && item.caseId && (
        <dl className="glance">
          <div>
            <dt>Case</dt>
            <dd>
              <PhaseTag phase={props.closed.phase} closedAs={props.closed.how} /> <Link to={`/cases/${item.caseId}`}>Open the case</Link>
            </dd>
          </div>
        </dl>
      )}
      {item.caseId && <RestrictedDetails caseId={item.caseId} />}
      <TextArea
        name={`discussion-${item.id}`}
        label="Discussion"
        rows={4}
        value={item.discussion ?? ''}
        onChange={(text) => !finished && change((doc) => recordDiscussion(doc, item.id, 'discussion', text))}
      />
      <TextArea
        name={`decisions-${item.id}`}
        label="Decisions"
        rows={3}
        value={item.decisions ?? ''}
        onChange={(text) => !finished && change((doc) => recordDiscussion(doc, item.id, 'decisions', text))}
      />
      <h3>Actions</h3>
      {Object.keys(item.actions).length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul>
          {Object.entries(item.actions).map(([id, action]) => (
            <li key={id}>
              {action.description}: {action.owner.name}, by {formatUkDate(action.due)}
            </li>
          ))}
        </ul>
      )}
      {item.caseId && !finished && (props.closed ? <p className="muted">The case is closed: reopen it to add actions to it.</p> : <ActionForm meetingId={props.meetingId} itemId={item.id} />)}
      {!finished && <DiscussedBox item={item} change={change} />}
    </section>
  )
}

/**
 * An item about a case this laptop may not show: its place and reason, and whether it was
 * discussed. Nothing can be typed into it here: what others wrote is not on this screen to add to.
 */
function WithheldItemView(props: { item: Item; withheld: Withheld; finished: boolean; change: (edit: (doc: MeetingDoc) => void) => void }) {
  const { item, finished, change } = props
  return (
    <section aria-labelledby="item-heading" className="meeting-item">
      <h2 id="item-heading" className="meeting-item__title">
        {item.title}
      </h2>
      <p className="meeting-item__reason">{AGENDA_REASONS[item.reason]}</p>
      <p className="muted">
        {props.withheld === 'erased'
          ? 'This case has been erased: what the meeting said about it is no longer kept.'
          : 'This case is restricted to named people: its name and what the meeting said about it are not shown on this laptop.'}
      </p>
      {!finished && <DiscussedBox item={item} change={change} />}
    </section>
  )
}

/** The item's "Discussed" box, while the meeting is on. */
function DiscussedBox({ item, change }: { item: Item; change: (edit: (doc: MeetingDoc) => void) => void }) {
  return (
    <div className="checkbox">
      <input type="checkbox" id={`discussed-${item.id}`} checked={Boolean(item.discussed)} onChange={(event) => change((doc) => markDiscussed(doc, item.id, event.target.checked))} />
      <label htmlFor={`discussed-${item.id}`}>Discussed</label>
    </div>
  )
}

function CaseAtAGlance({ row }: { row: BoardRow }) {
  return (
    <dl className="glance">
      <div>
        <dt>Phase</dt>
        <dd>
          <PhaseTag phase={row.phase} /> for {row.daysInPhase} {row.daysInPhase === 1 ? 'day' : 'days'}
        </dd>
      </div>
      <div>
        <dt>Lead caseworker</dt>
        <dd>{row.leadCaseworker?.name ?? 'Not allocated'}</dd>
      </div>
      <div>
        <dt>Last contact</dt>
        <dd>{row.lastContact ? formatUkDate(row.lastContact) : 'None logged'}</dd>
      </div>
      <div>
        <dt>Next action</dt>
        <dd>{row.nextAction ? `${row.nextAction.description} (${row.nextAction.owner}, by ${formatUkDate(row.nextAction.due)})` : 'None'}</dd>
      </div>
      <div>
        <dt>Flags</dt>
        <dd>{row.flags.map((flag) => flag.message).join('; ') || 'None'}</dd>
      </div>
      <div>
        <dt>Case</dt>
        <dd>
          <Link to={`/cases/${row.id}`}>Open the case</Link>
        </dd>
      </div>
    </dl>
  )
}

/** Personal details stay off a shared screen until someone chooses to show them. */
function RestrictedDetails({ caseId }: { caseId: string }) {
  const [shown, setShown] = useState(false)
  return (
    <div className="restricted">
      <button type="button" className="button button--secondary" aria-expanded={shown} onClick={() => setShown(!shown)}>
        {shown ? 'Hide personal details' : 'Show personal details'}
      </button>
      {shown && <PersonalDetails caseId={caseId} />}
    </div>
  )
}

function PersonalDetails({ caseId }: { caseId: string }) {
  const state = useCase(caseId)
  if (state.status !== 'ready') return <p className="muted">Opening the case…</p>
  const { referral } = state.record
  return (
    <dl className="glance">
      <div>
        <dt>Date of birth</dt>
        <dd>{formatUkDate(referral.dateOfBirth)}</dd>
      </div>
      <div>
        <dt>CHAIN number</dt>
        <dd>{referral.chainNumber || 'None'}</dd>
      </div>
      <div>
        <dt>Support needs</dt>
        <dd>{referral.supportNeeds ?? 'Not recorded'}</dd>
      </div>
      <div>
        <dt>Latest note</dt>
        <dd>{state.record.notes.at(-1)?.text ?? 'None'}</dd>
      </div>
    </dl>
  )
}

function ActionForm({ meetingId, itemId }: { meetingId: string; itemId: string }) {
  const api = useApi()
  const members = useApiQuery('listMembers', {}, 'team-changed')
  const [description, setDescription] = useState('')
  const [ownerId, setOwnerId] = useState('')
  const [due, setDue] = useState('')
  const { busy, issues, run, refuse } = useSubmit()
  const submit = () => {
    if (!ownerId) return refuse([{ field: 'ownerId', message: 'Choose who will do it' }])
    void run(async () => {
      await api.call('addMeetingAction', { meetingId, itemId, description, ownerId, due: typedUkDate(due) })
      setDescription('')
      setDue('')
    })
  }
  const error = (field: string) => issues.find((issue) => issue.field === field)?.message
  return (
    <Form className="subform" onSubmit={submit}>
      <ErrorSummary issues={issues} />
      <TextField name="action-description" label="New action" value={description} onChange={setDescription} error={error('description')} />
      <SelectField
        name="action-owner"
        label="Owner"
        value={ownerId}
        onChange={setOwnerId}
        options={[{ value: '', label: 'Choose…' }, ...(members.status === 'ready' ? members.data.map((m) => ({ value: m.id, label: m.name })) : [])]}
        error={error('ownerId')}
      />
      <TextField name="action-due" label="Due by" hint="DD/MM/YYYY" width="short" value={due} onChange={setDue} error={error('due')} />
      <SubmitButton label="Add the action to the case" busy={busy} className="button button--secondary" />
    </Form>
  )
}

/** Offers the open cases, never a restricted one (agenda-cases.ts); a new case or a restriction is a change to the team document. */
function AddToAgenda({ change }: { change: (edit: (doc: MeetingDoc) => void) => void }) {
  const cases = useApiQuery('meetingAgendaCases', {}, 'team-changed')
  const rows = cases.status === 'ready' ? cases.data : []
  const [caseId, setCaseId] = useState('')
  const [title, setTitle] = useState('')
  const add = () => {
    const row = rows.find((r) => r.id === caseId)
    if (!row && !title.trim()) return
    change((doc) =>
      addAgendaItem(doc, crypto.randomUUID(), row ? { reason: 'added', title: row.title, caseId: row.id } : { reason: 'added', title: title.trim() }),
    )
    setCaseId('')
    setTitle('')
  }
  return (
    <details className="disclosure">
      <summary>Add to the agenda</summary>
      <SelectField
        name="agenda-case"
        label="A case"
        value={caseId}
        onChange={setCaseId}
        options={[{ value: '', label: 'Choose…' }, ...rows.map((r) => ({ value: r.id, label: r.title }))]}
      />
      <TextField name="agenda-title" label="Or another item" value={title} onChange={setTitle} />
      <button type="button" className="button button--secondary" onClick={add}>
        Add
      </button>
    </details>
  )
}

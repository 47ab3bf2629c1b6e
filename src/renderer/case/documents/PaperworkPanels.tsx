import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useSearchParams } from 'react-router'
import { attachmentsInOrder, GENERATED_KINDS, type GeneratedDocument, type GeneratedKind } from '../../../shared/case/attachments'
import { planClosureLetter } from '../../../shared/case/closure-letter'
import { closureLetterEmail } from '../../../shared/case/closure-letter-email'
import * as change from '../../../shared/case/changes'
import { packEmailedBeforeMade } from '../../../shared/case/dates/pack-emailed-after-made'
import { packEmailedAfterTheDay } from '../../../shared/case/dates/pack-emailed-before-the-day'
import { packHandedOverAnotherDay } from '../../../shared/case/dates/pack-handed-over-on-the-day'
import { packHandedOverOffered } from '../../../shared/case/dates/pack-handed-over-offered'
import { noContactForCouncil } from '../../../shared/case/contact-for-council'
import { LEFT_OUT_THIS_TIME, planPack } from '../../../shared/case/presentation-pack'
import { PACK_DELIVERY_FIELDS } from '../../../shared/case/reconnection'
import type { CaseRecord } from '../../../shared/case/record'
import type { Field } from '../../../shared/forms/fields'
import { typedDateProblem } from '../../../shared/forms/typed-date'
import type { PaperworkSettings } from '../../../shared/team/settings'
import { formatDayAndDate, formatUkDate, formatUkDateTime, parseUkDate, typedUkDate } from '../../../shared/dates'
import { councilName, localAuthorityName } from '../../../shared/places/local-authority'
import { useApi } from '../../app/contexts'
import { DataTable } from '../../components/DataTable'
import { TextField } from '../../components/form'
import { Panel } from '../../components/Panel'
import { Progress } from '../../components/Progress'
import { today, useCaseChange, useOpenCase } from '../CaseContext'
import { issuesOf } from '../../forms/issues'

/** The buttons that make the pack and the letter, by id: focus goes back to them when the new document's preview closes. */
export const MAKE_PACK_BUTTON = 'make-presentation-pack'
export const MAKE_CLOSURE_LETTER_BUTTON = 'make-closure-letter'

/** Makes a document in the core, with the progress it reports; then hands over the new document's id. */
function useGenerate(onMade: (documentId: string) => void) {
  const { id: caseId } = useOpenCase()
  const api = useApi()
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>()
  const [problem, setProblem] = useState<string | undefined>()
  const [taskId, setTaskId] = useState<string | undefined>()

  useEffect(() => {
    if (!taskId) return
    return api.onEvent((event) => {
      if (event.type === 'progress' && event.taskId === taskId) setProgress({ done: event.done, total: event.total })
    })
  }, [api, taskId])

  const generate = (kind: GeneratedKind, without: string[] = []) => {
    const task = crypto.randomUUID()
    setTaskId(task)
    setProblem(undefined)
    setProgress({ done: 0, total: 1 })
    api.call('generateDocument', { caseId, kind, without, taskId: task }).then(
      ({ id }) => {
        setProgress(undefined)
        onMade(id)
      },
      (error: unknown) => {
        setProgress(undefined)
        setProblem(issuesOf(error)[0]?.message)
      },
    )
  }
  return { generate, progress, problem }
}

function Problems({ title, problems }: { title: string; problems: string[] }) {
  if (problems.length === 0) return null
  return (
    <div className="banner banner--warning">
      <strong>{title}</strong>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  )
}

/**
 * The presentation pack (Toolkit, Phase 5): what will go in it, shown before it is made (the
 * caseworker can leave documents out this time), then made, with progress.
 */
export function PackPanel(props: { settings: PaperworkSettings | undefined; onMade: (documentId: string) => void }) {
  const { record } = useOpenCase()
  // Arriving from a phase's "Make the presentation pack", focus starts here, where the pack is made.
  const [params] = useSearchParams()
  const arrived = params.toString() === MAKE_PACK
  const [without, setWithout] = useState<string[]>([])
  const { generate, progress, problem } = useGenerate(props.onMade)
  const plan = props.settings ? planPack(record, props.settings, new Set(without), today()) : undefined
  // The documents that can go in (the client agreed): the caseworker may leave some out this time.
  const candidates = attachmentsInOrder(record.attachments).filter(
    (attachment) => plan && !plan.leftOut.some((out) => out.id === attachment.id && out.why !== LEFT_OUT_THIS_TIME),
  )
  const notAgreed = plan ? plan.leftOut.filter((out) => out.why !== LEFT_OUT_THIS_TIME) : []
  const pages = plan ? plan.enclosures.reduce((sum, enclosure) => sum + enclosure.pages, 0) : 0
  // Asked once the caseworker chooses to make a pack with warnings; gone when nothing is left to warn of.
  const [checking, setChecking] = useState(false)
  const warnings = checking && plan ? plan.warnings : []
  const makeButton = useRef<HTMLButtonElement>(null)
  const checkHeading = useRef<HTMLHeadingElement>(null)
  const askingToCheck = warnings.length > 0
  useEffect(() => {
    if (askingToCheck) checkHeading.current?.focus()
  }, [askingToCheck])
  const make = () => {
    setChecking(false)
    generate('presentation-pack', without.filter((id) => candidates.some((attachment) => attachment.id === id)))
  }
  // The button is drawn again once the check is gone: focus goes to it after that render.
  const [wentBack, setWentBack] = useState(false)
  useEffect(() => {
    if (!wentBack) return
    makeButton.current?.focus()
    setWentBack(false)
  }, [wentBack])
  const goBack = () => {
    setChecking(false)
    setWentBack(true)
  }

  return (
    <Panel id="pack-heading" title="Presentation pack">
      <p className="field__hint" tabIndex={-1} {...(arrived ? { 'data-arrival-focus': true } : {})}>
        Email it to the Housing Options Officer the day before the presentation, and take a printed copy on the day.
      </p>
      {!plan ? (
        <p className="muted">Loading the team's settings…</p>
      ) : (
        <>
          <Problems title="Before the pack can be made:" problems={plan.problems} />
          <h4>What will go in it</h4>
          <ol className="pack-contents">
            <li>
              Covering letter
              {plan.recipient && (
                <span className="muted">
                  {' '}
                  to {[plan.recipient.contactName, plan.recipient.teamName, plan.recipient.address[0]].filter(Boolean).join(', ')}
                  {plan.recipient.email ? ` (${plan.recipient.email})` : ''}, stating the Part VII application to{' '}
                  {councilName(plan.recipient.localAuthority)}
                </span>
              )}
            </li>
            <li>
              Client summary{' '}
              <span className="muted">
                {plan.includesHealth ? '(with health and support needs: the client agreed)' : '(without health and support needs: the client has not agreed)'}
              </span>
              {/* The summary's "How to contact them", as the pack prints it (only while consent to share with the council is in force). */}
              {plan.clientContact && (
                <div className="small">
                  How to contact them:
                  {plan.clientContact.length === 0 ? (
                    <> {noContactForCouncil(record.referral.clientName)}</>
                  ) : (
                    <ul aria-label="How the council can contact the client">
                      {plan.clientContact.map(({ label, value }) => (
                        <li key={label}>
                          {label}: {value}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </li>
            {/* With nothing enclosed the letter says so and the pack has no index (src/main/pdf/pack.ts). */}
            {plan.enclosures.length > 0 ? (
              <>
                <li>Index of enclosures</li>
                <li>
                  Enclosures: {plan.enclosures.length} {plan.enclosures.length === 1 ? 'document' : 'documents'}, {pages} {pages === 1 ? 'page' : 'pages'}
                </li>
              </>
            ) : (
              <li>No other documents enclosed</li>
            )}
          </ol>
          {candidates.length > 0 && (
            <fieldset className="group">
              <legend className="group__legend">Documents the client agreed to share</legend>
              {candidates.map((attachment) => (
                <div className="checkbox" key={attachment.id}>
                  <input
                    type="checkbox"
                    id={`include-${attachment.id}`}
                    checked={!without.includes(attachment.id)}
                    onChange={(event) =>
                      setWithout((left) => (event.target.checked ? left.filter((other) => other !== attachment.id) : [...left, attachment.id]))
                    }
                  />
                  <label htmlFor={`include-${attachment.id}`}>
                    {attachment.fileName}{' '}
                    <span className="muted">
                      ({attachment.pages} {attachment.pages === 1 ? 'page' : 'pages'})
                    </span>
                  </label>
                </div>
              ))}
            </fieldset>
          )}
          {notAgreed.length > 0 && (
            <div className="muted small">
              Not in the pack:
              <ul>
                {notAgreed.map((out) => (
                  <li key={out.id}>
                    {out.fileName}: {out.why}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {problem && (
            <div className="banner banner--warning" role="alert">
              <strong>The pack was not made.</strong> {problem}
              {/: /.test(problem) && <> Untick that document above to make the pack without it.</>}
            </div>
          )}
          {progress ? (
            <Progress label="Making the presentation pack…" progress={progress} />
          ) : askingToCheck ? (
            <div className="banner banner--warning" role="group" aria-labelledby="pack-check-heading">
              <h4 id="pack-check-heading" tabIndex={-1} ref={checkHeading}>
                Before you make the pack, check:
              </h4>
              <ul>
                {warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
              <p>You can make it now and send Housing Options what is missing later.</p>
              <div className="actions">
                <button type="button" className="button" onClick={make}>
                  Make it anyway
                </button>
                <button type="button" className="button button--secondary" onClick={goBack}>
                  Go back
                </button>
              </div>
            </div>
          ) : (
            <div className="actions">
              <button
                type="button"
                className="button"
                id={MAKE_PACK_BUTTON}
                ref={makeButton}
                disabled={plan.problems.length > 0}
                onClick={() => (plan.warnings.length > 0 ? setChecking(true) : make())}
              >
                Make the presentation pack
              </button>
            </div>
          )}
          <PackDelivery />
        </>
      )}
    </Panel>
  )
}

const DELIVERY_STEPS = [
  { field: 'packEmailedOn', button: 'Mark as emailed', done: 'Emailed to Housing Options on' },
  { field: 'packHandedOverOn', button: 'Mark as handed over', done: 'Handed over in hard copy on' },
] as const satisfies readonly { field: (typeof PACK_DELIVERY_FIELDS)[number]['name']; button: string; done: string }[]

/**
 * Phase 5's two steps with a made pack: emailed the day before the presentation, handed over on
 * the day. Each is recorded on the case (Reconnection day), with the date it happened.
 */
function PackDelivery() {
  const { record } = useOpenCase()
  if (!Object.values(record.generatedDocuments).some((document) => document.kind === 'presentation-pack')) return null
  return (
    <section aria-labelledby="pack-delivery-heading">
      <h4 id="pack-delivery-heading">Emailed and handed over</h4>
      {DELIVERY_STEPS.map((step) => (
        <DeliveryStep key={step.field} {...step} />
      ))}
    </section>
  )
}

function DeliveryStep(props: (typeof DELIVERY_STEPS)[number]) {
  const { record } = useOpenCase()
  const changeCase = useCaseChange()
  const field: Field = PACK_DELIVERY_FIELDS.find((candidate) => candidate.name === props.field)!
  // Emailed: today (marked as it is sent). Handed over: the day of the presentation, once it has come.
  const [typed, setTyped] = useState(() => {
    const offered = props.field === 'packEmailedOn' ? today() : packHandedOverOffered(record.reconnectionDay, today())
    return offered ? formatUkDate(offered) : ''
  })
  const [error, setError] = useState<string | undefined>()
  const recorded = record.reconnectionDay[props.field]
  if (recorded) {
    return (
      <p>
        {props.done} {formatUkDate(recorded)}.
      </p>
    )
  }
  const mark = () => {
    // Worded as the forms word a date: the same message for the same slip everywhere.
    const problem = typedDateProblem(typed, `${field.label} must be a date, for example 27/03/2026`)
    if (problem) return setError(problem)
    const on = typedUkDate(typed)
    try {
      changeCase((doc, context) => change.updateSection(doc, 'reconnectionDay', { [props.field]: on }, context))
      setError(undefined)
    } catch (refused) {
      setError(issuesOf(refused)[0]?.message)
    }
  }
  // The hand-over's day named where it is set: before it, nothing is offered, and this says when.
  const day = props.field === 'packHandedOverOn' ? record.reconnectionDay.date : undefined
  const hint = day ? `On the day: ${formatDayAndDate(day)}. DD/MM/YYYY` : field.hint
  // A date typed (or offered) away from the day the pack was meant to go is warned of as it is typed.
  const typedOn = parseUkDate(typed)
  const warnings = (
    props.field === 'packEmailedOn'
      ? [packEmailedBeforeMade(record.generatedDocuments, typedOn), packEmailedAfterTheDay(record.reconnectionDay, typedOn)]
      : [packHandedOverAnotherDay({ ...record.reconnectionDay, packHandedOverOn: typedOn })]
  ).filter((warning) => warning !== undefined)
  return (
    <>
      <div className="date-step">
        <TextField name={props.field} label={field.label} {...(hint ? { hint } : {})} value={typed} onChange={setTyped} width="short" inputMode="numeric" {...(error ? { error } : {})} />
        <button type="button" className="button button--secondary" onClick={mark}>
          {props.button}
        </button>
      </div>
      {warnings.map((warning) => (
        <p key={warning} className="notice" role="status">
          {warning}
        </p>
      ))}
    </>
  )
}

/** Link target for "Make the presentation pack" from Phases 4 and 5: the documents tab, at the pack's panel. */
export const MAKE_PACK = 'make=presentation-pack'

/** Link target for "Make the closure letter" from Tool 4, Step 7: the documents tab, at this panel. */
export const MAKE_CLOSURE_LETTER = 'make=closure-letter'

const services = (count: number) => `${count} ${count === 1 ? 'service' : 'services'}`

/** The closure letter (Tool 4, Step 7), made at case closure. */
export function ClosureLetterPanel(props: { settings: PaperworkSettings | undefined; onMade: (documentId: string) => void }) {
  const { record } = useOpenCase()
  const { generate, progress, problem } = useGenerate(props.onMade)
  const plan = props.settings ? planClosureLetter(record, props.settings) : undefined
  // Arriving from Step 7's link, focus starts here, where the letter is made (the page's focus on arrival).
  const [params] = useSearchParams()
  const arrived = params.toString() === MAKE_CLOSURE_LETTER
  const area = plan?.area ? ` in ${localAuthorityName(plan.area)}` : ''
  return (
    <Panel id="closure-letter-heading" title="Closure letter">
      <p className="field__hint" tabIndex={-1} {...(arrived ? { 'data-arrival-focus': true } : {})}>
        Tool 4, Step 7: tells the client their case is closing and why, who supports them locally, what to do in a problem or a crisis, and how to get back in
        touch. Making it records on Step 7 the day the letter was made; the step is done once the client has been informed.
      </p>
      {plan && <Problems title="Before the letter can be made:" problems={plan.problems} />}
      {plan && plan.problems.length === 0 && (
        <p className="muted">
          {plan.address.length > 0 ? `It goes to ${plan.address.join(', ')}. ` : ''}
          It names{' '}
          {[
            plan.arranged.length > 0 && `${services(plan.arranged.length)} arranged at step down`,
            plan.agencies.length > 0 && `${services(plan.agencies.length)}${area} from the team's directory`,
          ]
            .filter(Boolean)
            .join(', then ')}
          .
        </p>
      )}
      {plan && plan.notes.length > 0 && (
        <div className="notice">
          <strong>Good to know:</strong>
          <ul>
            {plan.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {problem && (
        <div className="banner banner--warning" role="alert">
          <strong>The letter was not made.</strong> {problem}
        </div>
      )}
      {progress ? (
        <Progress label="Making the closure letter…" progress={progress} />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button"
            id={MAKE_CLOSURE_LETTER_BUTTON}
            disabled={!plan || plan.problems.length > 0}
            onClick={() => generate('closure-letter')}
          >
            Make the closure letter
          </button>
        </div>
      )}
    </Panel>
  )
}

/**
 * Why a made document cannot be emailed, in one line said where "Prepare email" would be: a closure
 * letter goes to the client, and with no email address recorded there is no one to send it to.
 */
export function emailWhyNot(record: CaseRecord, document: GeneratedDocument): ReactNode {
  if (document.kind !== 'closure-letter') return undefined
  const email = closureLetterEmail(record)
  return 'whyNot' in email ? <span className="muted small">{email.whyNot}</span> : undefined
}

/** Every document made from the case: what, when, by whom, and which enclosures went in. */
export function GeneratedList(props: { onPreview: (documentId: string) => void; onOpen: (documentId: string, as: 'pdf' | 'email') => void }) {
  const { record } = useOpenCase()
  const made = Object.entries(record.generatedDocuments).sort(([, a], [, b]) => b.at.localeCompare(a.at))
  return (
    <Panel id="generated-heading" title="Made from this case">
      <DataTable
        caption="Documents made from this case"
        rows={made}
        rowKey={([id]) => id}
        empty="Nothing yet. Packs and letters you make are listed here."
        columns={[
          {
            heading: 'Document',
            cell: ([, document]) => (
              <>
                <strong>{GENERATED_KINDS[document.kind]}</strong>
                <div className="muted small">
                  {document.pages} {document.pages === 1 ? 'page' : 'pages'}
                </div>
              </>
            ),
          },
          {
            heading: 'Made',
            cell: ([, document]) => (
              <>
                {formatUkDateTime(document.at)}
                <div className="muted small">by {document.by.name}</div>
              </>
            ),
          },
          {
            heading: 'Enclosures',
            className: 'small',
            cell: ([, document]) => (document.enclosures.length === 0 ? '—' : document.enclosures.map((enclosure) => enclosure.fileName).join(', ')),
          },
        ]}
        rowActions={{
          heading: 'Actions',
          cell: ([id, document]) => (
            <>
              <button type="button" className="link-button" onClick={() => props.onPreview(id)}>
                Preview<span className="visually-hidden"> the {GENERATED_KINDS[document.kind].toLowerCase()}</span>
              </button>
              <button type="button" className="link-button" onClick={() => props.onOpen(id, 'pdf')}>
                Open to print<span className="visually-hidden"> the {GENERATED_KINDS[document.kind].toLowerCase()}</span>
              </button>
              {emailWhyNot(record, document) ?? (
                <button type="button" className="link-button" onClick={() => props.onOpen(id, 'email')}>
                  Prepare email<span className="visually-hidden"> with the {GENERATED_KINDS[document.kind].toLowerCase()}</span>
                </button>
              )}
            </>
          ),
        }}
      />
    </Panel>
  )
}

import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router'
import type { FileTransfer } from '../../shared/api'
import { IMPORTABLE_FIELDS, type ChosenMapping } from '../../shared/import/column-mapping'
import type { ImportResult } from '../../shared/import/import-plan'
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../shared/import/limits'
import { useApi } from '../app/contexts'
import { ErrorSummary } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { Progress } from '../components/Progress'
import { useSubmit } from '../forms/useSubmit'
import { readForTransfer } from '../platform/files'

const FIELD_OPTIONS = [{ value: '', label: 'Not imported' }, ...IMPORTABLE_FIELDS.map((field) => ({ value: field.name, label: field.label }))]
const cases = (n: number) => (n === 1 ? '1 referral' : `${n.toLocaleString('en-GB')} referrals`)

/**
 * "Import referrals": a team's caseload from the spreadsheet it lives in. The file is checked first
 * (a dry run: nothing is added) and the person sees which field each column fills, changing any,
 * then every refused row with its reason and every possible duplicate, before importing.
 */
export function ImportReferralsPage() {
  const api = useApi()
  const { busy, issues, run, refuse } = useSubmit()
  const [file, setFile] = useState<FileTransfer | undefined>(undefined)
  const [mapping, setMapping] = useState<ChosenMapping>({})
  const [preview, setPreview] = useState<ImportResult | undefined>(undefined)
  const [done, setDone] = useState<ImportResult | undefined>(undefined)
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined)
  const doneHeading = useRef<HTMLHeadingElement>(null)
  // Only the latest check is shown: a column changed twice quickly must not show the first answer last.
  const latestCheck = useRef(0)

  const check = (transfer: FileTransfer, chosen: ChosenMapping) => {
    const asked = ++latestCheck.current
    return run(async () => {
      const answer = await api.call('importReferrals', { ...transfer, mapping: chosen, dryRun: true })
      if (asked === latestCheck.current) setPreview(answer)
    })
  }

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return
    setDone(undefined)
    setPreview(undefined)
    setFile(undefined)
    if (chosen.size > MAX_IMPORT_BYTES) return refuse(`${chosen.name} is too big to import: a spreadsheet can be at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`)
    const transfer = await readForTransfer(chosen)
    setFile(transfer)
    setMapping({})
    await check(transfer, {})
  }

  const remap = (column: string, field: string) => {
    const chosen = { ...mapping, [column]: field === '' ? null : field }
    setMapping(chosen)
    if (file) void check(file, chosen)
  }

  // The core opens the rows a pass at a time and says after each how far it has got.
  const importNow = () => {
    if (!file || progress) return
    const taskId = crypto.randomUUID()
    setProgress({ done: 0, total: preview?.wouldImport ?? 0 })
    const stopListening = api.onEvent((event) => {
      if (event.type === 'progress' && event.taskId === taskId) setProgress({ done: event.done, total: event.total })
    })
    void run(async () => {
      try {
        setDone(await api.call('importReferrals', { ...file, mapping, taskId }))
        setPreview(undefined)
        setFile(undefined)
      } finally {
        stopListening()
        setProgress(undefined)
      }
    })
  }
  // The button pressed is gone with the preview: focus goes to what happened, read out first.
  useEffect(() => {
    if (done) doneHeading.current?.focus()
  }, [done])

  return (
    <div className="import-referrals">
      <PageHeading title="Import referrals" />
      <p className="lead">
        Bring in an existing caseload from a spreadsheet: one referral a row, with the column headings in the first row. Each row is checked as
        the referral form checks it. You see what would be imported before anything is added.
      </p>
      <ErrorSummary issues={issues} />
      <div className="dropzone">
        <input
          id="import-file"
          className="dropzone__input"
          type="file"
          accept=".csv,text/csv"
          disabled={progress !== undefined}
          aria-describedby="import-file-hint"
          onChange={(event) => {
            void choose(event.target.files?.[0])
            event.target.value = ''
          }}
        />
        <label htmlFor="import-file" className="button button--secondary">
          Choose a spreadsheet
        </label>
        <p className="field__hint" id="import-file-hint">
          A CSV file: in Excel, choose File, Save As, &ldquo;CSV UTF-8&rdquo;. Up to {MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows and{' '}
          {MAX_IMPORT_BYTES / (1024 * 1024)} MB.
        </p>
      </div>

      {file && preview && (
        <>
          <section className="panel" aria-labelledby="columns-heading">
            <h2 id="columns-heading">Columns in {file.fileName}</h2>
            <p>Columns headed as the referral form&rsquo;s questions are matched already. Choose where any other column belongs, or leave it out.</p>
            <table className="table import-columns">
              <caption className="visually-hidden">Which part of the referral each column fills</caption>
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  <th scope="col">Goes into</th>
                </tr>
              </thead>
              <tbody>
                {preview.columns.map(({ column, field }, index) => (
                  <tr key={column}>
                    <th scope="row">
                      <label htmlFor={`import-column-${index}`}>{column}</label>
                    </th>
                    <td>
                      {/* Never disabled while the file is checked again: the person's focus stays on it. Fixed once importing. */}
                      <select
                        id={`import-column-${index}`}
                        className="select"
                        value={field ?? ''}
                        disabled={progress !== undefined}
                        onChange={(event) => remap(column, event.target.value)}
                      >
                        {FIELD_OPTIONS.map((option) => (
                          <option key={option.value} value={option.value}>
                            {option.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel" aria-labelledby="preview-heading" aria-live="polite">
            <h2 id="preview-heading">Would import {cases(preview.wouldImport ?? 0)}</h2>
            <Outcome result={preview} canStillChoose />
            <div className="actions">
              {/* Kept enabled while importing (pressing it again does nothing), so focus stays where the person is. */}
              <button
                type="button"
                className="button"
                disabled={(busy && !progress) || !preview.wouldImport}
                aria-disabled={progress ? true : undefined}
                aria-busy={progress ? true : undefined}
                onClick={importNow}
              >
                {progress ? 'Importing…' : busy ? 'Checking…' : `Import ${cases(preview.wouldImport ?? 0)}`}
              </button>
            </div>
          </section>
          {/* Its own live region, outside the preview's, so each step is read out once. */}
          {progress && <Progress label={`Imported ${progress.done.toLocaleString('en-GB')} of ${cases(progress.total)}…`} progress={progress} />}
        </>
      )}

      {done && (
        <section className="panel" aria-labelledby="done-heading">
          <h2 id="done-heading" ref={doneHeading} tabIndex={-1}>
            Imported {cases(done.imported)}
          </h2>
          <Outcome result={done} />
          <p>
            <Link to="/">Go to the case list</Link>
          </p>
        </section>
      )}
    </div>
  )
}

/** The rows not imported, and why: each by the row number the spreadsheet shows, to find and fix. */
function Outcome({ result, canStillChoose = false }: { result: ImportResult; canStillChoose?: boolean }) {
  const rows = (n: number) => (n === 1 ? '1 row' : `${n} rows`)
  const unknown = result.unknownColumns.map((column) => `“${column}”`).join(', ')
  return (
    <>
      {result.refused.length > 0 && (
        <>
          <h3>
            {rows(result.refused.length)} not imported: fix {result.refused.length === 1 ? 'it' : 'them'} in the spreadsheet
          </h3>
          <ul className="import-rows">
            {result.refused.map(({ row, reason }) => (
              <li key={row}>
                <strong>Row {row}:</strong> {reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.duplicates.length > 0 && (
        <>
          <h3>{rows(result.duplicates.length)} not added: possibly someone already here</h3>
          <ul className="import-rows">
            {result.duplicates.map(({ row, clientName, caseId, sameAsRow }) => (
              <li key={row}>
                <strong>Row {row}:</strong>{' '}
                {sameAsRow === undefined ? (
                  <>
                    may be <Link to={`/cases/${caseId}`}>{clientName}</Link>, who has a case
                  </>
                ) : (
                  <>
                    may be the same person as row {sameAsRow}
                    {caseId && (
                      <>
                        {' '}
                        (<Link to={`/cases/${caseId}`}>their new case</Link>)
                      </>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
          <p>Check each: a second case for the same person splits their notes. Add one from &ldquo;Add a referral&rdquo; if it is someone else.</p>
        </>
      )}
      {result.unknownColumns.length > 0 && (
        <p className="banner banner--warning">
          Not imported: {unknown}, as no part of the referral is chosen for {result.unknownColumns.length === 1 ? 'it' : 'them'}.
          {canStillChoose && ' Choose where it belongs in the table above if it should come in.'}
        </p>
      )}
    </>
  )
}

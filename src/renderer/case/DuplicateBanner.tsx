import { useState } from 'react'
import { Link } from 'react-router'
import { formatUkDate, formatUkDayOf } from '../../shared/dates'
import { useApi } from '../app/contexts'
import { Confirm } from '../components/Confirm'
import { Problem } from '../components/form'
import { issuesOf } from '../forms/issues'
import { useApiQuery } from '../hooks/useApiQuery'
import { useOpenCase } from './CaseContext'

/**
 * Two laptops that were apart may each have opened a case for the same person. Once they have
 * synced, each case says so, and either can take in the other: nothing of either is lost.
 */
export function DuplicateBanner() {
  const { id, record } = useOpenCase()
  const api = useApi()
  const duplicates = useApiQuery('duplicatesOf', { caseId: id })
  const [asking, setAsking] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | undefined>()
  if (record.mergedInto) {
    return (
      <div className="banner banner--warning" role="note">
        This case was a duplicate and has been merged into another case, which now holds everything recorded here.{' '}
        <Link to={`/cases/${record.mergedInto}`}>Open that case</Link>
      </div>
    )
  }
  if (duplicates.status !== 'ready' || duplicates.data.length === 0) return null
  return (
    <div className="banner banner--warning duplicates-banner" role="region" aria-label="Possible duplicate">
      <strong>This may be the same person as another open case.</strong> Two laptops may each have opened a case while they were apart.
      <ul>
        {duplicates.data.map((other) => (
          <li key={other.id}>
            <Link to={`/cases/${other.id}`}>
              {other.clientName}, born {formatUkDate(other.dateOfBirth)}
              {other.chainNumber ? `, CHAIN ${other.chainNumber}` : ''}
            </Link>{' '}
            (opened {formatUkDayOf(other.createdAt)}
            {other.leadCaseworker ? `, lead ${other.leadCaseworker}` : ''}){' '}
            {asking === other.id ? (
              <Confirm
                question="Merge the other case into this one?"
                explanation="Its notes, actions, documents and history come into this case; it is closed as merged."
                yes="Merge it into this case"
                yesClassName="button button--small"
                onYes={() =>
                  api.call('mergeCases', { keepId: id, duplicateId: other.id }).then(
                    () => setAsking(undefined),
                    (error: unknown) => setProblem(issuesOf(error)[0]?.message),
                  )
                }
                no="Cancel"
                noClassName="button button--small button--secondary"
                onNo={() => setAsking(undefined)}
              />
            ) : (
              <button type="button" className="link-button" onClick={() => setAsking(other.id)}>
                Merge into this case<span className="visually-hidden">: {other.clientName}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <Problem text={problem} />
    </div>
  )
}

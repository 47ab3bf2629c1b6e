import { FilterSelect } from '../components/FilterSelect'
import { Link, useSearchParams } from 'react-router'
import type { CaseListQuery, CasePage } from '../../shared/api'
import { PHASE_NAMES, PHASES, type Phase } from '../../shared/case/phases'
import { PageHeading } from '../components/PageHeading'
import { useApiQuery } from '../hooks/useApiQuery'
import { CaseTable } from './CaseTable'

/** The list's filters and page, from the address, so that a reload or Back keeps them. */
function readQuery(params: URLSearchParams): CaseListQuery & { page: number } {
  const status = params.get('status')
  const phase = params.get('phase')
  const caseworker = params.get('caseworker')
  const page = Math.min(1_000_000, Math.max(1, Math.floor(Number(params.get('page')) || 1)))
  return {
    ...(status === 'open' || status === 'closed' ? { status } : {}),
    ...(params.get('mine') === '1' ? { mine: true } : {}),
    ...(phase && (PHASES as readonly string[]).includes(phase) ? { phase: phase as Phase } : {}),
    ...(caseworker ? { caseworkerId: caseworker.slice(0, 100) } : {}),
    page,
  }
}

export function CaseListPage() {
  const [params, setParams] = useSearchParams()
  const { page, ...filters } = readQuery(params)
  const cases = useApiQuery('listCases', { ...filters, page })
  const filtered = Object.keys(filters).length > 0
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params)
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value)
      else next.delete(name)
    }
    // A new filter starts at its first page.
    if (!('page' in changes)) next.delete('page')
    setParams(next, { replace: !('page' in changes) })
  }
  const unreadable = useApiQuery('unreadableCases', {})
  return (
    <>
      <div className="page-heading">
        <PageHeading title="Cases" />
        <div className="actions">
          <Link to="/referrals/import" className="button button--secondary">
            Import referrals
          </Link>
          <Link to="/referrals/new" className="button">
            Add a referral
          </Link>
        </div>
      </div>
      {unreadable.status === 'ready' && unreadable.data.length > 0 && (
        <div className="banner banner--warning banner--above-list" role="status">
          <p>
            {unreadable.data.length === 1 ? '1 case' : `${unreadable.data.length} cases`} could not be read on this laptop and{' '}
            {unreadable.data.length === 1 ? 'is' : 'are'} left out of the lists. Nothing has been deleted. Tell whoever looks after Homeward.
          </p>
          <ul>
            {unreadable.data.map(({ id, reason }) => (
              <li key={id}>
                Case {id}: {reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {cases.status === 'loading' && <p className="muted">Loading cases…</p>}
      {cases.status === 'failed' && <p className="banner banner--warning">The case list could not be loaded: {cases.message}</p>}
      {(filtered || (cases.status === 'ready' && cases.data.total > 0)) && <Filters query={filters} set={set} />}
      {cases.status === 'ready' &&
        (cases.data.total === 0 ? (
          filtered ? (
            <p role="status">No cases match these filters.</p>
          ) : (
            <FirstRunHint />
          )
        ) : (
          <>
            <CaseTable cases={cases.data.cases} caption={filtered ? 'Cases matching the filters, most recently changed first' : 'All cases, most recently changed first'} />
            <Pages page={cases.data} onPage={(number) => set({ page: number > 1 ? String(number) : undefined })} />
          </>
        ))}
    </>
  )
}

function Filters({ query, set }: { query: CaseListQuery; set: (changes: Record<string, string | undefined>) => void }) {
  const members = useApiQuery('listMembers', {})
  return (
    <form className="board-filters" role="search" aria-label="Filter the case list" onSubmit={(event) => event.preventDefault()}>
      <FilterSelect idPrefix="cases" label="Show" name="status" value={query.status ?? ''} onChange={(value) => set({ status: value })}>
        <option value="">Open and closed cases</option>
        <option value="open">Open cases</option>
        <option value="closed">Closed cases</option>
      </FilterSelect>
      <FilterSelect idPrefix="cases" label="Phase" name="phase" value={query.phase ?? ''} onChange={(value) => set({ phase: value })}>
        <option value="">Every phase</option>
        {PHASES.map((phase) => (
          <option key={phase} value={phase}>
            {PHASE_NAMES[phase]}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect idPrefix="cases" label="Lead caseworker" name="caseworker" value={query.mine ? 'mine' : (query.caseworkerId ?? '')} onChange={(value) => set(value === 'mine' ? { mine: '1', caseworker: undefined } : { mine: undefined, caseworker: value })}>
        <option value="">Everyone</option>
        <option value="mine">Me (my cases)</option>
        {members.status === 'ready' &&
          members.data.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
      </FilterSelect>
    </form>
  )
}


/** "Showing 51–100 of 212", with the way to the pages before and after. */
function Pages({ page, onPage }: { page: CasePage; onPage: (page: number) => void }) {
  const number = Math.floor(page.offset / page.pageSize) + 1
  const last = page.offset + page.cases.length
  const hasNext = last < page.total
  return (
    <nav className="pager" aria-label="Pages of the case list">
      <p role="status" className="muted">
        Showing {page.offset + 1}–{last} of {page.total}
      </p>
      {(number > 1 || hasNext) && (
        <p className="pager__buttons">
          <button type="button" className="button button--secondary" disabled={number === 1} onClick={() => onPage(number - 1)}>
            Previous page
          </button>
          <button type="button" className="button button--secondary" disabled={!hasNext} onClick={() => onPage(number + 1)}>
            Next page
          </button>
        </p>
      )}
    </nav>
  )
}

function FirstRunHint() {
  return (
    <section className="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading">No cases yet</h2>
      <p>
        When someone is referred to you, start their case here. You will need the client's name and date of
        birth, their CHAIN number if they have one, and who referred them.
      </p>
      <Link to="/referrals/new" className="button">
        Add the first referral
      </Link>
    </section>
  )
}

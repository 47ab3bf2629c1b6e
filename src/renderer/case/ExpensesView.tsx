import { EXPENSE_CATEGORIES, EXPENSE_FIELDS, expenseTotals, type Expense } from '../../shared/case/support'
import { formatUkDate } from '../../shared/dates'
import { formatPounds } from '../../shared/forms/fields'
import { useOpenCase } from './CaseContext'
import { Collection } from './CaseForms'

/** Money spent from the reconnection budget on this case, with totals by category. */
export function ExpensesView() {
  const { record } = useOpenCase()
  const totals = expenseTotals(Object.values(record.expenses))
  return (
    <>
      <h2>Expenses</h2>
      <section className="panel" aria-labelledby="totals-heading">
        <h3 id="totals-heading">Reconnection budget spent: {formatPounds(totals.total)}</h3>
        <dl className="totals">
          {EXPENSE_CATEGORIES.map((category) => (
            <div key={category.value}>
              <dt>{category.label}</dt>
              <dd>{formatPounds(totals.byCategory[category.value])}</dd>
            </div>
          ))}
        </dl>
      </section>
      <Collection
        id="expenses"
        title="Spending"
        itemName="an expense"
        fields={EXPENSE_FIELDS}
        order={(a, b) => String(b.date).localeCompare(String(a.date))}
        emptyText="Nothing spent yet."
        columns={[
          { label: 'Date', value: (item) => formatUkDate(String(item.date)) },
          { label: 'Category', value: (item) => EXPENSE_CATEGORIES.find((c) => c.value === item.category)?.label ?? '' },
          { label: 'For', value: (item) => String(item.description ?? '') },
          { label: 'Amount', value: (item) => formatPounds(Number(item.amount)) },
          { label: 'Recorded by', value: (item) => (item as unknown as Expense).recordedBy?.name ?? '' },
        ]}
      />
    </>
  )
}

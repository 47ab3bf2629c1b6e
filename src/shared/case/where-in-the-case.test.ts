import { describe, expect, it } from 'vitest'
import { caseRecordSchema } from './record'
import { endsBeforeItStarts } from './dates/ends-after-it-starts'
import { issueInWords, keyedZodMessages, namedIssue, whereInTheCase } from './where-in-the-case'

describe('where in a case file a problem is', () => {
  const record = { addresses: { k3v9: { address: '1 Low Road' }, q7x2: { address: '12 High Street' } }, family: {} }

  it('names an item of a list by its place in the file, not by its id', () => {
    expect(whereInTheCase(['addresses', 'k3v9', 'localAuthority'], record)).toBe('Address 1')
    expect(whereInTheCase(['addresses', 'q7x2', 'from'], record)).toBe('Address 2')
  })

  it('gives any other place as its path', () => {
    expect(whereInTheCase(['referral', 'clientName'], record)).toBe('referral.clientName')
    expect(whereInTheCase(['family', 'gone', 'name'], record)).toBe('family.gone.name')
    expect(whereInTheCase([], record)).toBe('case')
  })

  it("with the stored schema's words, says in one line what is missing from an address", () => {
    const address = { address: '12 High Street', kind: 'own-tenancy', from: '2020-01-01' }
    const checked = caseRecordSchema.shape.addresses.safeParse({ a: address })
    expect(checked.success).toBe(false)
    const [issue] = checked.error!.issues
    expect(`${whereInTheCase(['addresses', ...issue!.path], { addresses: { a: address } })}: ${issue!.message}`).toBe(
      'Address 1: the local authority is missing',
    )
  })

  it("names the item a date rule's problem is in, the message reading on after its name", () => {
    const addresses = { ...record.addresses, f963: { address: '3 Mill Lane', from: '2026-05-01', to: '2025-01-01' } }
    const issue = endsBeforeItStarts(addresses.f963)!
    expect(namedIssue({ field: `addresses.f963.${issue.field}`, message: issue.message }, { addresses })).toEqual({
      field: 'Address 3',
      message: 'until (01/01/2025) cannot be before the start (01/05/2026)',
    })
    const closed = { field: 'outcome.closedOn', message: '"Case closed on" (01/01/2999) cannot be in the future' }
    expect(namedIssue(closed, record)).toEqual(closed)
  })

  it('says a problem as the form does, by its label and never its key; an item of a list by its place first', () => {
    const future = { field: 'referralDate', message: '"Date of referral" (01/05/2027) cannot be in the future' }
    expect(issueInWords(future)).toBe('"Date of referral" (01/05/2027) cannot be in the future')
    const nested = { field: 'outcome.closedOn', message: '"Case closed on" (01/01/2999) cannot be in the future' }
    expect(issueInWords(nested)).toBe('"Case closed on" (01/01/2999) cannot be in the future')
    expect(issueInWords({ field: 'Address 2', message: 'the local authority is missing' })).toBe('Address 2: the local authority is missing')
    expect(issueInWords({ field: 'Consent to share 1', message: 'the agency is missing' })).toBe('Consent to share 1: the agency is missing')
    // A stored schema's words, without an item to follow, start the line.
    expect(issueInWords({ field: 'referral.clientName', message: "the client's name is missing" })).toBe("The client's name is missing")
  })

  it("puts the key path before zod's own words, which name no field, but not before the schema's", () => {
    const record = { allocation: { leadCaseworker: { id: 'x' } }, addresses: { k3v9: { address: '1 Low Road', kind: 'own-tenancy', from: '2020-01-01' } } }
    const checked = caseRecordSchema.pick({ allocation: true, addresses: true }).safeParse(record, { error: keyedZodMessages(record) })
    const lines = checked.error!.issues.map((issue) => issueInWords({ field: whereInTheCase(issue.path, record), message: issue.message }))
    expect(lines).toEqual(['In allocation.leadCaseworker.name: missing', 'Address 1: the local authority is missing'])
    // A value of the wrong kind is said in words, not zod's ("Invalid input: expected record").
    const attachments = { attachments: [] }
    const wrong = caseRecordSchema.pick({ attachments: true }).safeParse(attachments, { error: keyedZodMessages(attachments) })
    expect(wrong.error!.issues.map((issue) => issueInWords({ field: whereInTheCase(issue.path, attachments), message: issue.message }))).toEqual(['In attachments: should be a set of named entries, { … }'])
  })
})

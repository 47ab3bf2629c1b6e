import { describe, expect, it } from 'vitest'
import { validate } from '../validation'
import { changedValues, checkStoredValues, displayValue, formSchema, formValues, labelUnder, storedSchema, withBlankChoicesShown, type Field } from './fields'

const FIELDS = [
  { name: 'who', label: 'Housing Options contact', kind: 'text', required: true },
  { name: 'when', label: 'Date of contact', kind: 'date', notFuture: true },
  { name: 'known', label: 'Already known to them', kind: 'answer' },
  { name: 'where', label: 'Destination local authority', kind: 'local-authority' },
  { name: 'postcode', label: 'Postcode', kind: 'postcode' },
  { name: 'cost', label: 'Amount', kind: 'money' },
  { name: 'confidence', label: 'Confidence', kind: 'number', min: 1, max: 5 },
  { name: 'how', label: 'How consent was given', kind: 'choice', options: [{ value: 'verbal', label: 'Verbally' }, { value: 'written', label: 'In writing' }] },
  { name: 'email', label: 'Email address', kind: 'email' },
  { name: 'phone', label: 'Phone number', kind: 'phone' },
] as const satisfies readonly Field[]

const schema = formSchema(FIELDS, '2026-11-23')

describe('a form made from the field catalogue', () => {
  it('turns what was typed into stored values', () => {
    const result = validate(schema, {
      who: '  Sarah Patel ',
      when: '20/11/2026',
      known: 'yes',
      where: 'E08000032',
      postcode: 'bd1 1hy',
      cost: '£1,234.5',
      confidence: '4',
      how: 'written',
      email: 'housing.options@bradford.gov.uk',
      phone: '01274 435999',
    })
    expect(result).toEqual({
      ok: true,
      value: {
        who: 'Sarah Patel',
        when: '2026-11-20',
        known: 'yes',
        where: 'E08000032',
        postcode: 'BD1 1HY',
        cost: 123450,
        confidence: 4,
        how: 'written',
        email: 'housing.options@bradford.gov.uk',
        phone: '01274 435999',
      },
    })
  })

  it('leaves empty optional fields out and insists on required ones', () => {
    expect(validate(schema, { who: 'Sam' })).toEqual({ ok: true, value: { who: 'Sam' } })
    expect(validate(schema, {})).toEqual({ ok: false, issues: [{ field: 'who', message: 'Enter housing Options contact' }] })
  })

  it.each([
    ['when', '31/02/2026', '31/02/2026 is not a real date'],
    ['when', '29.2.2027', '29.2.2027 is not a real date'],
    ['when', '2026-02-31', '2026-02-31 is not a real date'],
    ['when', 'last Tuesday', 'Date of contact must be a date, for example 27/03/2026'],
    ['when', '24/11/2026', '"Date of contact" (24/11/2026) cannot be in the future'],
    ['where', 'Bradford', 'Choose destination local authority from the list'],
    ['postcode', 'BD1', 'Enter a real postcode, like LS1 4AP'],
    ['cost', '12.345', 'Enter the amount in pounds, like 12.50'],
    ['cost', '-5', 'Enter the amount in pounds, like 12.50'],
    ['confidence', '6', 'Confidence must be a whole number from 1 to 5'],
    ['how', 'telepathy', 'Choose how consent was given'],
    ['email', 'not-an-address', 'Enter email address like name@example.org.uk'],
    ['phone', 'ring me', 'Phone number must be a phone number, like 0113 222 4444 or 111'],
    ['phone', '01107 406 8918', 'Phone number cannot start with 0110: no UK number does'],
    ['phone', '07700 900 1234', 'Phone number has 12 digits: a UK number starting 07 has 11'],
  ])('refuses %s = %s', (field, typed, message) => {
    expect(validate(schema, { who: 'Sam', [field]: typed })).toEqual({ ok: false, issues: [{ field, message }] })
  })

  it('shows stored values the way people read them, and back into the form', () => {
    const stored = { who: 'Sam', when: '2026-11-20', known: 'unknown', where: 'E06000023', cost: 1250, how: 'verbal' }
    const byName = Object.fromEntries(FIELDS.map((field) => [field.name, field]))
    expect(displayValue(byName.when!, stored.when)).toBe('20/11/2026')
    expect(displayValue(byName.known!, stored.known)).toBe('Not known')
    expect(displayValue(byName.where!, stored.where)).toBe('Bristol')
    expect(displayValue(byName.cost!, stored.cost)).toBe('£12.50')
    expect(displayValue(byName.how!, stored.how)).toBe('Verbally')
    // A number on a scale reads as the form offered it; a plain number as it is.
    const scale = { name: 'confidence', label: 'Confidence', kind: 'number', min: 1, max: 5, scaleLabels: ['1 Very low', '2 Low', '3 Unsure', '4 Good', '5 Very good'] } as const satisfies Field
    expect(displayValue(scale, 4)).toBe('4 Good')
    expect(displayValue(byName.confidence!, 4)).toBe('4')
    expect(formValues(FIELDS, stored)).toMatchObject({ when: '20/11/2026', cost: '12.50', postcode: '' })
    const again = validate(schema, formValues(FIELDS, stored))
    expect(again.ok && again.value).toEqual(stored)
  })

  it('checks stored values in their own form', () => {
    expect(storedSchema(FIELDS).safeParse({ who: 'Sam', when: '2026-11-20', cost: 1250 }).success).toBe(true)
    expect(storedSchema(FIELDS).safeParse({ when: '2026-11-20' }).success).toBe(false) // who is required
    expect(storedSchema(FIELDS).safeParse({ who: 'Sam', when: '20/11/2026' }).success).toBe(false)
    expect(storedSchema(FIELDS).safeParse({ who: 'Sam', cost: 12.5 }).success).toBe(false)
  })

  it('checks values written by code as the form would have', () => {
    expect(checkStoredValues(FIELDS, { where: 'E08000032', cost: 1250, when: '2026-11-20' }, '2026-11-23')).toEqual({
      ok: true,
      value: { where: 'E08000032', cost: 1250, when: '2026-11-20' },
    })
    expect(checkStoredValues(FIELDS, { where: 'Atlantis' }, '2026-11-23')).toEqual({
      ok: false,
      issues: [{ field: 'where', message: 'Choose destination local authority from the list' }],
    })
    expect(checkStoredValues(FIELDS, { when: '2026-12-25' }, '2026-11-23')).toMatchObject({ ok: false })
    expect(checkStoredValues(FIELDS, { cost: 12.5 }, '2026-11-23')).toMatchObject({ ok: false })
    expect(checkStoredValues(FIELDS, { who: ' Sam ' }, '2026-11-23')).toEqual({
      ok: false,
      issues: [{ field: 'who', message: 'Housing Options contact: not a value this form can hold' }],
    })
    expect(checkStoredValues(FIELDS, {}, '2026-11-23', { complete: true })).toMatchObject({ ok: false, issues: [{ field: 'who' }] })
  })

  it('finds what a save changed', () => {
    expect(changedValues({ a: '1', b: '2' }, { a: '1', b: '3', c: '4' })).toEqual({ b: '3', c: '4' })
    expect(changedValues({ a: '1' }, { a: undefined })).toEqual({ a: undefined })
  })

  it("shows an empty choice as its group's blank choice, where the field offers it, leaving the values as they were", () => {
    const NOT_ASKED = { value: 'not-asked', label: 'Not asked' }
    const fields = [
      { name: 'gender', label: 'Gender', kind: 'choice', options: [NOT_ASKED, { value: 'woman', label: 'Woman' }] },
      { name: 'religion', label: 'Religion', kind: 'choice', options: [NOT_ASKED, { value: 'none', label: 'No religion' }] },
      { name: 'kind', label: 'Kind', kind: 'choice', options: [{ value: 'a', label: 'A' }] },
      { name: 'note', label: 'Note', kind: 'text' },
    ] as const satisfies readonly Field[]
    const values = { gender: '', religion: 'none', kind: '', note: '' }
    expect(withBlankChoicesShown([{ title: 'Equality', blankChoice: 'not-asked', fields }], values)).toEqual({ gender: 'not-asked', religion: 'none', kind: '', note: '' })
    expect(values.gender).toBe('')
    expect(withBlankChoicesShown([{ title: 'Equality', fields }], values)).toEqual(values)
  })
})

describe('an outreach team field', () => {
  const field = { name: 'outreachTeam', label: 'Outreach team', kind: 'outreach-team', required: true } as const satisfies Field

  it('takes a name as typed (trimmed), whether or not the list has it yet, and refuses what no name is', () => {
    expect(checkStoredValues([field], { outreachTeam: 'Tower Hamlets Outreach' }, '2026-11-23')).toEqual({ ok: true, value: { outreachTeam: 'Tower Hamlets Outreach' } })
    expect(validate(formSchema([field], '2026-11-23'), { outreachTeam: '  Camden Outreach ' })).toEqual({ ok: true, value: { outreachTeam: 'Camden Outreach' } })
    expect(validate(formSchema([field], '2026-11-23'), { outreachTeam: 'Camden\u0007Outreach' })).toMatchObject({ ok: false, issues: [{ message: 'Outreach team must not contain control characters' }] })
    expect(validate(formSchema([field], '2026-11-23'), { outreachTeam: 'x'.repeat(201) })).toMatchObject({ ok: false, issues: [{ message: 'Outreach team must be 200 characters or fewer' }] })
  })
})

describe('a label under its group', () => {
  it("drops the group's title a label starts with, and keeps any other label whole", () => {
    const group = { title: 'Drug and alcohol services' }
    expect(labelUnder(group, { label: 'Drug and alcohol services: done on' })).toBe('Done on')
    expect(labelUnder(group, { label: 'Drug and alcohol services: note' })).toBe('Note')
    expect(labelUnder(group, { label: 'Scripting services: note' })).toBe('Scripting services: note')
    expect(labelUnder({ title: 'Destination' }, { label: 'Destination local authority' })).toBe('Destination local authority')
  })
})

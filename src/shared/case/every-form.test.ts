import * as Automerge from '@automerge/automerge/slim'
import { describe, expect, it } from 'vitest'
import { formSchema, type Field } from '../forms/fields'
import { validate, ValidationError } from '../validation'
import * as change from './changes'
import { CASE_COLLECTIONS, CASE_SECTIONS } from './changes'
import { caseIn, CASEWORKER, edit, TODAY } from '../../../tests/support/cases'

/** Something a person could type in the field that is wrong for its kind. */
function badTyping(field: Field): string | undefined {
  switch (field.kind) {
    case 'date':
      return '31/02/2020'
    case 'local-authority':
      return 'Nowhere-on-Sea'
    case 'postcode':
      return 'XX'
    case 'phone':
      return 'call me'
    case 'email':
      return 'not-an-address'
    case 'money':
      return '12.345'
    case 'number':
      return String(field.max + 1)
    case 'choice':
    case 'answer':
      return 'perhaps'
    case 'text':
      return field.pattern ? 'not digits' : 'x'.repeat((field.max ?? 200) + 1)
    case 'paragraph':
      return 'x'.repeat((field.max ?? 20_000) + 1)
    case 'case-goals':
      return 'Keep my flat\u0007'
  }
}

/** The same mistake as code might make it, in the stored form. */
function badStored(field: Field): unknown {
  switch (field.kind) {
    case 'date':
      return '2020-02-31'
    case 'money':
      return 12.5
    case 'number':
      return field.max + 1
    default:
      return badTyping(field)
  }
}

const forms = [
  ...Object.entries(CASE_SECTIONS).map(([name, fields]) => ({ name: `section ${name}`, fields: fields as readonly Field[] })),
  ...Object.entries(CASE_COLLECTIONS).map(([name, fields]) => ({ name: `list ${name}`, fields: fields as readonly Field[] })),
]

describe.each(forms)('the $name form', ({ name, fields }) => {
  it.each(fields.map((field) => [field.name, field] as const))('refuses a bad %s with a message for that field', (_name, field) => {
    const result = validate(formSchema(fields, TODAY), { [field.name]: badTyping(field) })
    expect(result.ok).toBe(false)
    const issue = !result.ok && result.issues.find((i) => i.field === field.name)
    expect(issue, `${name}.${field.name}`).toBeTruthy()
    expect((issue as { message: string }).message.length).toBeGreaterThan(5)
  })

  if (name.startsWith('section')) {
    const section = name.slice('section '.length) as change.CaseSection
    it.each(fields.map((field) => [field.name, field] as const))('saves nothing when %s is bad', (_name, field) => {
      const doc = caseIn('engage')
      const before = Automerge.getHeads(doc)
      expect(() => edit(doc, (d) => change.updateSection(d, section, { [field.name]: badStored(field) }, CASEWORKER))).toThrow(ValidationError)
      expect(Automerge.getHeads(doc)).toEqual(before)
    })
  }
})

describe('required fields', () => {
  it.each(forms.flatMap(({ name, fields }) => fields.filter((field) => field.required).map((field) => [name, field.name, fields] as const)))(
    '%s: %s cannot be left empty',
    (_form, fieldName, fields) => {
      const result = validate(formSchema(fields, TODAY), {})
      expect(!result.ok && result.issues.some((issue) => issue.field === fieldName)).toBe(true)
    },
  )
})

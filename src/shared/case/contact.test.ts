import { describe, expect, it } from 'vitest'
import { formSchema } from '../forms/fields'
import { validate } from '../validation'
import * as change from './changes'
import { CONTACT_FIELDS, CONTACT_GROUPS } from './contact'
import { caseIn, CASEWORKER, edit, read, TODAY } from '../../../tests/support/cases'

describe('contact details', () => {
  it('keep what helps the client communicate (language, an interpreter, help to read, write or get about) apart from how to reach them', () => {
    expect(CONTACT_GROUPS.map((group) => [group.title, group.fields.map((field) => field.name)])).toEqual([
      ['How to reach them', ['phone', 'email', 'aliases', 'preferredContact', 'lastSeenWhere', 'lastSeenOn']],
      ['Communication and access', ['language', 'interpreter', 'accessNeeds', 'beliefs']],
    ])
    const doc = edit(caseIn('identify'), (d) => change.updateSection(d, 'contact', { language: 'Polish', interpreter: 'yes', accessNeeds: 'Reads little English: explain letters aloud.' }, CASEWORKER))
    expect(read(doc).contact).toMatchObject({ language: 'Polish', interpreter: 'yes', accessNeeds: 'Reads little English: explain letters aloud.' })
    expect(validate(formSchema(CONTACT_FIELDS, TODAY), { interpreter: 'maybe' })).toMatchObject({ ok: false, issues: [{ field: 'interpreter' }] })
  })

  it('keep the cultural or religious beliefs to take into account, refusing more than the form takes by its label', () => {
    const beliefs = 'Muslim: prays five times a day; appointments not at Friday midday prayers.'
    const doc = edit(caseIn('identify'), (d) => change.updateSection(d, 'contact', { beliefs }, CASEWORKER))
    expect(read(doc).contact.beliefs).toBe(beliefs)
    expect(() => edit(doc, (d) => change.updateSection(d, 'contact', { beliefs: 'x'.repeat(2001) }, CASEWORKER))).toThrow(
      expect.objectContaining({ issues: [{ field: 'beliefs', message: expect.stringMatching(/^Cultural or religious beliefs to take into account /) }] }),
    )
  })
})

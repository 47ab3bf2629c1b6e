import { describe, expect, it } from 'vitest'
import { windowStorage as storage } from '../../../tests/support/window-storage'
import { entryKey, listForms, markWindowClosed, markWindowOpen, OPEN_FOR_MS, removeDraft, removeDraftsOfCases, removeForm, startingDraft, writeDraft } from './draft-entries'


const PERSON = 'homeward-draft:amina:'
const FORM = 'case-1:referral'
const typed = (value: string) => ({ label: 'Referral form', value: { chainNumber: value } })

describe('drafts kept per window', () => {
  it('a save in one tab removes its own entry only: the other tab’s typing stays unsaved', () => {
    const local = storage()
    const first = startingDraft(local, PERSON, FORM, 'tab-1')
    const second = startingDraft(local, PERSON, FORM, 'tab-2')
    writeDraft(local, PERSON, FORM, 'tab-1', typed('1111111'), first.continues)
    writeDraft(local, PERSON, FORM, 'tab-2', typed('2222222'), second.continues)
    removeDraft(local, PERSON, FORM, 'tab-1', first.continues)
    expect(listForms(local, PERSON, 'case-1:').map(({ key, envelope }) => [key, envelope.value])).toEqual([[FORM, { chainNumber: '2222222' }]])
    // The tab reloaded reads back its own typing.
    expect(startingDraft(local, PERSON, FORM, 'tab-2').envelope?.value).toEqual({ chainNumber: '2222222' })
  })

  it('a window opened later continues the newest entry, and saving it removes what it continued', () => {
    const local = storage()
    writeDraft(local, PERSON, FORM, 'closed-1', typed('1111111'), {}, 1000)
    writeDraft(local, PERSON, FORM, 'closed-2', typed('2222222'), {}, 2000)
    const later = startingDraft(local, PERSON, FORM, 'tab-3')
    expect(later.envelope?.value).toEqual({ chainNumber: '2222222' })
    writeDraft(local, PERSON, FORM, 'tab-3', typed('3333333'), later.continues, 3000)
    // Closed unsaved again: the next window continues the newest, and with it what that continued.
    const next = startingDraft(local, PERSON, FORM, 'tab-4')
    expect(next.envelope?.value).toEqual({ chainNumber: '3333333' })
    removeDraft(local, PERSON, FORM, 'tab-4', next.continues)
    // The older entry was never continued: still there, offered next, never lost.
    expect(listForms(local, PERSON, '').map(({ envelope }) => envelope.value)).toEqual([{ chainNumber: '1111111' }])
  })

  it('a form opening in another tab never takes over the typing of a tab still open: its save leaves that entry', () => {
    const local = storage()
    markWindowOpen(local, 'tab-1', 1000)
    writeDraft(local, PERSON, FORM, 'tab-1', typed('1111111'), {}, 1000)
    const second = startingDraft(local, PERSON, FORM, 'tab-2', 2000)
    expect(second).toEqual({ continues: {} })
    writeDraft(local, PERSON, FORM, 'tab-2', typed('2222222'), second.continues, 2000)
    removeDraft(local, PERSON, FORM, 'tab-2', second.continues)
    expect(listForms(local, PERSON, 'case-1:').map(({ envelope }) => envelope.value)).toEqual([{ chainNumber: '1111111' }])

    // Once that tab is closed (or its mark is long stale), its typing is continued as any other.
    markWindowClosed(local, 'tab-1')
    expect(startingDraft(local, PERSON, FORM, 'tab-3', 3000).envelope?.value).toEqual({ chainNumber: '1111111' })
    markWindowOpen(local, 'tab-1', 3000)
    expect(startingDraft(local, PERSON, FORM, 'tab-3', 3000 + OPEN_FOR_MS).envelope?.value).toEqual({ chainNumber: '1111111' })
  })

  it('the marks of windows long gone are forgotten when a window marks itself open', () => {
    const local = storage()
    markWindowOpen(local, 'gone', 1000)
    markWindowOpen(local, 'open', 1000 + OPEN_FOR_MS)
    expect(Array.from({ length: local.length }, (_, i) => local.key(i))).toEqual(['homeward-window-open:open'])
  })

  it('an entry continued but typed into since, in its own window, is not removed by the save', () => {
    const local = storage()
    writeDraft(local, PERSON, FORM, 'tab-1', typed('1111111'), {}, 1000)
    const second = startingDraft(local, PERSON, FORM, 'tab-2')
    writeDraft(local, PERSON, FORM, 'tab-1', typed('1111112'), {}, 2000)
    removeDraft(local, PERSON, FORM, 'tab-2', second.continues)
    expect(startingDraft(local, PERSON, FORM, 'tab-1').envelope?.value).toEqual({ chainNumber: '1111112' })
  })

  it('a form is listed once, whichever windows hold it; discarding it by name removes every entry', () => {
    const local = storage()
    writeDraft(local, PERSON, FORM, 'tab-1', typed('1111111'), {}, 1000)
    writeDraft(local, PERSON, FORM, 'tab-2', typed('2222222'), {}, 2000)
    expect(listForms(local, PERSON, '')).toHaveLength(1)
    removeForm(local, PERSON, FORM)
    expect(local.length).toBe(0)
  })

  it('an entry from before windows had their own is read, continued and removed like any other', () => {
    const local = storage()
    local.setItem(`${PERSON}${FORM}`, JSON.stringify({ label: 'Referral form', value: { chainNumber: '1111111' } }))
    const start = startingDraft(local, PERSON, FORM, 'tab-1')
    expect(start.envelope?.value).toEqual({ chainNumber: '1111111' })
    removeDraft(local, PERSON, FORM, 'tab-1', start.continues)
    expect(local.length).toBe(0)
  })

  it('the drafts of cases withheld go, whoever typed them and in whichever window; others stay', () => {
    const local = storage()
    writeDraft(local, PERSON, FORM, 'tab-1', typed('1111111'), {})
    writeDraft(local, 'homeward-draft:jo:', 'case-1:note', 'tab-2', typed('note'), {})
    writeDraft(local, PERSON, 'case-12:referral', 'tab-1', typed('1212121'), {})
    writeDraft(local, PERSON, 'new-referral:abc', 'tab-1', typed(''), {})
    local.setItem('homeward-window', 'not a draft')
    removeDraftsOfCases(local, 'homeward-draft:', ['case-1'])
    expect([...Array(local.length).keys()].map((i) => local.key(i)).sort()).toEqual([
      entryKey(PERSON, 'case-12:referral', 'tab-1'),
      entryKey(PERSON, 'new-referral:abc', 'tab-1'),
      'homeward-window',
    ])
  })
})

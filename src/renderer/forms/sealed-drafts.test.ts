import { describe, expect, it } from 'vitest'
import { windowStorage as storage } from '../../../tests/support/window-storage'
import { listForms, startingDraft, writeDraft } from './draft-entries'
import { SealedDrafts } from './sealed-drafts'


const DRAFTS = 'homeward-draft:'
const PERSON = `${DRAFTS}amina:`
const FORM = 'case-1:referral'
const NAME = 'Zbigniew Quennell-Abara'
/** A workspace's draft key as the core hands it over: 32 random bytes, base64. */
const draftKey = () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))

/** Every value local storage holds, as one text: what a reader of the disk would find. */
const everything = (local: Storage) =>
  Array.from({ length: local.length }, (_, i) => {
    const key = local.key(i)!
    return `${key}=${local.getItem(key)}`
  }).join('\n')

describe('unsaved forms sealed in local storage', () => {
  it('writes only sealed text to local storage, and a window opened later with the key reads the text back', async () => {
    const local = storage()
    const key = draftKey()
    const drafts = await SealedDrafts.open(local, key, DRAFTS)
    writeDraft(drafts, PERSON, FORM, 'tab-1', { label: 'Referral form', value: { clientName: NAME }, whose: NAME }, {})
    // This window reads its draft at once, before it is sealed.
    expect(startingDraft(drafts, PERSON, FORM, 'tab-1').envelope).toMatchObject({ value: { clientName: NAME } })
    await drafts.settled()

    const stored = everything(local)
    expect(stored).toContain(`${PERSON}${FORM}#tab-1=sealed1:`)
    expect(stored).not.toContain('Zbigniew')
    expect(stored).not.toContain('clientName')
    expect(stored).not.toContain('Referral form')

    // A reload (or a crash, or a lock and a sign-in): opened again with the same key.
    const reopened = await SealedDrafts.open(local, key, DRAFTS)
    expect(startingDraft(reopened, PERSON, FORM, 'tab-1').envelope).toMatchObject({ label: 'Referral form', value: { clientName: NAME }, whose: NAME })
    expect(listForms(reopened, PERSON, '').map(({ key }) => key)).toEqual([FORM])
  })

  it('seals each write afresh: the same words typed twice are never the same bytes', async () => {
    const local = storage()
    const drafts = await SealedDrafts.open(local, draftKey(), DRAFTS)
    drafts.setItem(`${PERSON}a`, NAME)
    drafts.setItem(`${PERSON}b`, NAME)
    await drafts.settled()
    expect(local.getItem(`${PERSON}a`)).not.toEqual(local.getItem(`${PERSON}b`))
  })

  it('seals a draft an older version left in plain text the first time it is opened, and keeps its words', async () => {
    const local = storage()
    const key = draftKey()
    const plain = JSON.stringify({ label: 'Referral form', value: { clientName: NAME } })
    local.setItem(`${PERSON}${FORM}`, plain)
    const drafts = await SealedDrafts.open(local, key, DRAFTS)
    expect(drafts.getItem(`${PERSON}${FORM}`)).toBe(plain)
    expect(everything(local)).not.toContain('Zbigniew')
    expect((await SealedDrafts.open(local, key, DRAFTS)).getItem(`${PERSON}${FORM}`)).toBe(plain)
  })

  it('opens nothing with another key, nor under another key than it was sealed under, and still lists it so it can be deleted', async () => {
    const local = storage()
    const key = draftKey()
    const drafts = await SealedDrafts.open(local, key, DRAFTS)
    drafts.setItem(`${PERSON}case-1:referral#tab-1`, NAME)
    await drafts.settled()
    // Copied under another case's form: it does not open there.
    local.setItem(`${PERSON}case-2:referral#tab-1`, local.getItem(`${PERSON}case-1:referral#tab-1`)!)
    const elsewhere = await SealedDrafts.open(local, key, DRAFTS)
    expect(elsewhere.getItem(`${PERSON}case-2:referral#tab-1`)).toBeNull()
    expect(elsewhere.getItem(`${PERSON}case-1:referral#tab-1`)).toBe(NAME)

    const otherWorkspace = await SealedDrafts.open(local, draftKey(), DRAFTS)
    expect(otherWorkspace.getItem(`${PERSON}case-1:referral#tab-1`)).toBeNull()
    expect(Array.from({ length: otherWorkspace.length }, (_, i) => otherWorkspace.key(i))).toContain(`${PERSON}case-1:referral#tab-1`)
    otherWorkspace.removeItem(`${PERSON}case-1:referral#tab-1`)
    expect(local.getItem(`${PERSON}case-1:referral#tab-1`)).toBeNull()
  })

  it('never writes back a draft removed while it was being sealed, nor an older write over a newer one', async () => {
    const local = storage()
    const drafts = await SealedDrafts.open(local, draftKey(), DRAFTS)
    drafts.setItem(`${PERSON}saved`, 'typed')
    drafts.removeItem(`${PERSON}saved`)
    drafts.setItem(`${PERSON}typing`, 'first')
    drafts.setItem(`${PERSON}typing`, 'first words')
    await drafts.settled()
    expect(local.getItem(`${PERSON}saved`)).toBeNull()
    expect(drafts.length).toBe(1)
    await drafts.heard(`${PERSON}typing`, local.getItem(`${PERSON}typing`))
    expect(drafts.getItem(`${PERSON}typing`)).toBe('first words')
  })

  it('reads what another window sealed as it hears of it, and lets a window mark (no words) through as it is', async () => {
    const local = storage()
    const key = draftKey()
    const mine = await SealedDrafts.open(local, key, DRAFTS)
    const theirs = await SealedDrafts.open(local, key, DRAFTS)
    theirs.setItem(`${PERSON}${FORM}#tab-2`, NAME)
    await theirs.settled()
    expect(mine.getItem(`${PERSON}${FORM}#tab-2`)).toBeNull()
    await mine.heard(`${PERSON}${FORM}#tab-2`, local.getItem(`${PERSON}${FORM}#tab-2`))
    expect(mine.getItem(`${PERSON}${FORM}#tab-2`)).toBe(NAME)
    theirs.removeItem(`${PERSON}${FORM}#tab-2`)
    await mine.heard(`${PERSON}${FORM}#tab-2`, null)
    expect(mine.getItem(`${PERSON}${FORM}#tab-2`)).toBeNull()

    mine.setItem('homeward-window-open:tab-1', '1000')
    expect(local.getItem('homeward-window-open:tab-1')).toBe('1000')
    expect(mine.getItem('homeward-window-open:tab-1')).toBe('1000')
  })
})

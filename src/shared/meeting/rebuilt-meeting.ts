import * as Automerge from '@automerge/automerge/slim'
import { ImmutableString } from '@automerge/automerge/slim'
import type { ChangeOptions } from '../authorship'
import { editsToTextAlreadyThere } from '../automerge/replayed-once'
import type { MeetingDoc } from './meeting-doc'
import { forgetErasedItems, holdsErasedWords } from './withheld-cases'
import { readMeeting } from './meeting-doc'

/**
 * Taking an erased case's words out of a meeting (`forgetErasedItems`) is a change on top: the
 * client's name on the agenda and what was said stay in the document's history, on every laptop
 * and the server. So the server, erasing a case, rebuilds each meeting whose agenda names it as a
 * new document holding the meeting as it should read (the case's items forgotten) and no history,
 * as a correction rebuilds a case (`src/shared/team/corrections.ts` records old id to new id).
 *
 * The copy keeps each value's kind: the discussion and decisions stay collaborative text, every
 * other string a register. The case's words are taken out of the copy before it is written: a
 * value written and overwritten in the one change would still be in that change.
 */
export function rebuiltMeeting(old: Automerge.Doc<unknown>, erased: ReadonlySet<string>, options: ChangeOptions): Automerge.Doc<MeetingDoc> {
  const content = copyOf(old) as MeetingDoc
  forgetErasedItems(content, erased)
  // A fresh document, not a clone: a clone would carry every change, the erased words' among them.
  return Automerge.change(Automerge.init<MeetingDoc>(), options, (doc) => {
    Object.assign(doc, content)
  })
}

/** Whether a meeting's agenda names this case (so the server rebuilds it when the case is erased). */
export function agendaNames(doc: Automerge.Doc<unknown>, caseId: string): boolean {
  return Object.values(readMeeting(doc as MeetingDoc).agenda).some((item) => item.caseId === caseId)
}

/**
 * A laptop that changed the old meeting after the heads it was rebuilt from (offline at the time,
 * or typing as it happened) must not lose what it typed: its changes since are replayed onto the
 * new document (`Automerge.diff` from `heads`, applied as patches), less every change to an item
 * about an erased case, which would write its words again. `heads` is where to replay from, by
 * `replayFrom`'s rule, as for a corrected case: the heads it was rebuilt from, or, for a copy behind
 * them, the point before this laptop's own changes the server never stored. A text the new
 * document already holds as the old copy ends is not typed into it again (`replayed-once.ts`).
 */
export function replayOntoRebuiltMeeting(
  old: Automerge.Doc<unknown>,
  heads: readonly string[],
  fresh: Automerge.Doc<MeetingDoc>,
  erased: ReadonlySet<string>,
  options: ChangeOptions,
): { doc: Automerge.Doc<MeetingDoc>; replayed: number } {
  if (!Automerge.hasHeads(old, [...heads])) return { doc: fresh, replayed: 0 }
  const aboutErased = new Set([...itemsAbout(old, erased), ...itemsAbout(Automerge.view(old, [...heads]), erased)])
  const all = Automerge.diff(old, [...heads], Automerge.getHeads(old))
  // What was typed and is on the new document already (stored with no reply to the laptop): not typed twice.
  const there = editsToTextAlreadyThere(old, fresh, all)
  const patches = all.filter((patch) => !there.has(patch) && !(patch.path[0] === 'agenda' && aboutErased.has(String(patch.path[1]))))
  if (patches.length === 0) return { doc: fresh, replayed: 0 }
  let doc = Automerge.change(fresh, options, (draft) => Automerge.applyPatches(draft, patches))
  // An item a patch moved onto an erased case (no Homeward laptop does) is forgotten all the same.
  if (holdsErasedWords(readMeeting(doc), erased)) doc = Automerge.change(doc, options, (draft) => forgetErasedItems(draft, erased))
  return { doc, replayed: patches.length }
}

/** The ids of the agenda items about these cases. */
function itemsAbout(doc: Automerge.Doc<unknown>, erased: ReadonlySet<string>): string[] {
  return Object.entries(readMeeting(doc as MeetingDoc).agenda)
    .filter(([, item]) => item.caseId !== undefined && erased.has(item.caseId))
    .map(([id]) => id)
}

/** A plain copy of a document's content: text as strings (text again when written), registers as new registers. */
function copyOf(value: unknown): unknown {
  if (value instanceof ImmutableString) return new ImmutableString(value.val)
  if (Array.isArray(value)) return value.map(copyOf)
  if (value instanceof Date || value instanceof Uint8Array) return value
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyOf(item)]))
  return value
}

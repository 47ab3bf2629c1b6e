import * as Automerge from '@automerge/automerge/slim'
import type { DocHandle, DocumentId, Repo } from '@automerge/automerge-repo/slim'
import type { FollowedCorrection } from '../../shared/api'
import { authoredBy, type ChangeOptions } from '../../shared/authorship'
import { windowReplayFrom } from '../../shared/case/changes-to-replay'
import { parseFieldPath } from '../../shared/case/correct-value'
import type { CaseDoc } from '../../shared/case/record'
import { replayAfterCorrection } from '../../shared/case/replay-after-correction'
import type { MeetingDoc } from '../../shared/meeting/meeting-doc'
import { replayOntoRebuiltMeeting } from '../../shared/meeting/rebuilt-meeting'
import type { PersonRef } from '../../shared/people'

/** Old documents this window carries over, each once. */
const carrying = new Set<string>()

/**
 * A page open on a case or meeting as it is rebuilt (a correction; a meeting on an erasure) holds
 * the old document in this window's repo: what was typed into it after the core replayed its own
 * copy onto the new one, or still on its way to the core, would be lost with the old id. This
 * window replays it onto the new document as the core does (`windowReplayFrom`: only its own
 * changes the core had not), and from then on each change still made to the old copy (a keystroke
 * in the moment before the page moves on) goes after it. `carried` is told at once and after
 * each carry (the page watches the new document, not the old, until the core holds it, `savedAs`).
 */
export async function carryOverTyping(
  repo: Repo,
  oldId: string,
  followed: FollowedCorrection,
  author: PersonRef,
  carried: (fresh: DocHandle<unknown>) => void = () => undefined,
): Promise<void> {
  const old = repo.handles[oldId as DocumentId] as DocHandle<unknown> | undefined
  if (!old?.isReady() || carrying.has(oldId) || followed.replacedBy === oldId) return
  carrying.add(oldId)
  const fresh = await repo.find<CaseDoc | MeetingDoc>(followed.replacedBy as DocumentId)
  let from = windowReplayFrom(old.doc(), followed.held, Automerge.getActorId(old.doc()))
  const replay = replayOnto(followed)
  const carry = () => {
    const doc = old.doc() as Automerge.Doc<unknown>
    const heads = Automerge.getHeads(doc)
    if (sameHeads(heads, from)) return
    const by = authoredBy(author)
    fresh.update((current) => replay(doc, from, current, by))
    from = heads
    carried(fresh)
  }
  carry()
  // Let go of whether or not there was anything to carry: the core never holds the old one again.
  carried(fresh)
  old.on('change', carry)
}

type Replay = (old: Automerge.Doc<unknown>, from: readonly string[], fresh: Automerge.Doc<CaseDoc | MeetingDoc>, by: ChangeOptions) => Automerge.Doc<CaseDoc | MeetingDoc>

/** As the core replays: a meeting less the erased case's items, a case less the corrected value written again. */
function replayOnto({ erasedCase, field }: FollowedCorrection): Replay {
  if (erasedCase !== undefined) {
    const erased = new Set([erasedCase])
    return (old, from, fresh, by) => replayOntoRebuiltMeeting(old, from, fresh as Automerge.Doc<MeetingDoc>, erased, by).doc
  }
  const corrected = parseFieldPath(field)
  return (old, from, fresh, by) => replayAfterCorrection(old, from, fresh as Automerge.Doc<CaseDoc>, corrected, by).doc
}

function sameHeads(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((head) => b.includes(head))
}

import type { Field, FieldGroup, FieldValues } from '../forms/fields'

/**
 * The toolkit's Phase 6 (Intensive support), item by item, in its words. `everyone`: the items the
 * toolkit asks for every client (access to healthcare, the move to new support services, a check
 * of the money); the others are "for some clients" or "if necessary", so the phase's checklist
 * counts only the first.
 */
export const INTENSIVE_SUPPORT_ITEMS = [
  { key: 'gp', title: 'Access to healthcare: registered with a GP', everyone: true },
  { key: 'treatment', title: 'Drug and alcohol services', everyone: false },
  { key: 'scripting', title: 'Scripting services', everyone: false },
  { key: 'floatingSupport', title: 'New support services such as floating support', everyone: true },
  { key: 'longTermAccommodation', title: 'Emergency accommodation in the home area: motivated to seek long-term accommodation', everyone: false },
  // Given all through the phase: its date is when it began, its note how it is going.
  { key: 'emotionalSupport', title: 'Emotional support and coaching during a period of great change', everyone: false },
  { key: 'moveInKit', title: 'Move-in kit, including some food and household items', everyone: false },
  { key: 'finances', title: "The client's financial situation checked", everyone: true },
  { key: 'foodBank', title: 'Referred to a local food bank', everyone: false },
  { key: 'travelCosts', title: 'Travel costs paid to get to appointments', everyone: false },
] as const
export type IntensiveSupportItem = (typeof INTENSIVE_SUPPORT_ITEMS)[number]['key']

type ItemFields<K extends string> = readonly [
  { name: `${K}On`; label: string; kind: 'date'; notFuture: true },
  { name: `${K}Note`; label: string; kind: 'paragraph'; max: number },
]

/** An item's date done and its note, each label naming the item so that it reads alone. */
function itemFields<K extends string>(item: { key: K; title: string }): ItemFields<K> {
  return [
    { name: `${item.key}On`, label: `${item.title}: done on`, kind: 'date', notFuture: true },
    { name: `${item.key}Note`, label: `${item.title}: note`, kind: 'paragraph', max: 2000 },
  ]
}

export const INTENSIVE_SUPPORT_GROUPS = INTENSIVE_SUPPORT_ITEMS.map((item) => ({
  title: item.title,
  fields: itemFields(item),
})) satisfies readonly FieldGroup[]

export const INTENSIVE_SUPPORT_FIELDS = INTENSIVE_SUPPORT_ITEMS.flatMap((item) => itemFields(item)) satisfies readonly Field[]
export type IntensiveSupport = FieldValues<typeof INTENSIVE_SUPPORT_FIELDS>

/** The date an item was done, if it was. */
export function doneOn(support: IntensiveSupport, key: IntensiveSupportItem): string | undefined {
  return (support as Record<string, string | undefined>)[`${key}On`]
}

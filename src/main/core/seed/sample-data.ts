import type { ReferrerKind } from '../../../shared/team/outreach-teams'

/**
 * Made-up people and places for sample workspaces: names in the scripts and spellings a London
 * team meets (Polish, Romanian, Irish, Icelandic, Russian, Ukrainian, Greek, Lithuanian...),
 * real local authorities and typical services. No real person is described.
 */
export const NAMES: readonly { first: readonly string[]; last: readonly string[] }[] = [
  { first: ['James', 'Sarah', 'Michael', 'Emma', 'David', 'Claire', 'Daniel', 'Lisa', 'Gary', 'Joanne'], last: ['Smith', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Roberts', 'Walker', 'Hughes', 'Clarke', 'Turner'] },
  { first: ['Łukasz', 'Katarzyna', 'Paweł', 'Agnieszka', 'Grzegorz', 'Małgorzata', 'Michał'], last: ['Wiśniewski', 'Kowalczyk', 'Wójcik', 'Zieliński', 'Lewandowska', 'Dąbrowski', 'Kamiński'] },
  { first: ['Ștefan', 'Ioana', 'Mihai', 'Andreea', 'Răzvan', 'Cristina'], last: ['Popescu', 'Ionescu', 'Dumitrescu', 'Stănescu', 'Țurcanu'] },
  { first: ['Siobhán', 'Niamh', 'Seán', 'Pádraig', 'Aoife', 'Zoë'], last: ["O'Brien-Ní Bhriain", 'Ó Súilleabháin', 'Mac Giolla Phádraig', 'Ní Dhomhnaill', "O'Connor"] },
  { first: ['Callum', 'Eilidh', 'Iain', 'Morag', 'Fraser'], last: ['MacLeod', 'Campbell', 'Fraser', 'McKenzie'] },
  { first: ['Dafydd', 'Siân', 'Rhys', 'Ffion', 'Gethin'], last: ['Jones', 'Davies', 'Llewellyn', 'Pritchard'] },
  { first: ['Ólafur', 'Guðrún', 'Þór'], last: ['Jóhannsson', 'Sigurðardóttir', 'Þorsteinsson'] },
  { first: ['Дмитрий', 'Ольга', 'Сергей', 'Анна'], last: ['Иванов', 'Петрова', 'Смирнов', 'Кузнецова'] },
  { first: ['Олександр', 'Наталія', 'Андрій'], last: ['Шевченко', 'Коваленко', 'Бондаренко'] },
  { first: ['Γιώργος', 'Ελένη', 'Νίκος'], last: ['Παπαδόπουλος', 'Κωνσταντίνου', 'Γεωργίου'] },
  { first: ['Jonas', 'Rūta', 'Tomas'], last: ['Kazlauskas', 'Petrauskienė', 'Jankauskas'] },
  { first: ['João', 'Maria', 'Conceição'], last: ['Gonçalves', 'Conceição', 'Araújo'] },
  { first: ['Abdirahman', 'Hodan', 'Yonas', 'Semhar'], last: ['Mohamed', 'Farah', 'Tesfaye', 'Ghebremedhin'] },
]

/**
 * Referring organisations, each with its kind (the report counts referrals by both): the toolkit's
 * London tri-borough's outreach teams, who refer most, and the other services that refer.
 */
export const REFERRING_ORGANISATIONS = [
  { name: 'Tower Hamlets Outreach', kind: 'outreach-team' },
  { name: 'Hackney Street Outreach', kind: 'outreach-team' },
  { name: 'City of London Outreach', kind: 'outreach-team' },
  { name: 'Thames Reach London Street Rescue', kind: 'outreach-team' },
  { name: 'The Whitechapel Mission', kind: 'day-centre' },
  { name: 'Aldgate Hostel', kind: 'hostel' },
  { name: 'Royal London Hospital discharge team', kind: 'hospital' },
  { name: 'Tower Hamlets Probation', kind: 'probation' },
] as const satisfies readonly { name: string; kind: ReferrerKind }[]

export const REFERRERS = ['Sam Reed', 'Priya Shah', 'Tom Okoro', 'Hannah Fields', 'Kwame Asante', 'Laura Brennan', 'Jas Kaur'] as const

/** Where people are usually seen, in the referring area. */
export const SITES = [
  'Whitechapel Road, by the market, early mornings',
  'Mare Street, Hackney, evenings',
  'Liverpool Street station, bedded down most nights',
  'Brick Lane, doorway near the old brewery',
  'Victoria Park, bandstand, afternoons',
  'Aldgate East, under the bridge',
] as const

export const DAY_CENTRES = ['The Whitechapel Mission', 'The Connection at St Martin-in-the-Fields', 'Hackney Winter Night Shelter day centre', 'The Bridge day centre'] as const

/** Destinations, by ONS code, with a street and postcode area for addresses there. */
export const DESTINATIONS = [
  { code: 'E08000032', streets: ['Manningham Lane', 'Leeds Road', 'Thornton Road'], postcode: 'BD' },
  { code: 'E08000035', streets: ['Roundhay Road', 'Kirkstall Road', 'Harehills Lane'], postcode: 'LS' },
  { code: 'E08000003', streets: ['Oxford Road', 'Stockport Road', 'Rochdale Road'], postcode: 'M' },
  { code: 'E08000012', streets: ['Smithdown Road', 'Scotland Road', 'Picton Road'], postcode: 'L' },
  { code: 'E08000025', streets: ['Soho Road', 'Coventry Road', 'Stratford Road'], postcode: 'B' },
  { code: 'S12000049', streets: ['Duke Street', 'Paisley Road West', 'Maryhill Road'], postcode: 'G' },
  { code: 'W06000015', streets: ['City Road', 'Cowbridge Road East', 'Clifton Street'], postcode: 'CF' },
  { code: 'E08000021', streets: ['Shields Road', 'Westgate Road', 'Elswick Road'], postcode: 'NE' },
  { code: 'E08000019', streets: ['Abbeydale Road', 'London Road', 'Spital Hill'], postcode: 'S' },
  { code: 'E06000023', streets: ['Stapleton Road', 'Gloucester Road', 'Church Road'], postcode: 'BS' },
  { code: 'E06000026', streets: ['Union Street', 'Mutley Plain', 'North Hill'], postcode: 'PL' },
  { code: 'E06000018', streets: ['Alfreton Road', 'Radford Road', 'Mansfield Road'], postcode: 'NG' },
  { code: 'S12000036', streets: ['Leith Walk', 'Gorgie Road', 'Easter Road'], postcode: 'EH' },
  { code: 'E07000121', streets: ['Penny Street', 'Bowerham Road'], postcode: 'LA' },
  { code: 'E06000043', streets: ['London Road', 'Lewes Road', 'Western Road'], postcode: 'BN' },
] as const

export const LONDON = [
  { code: 'E09000030', streets: ['Commercial Road', 'Bow Road', 'Cable Street'], postcode: 'E1' },
  { code: 'E09000012', streets: ['Kingsland Road', 'Lower Clapton Road'], postcode: 'E8' },
] as const

export const RELATIVES = ['mother', 'father', 'sister', 'brother', 'daughter', 'son'] as const

export const SUPPORT_NEEDS = [
  'Alcohol dependency; depression; poor dental health.',
  'Heroin use, on a methadone script; hepatitis C; anxiety.',
  'Schizophrenia, known to the community mental health team in the home area; not taking medication.',
  'Crack cocaine use; chronic leg ulcers; history of self-harm.',
  'Acquired brain injury after an assault; memory problems; alcohol use.',
  'Post-traumatic stress after military service; alcohol use; sleeps poorly.',
] as const

/** Grounds for priority need, as a caseworker summarises them for the covering letter. */
export const PRIORITY_NEEDS = [
  'Vulnerable because of a long history of mental illness: letter from the community mental health team enclosed.',
  'Vulnerable because of long-term drug use and poor physical health: GP letter enclosed.',
  'Vulnerable as a former member of the armed forces with post-traumatic stress: letter from the veterans’ mental health service enclosed.',
  'Vulnerable because of an acquired brain injury: hospital discharge summary enclosed.',
] as const

export const AGENCIES = [
  'Change Grow Live',
  'Turning Point',
  'the community mental health team',
  'the GP practice',
  'Shelter',
  'Citizens Advice',
  'the probation service',
  'floating support',
  'the local food bank',
  'Jobcentre Plus',
] as const

/** Case notes, as caseworkers write them. `{name}`, `{place}`, `{relative}`, `{agency}`, `{centre}` are filled in. */
export const NOTE_TEMPLATES = [
  'Met {name} at {centre}. Talked about going back to {place}; {name} says their {relative} still lives there.',
  'Phoned {agency} to check what {name} is registered with. Call back promised tomorrow.',
  'Found {name} at the usual spot; tired and low but happy to talk. Bought breakfast.',
  '{name} did not turn up at {centre} as agreed. Left a message with the outreach team.',
  'Went through the reconnection plan with {name} again, including what happens at Housing Options on the day.',
  'Spoke to {agency} in {place}: they can see {name} within a week of arriving.',
  'Helped {name} apply for a replacement birth certificate. Fee paid from the reconnection budget.',
  '{name} worried about old friends in {place}; agreed to keep away from the town centre at first.',
  'Home visit in {place}. Flat is bare but warm; delivered the move-in kit. {name} in good spirits.',
  'Call with {name}: attended the appointment with {agency}. Next one booked.',
  'Three-way call with {name} and {agency} about the tenancy. Rent arrears plan agreed.',
  'Text from {name}: missed the script collection; rang the pharmacy to sort it out.',
  'Case discussed at team meeting; agreed to keep support going another fortnight.',
] as const

export const ACTION_TEMPLATES = [
  'Call Housing Options in {place}',
  'Chase the replacement birth certificate',
  'Book the coach to {place}',
  'Arrange the methadone script transfer to {place}',
  'Send the presentation pack',
  'Refer to floating support in {place}',
  'Check Universal Credit claim has moved',
  'Visit {name} at the new address',
  'Register {name} with a GP in {place}',
  'Deliver the move-in kit',
] as const

export const LEARNING_POINTS = [
  'Early contact with the destination council made the presentation much quicker.',
  'The script transfer needed two weeks, not one: start it earlier.',
  'Travel on the day went better with a caseworker on the coach.',
  'The client needed more time to engage than we planned; no deadline helped.',
] as const

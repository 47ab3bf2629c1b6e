/**
 * The council of each local authority area, as a letter to it is addressed: "Sheffield City
 * Council", "London Borough of Camden", "Maidstone Borough Council". A council's name says what
 * kind of council it is (city, borough, district, county, metropolitan borough), which the area's
 * everyday name does not, so each kind is listed by the areas' names (as `LOCAL_AUTHORITIES` spells
 * them); councils named otherwise are written out whole. An area in none of these lists is "X
 * Council" ("Cornwall Council", "Gwynedd Council", "Fife Council"), which is also the form councils
 * use of themselves where their legal name is long. In England, the housing authority is the
 * district or unitary council, never the county council above a district.
 *
 * As at April 2023 (the areas' date), including the city status granted in 2022 (Colchester,
 * Doncaster, Milton Keynes, Southend-on-Sea).
 */

const CITY = [
  // England: unitaries, metropolitan districts and districts whose council is a city council.
  'Derby', 'Leicester', 'Nottingham', 'Stoke-on-Trent', 'Bristol', 'Plymouth', 'Peterborough', 'Southend-on-Sea', 'Milton Keynes',
  'Brighton and Hove', 'Portsmouth', 'Southampton',
  'Cambridge', 'Exeter', 'Chelmsford', 'Colchester', 'Gloucester', 'Winchester', 'Canterbury', 'Lancaster', 'Preston', 'Norwich',
  'Oxford', 'Worcester',
  'Manchester', 'Salford', 'Liverpool', 'Sheffield', 'Sunderland', 'Birmingham', 'Coventry', 'Leeds',
  // Wales: Newport; Scotland: Aberdeen, Dundee and Glasgow are named "X City" already.
  'Newport',
] as const

const BOROUGH = [
  'Hartlepool', 'Redcar and Cleveland', 'Stockton-on-Tees', 'Darlington', 'Halton', 'Warrington', 'Blackburn with Darwen', 'Swindon',
  'Luton', 'Reading', 'Slough', 'Wokingham', 'Bedford',
  'Amber Valley', 'Chesterfield', 'Erewash', 'High Peak', 'West Devon', 'Eastbourne', 'Hastings', 'Basildon', 'Brentwood', 'Castle Point',
  'Cheltenham', 'Tewkesbury', 'Basingstoke and Deane', 'Eastleigh', 'Fareham', 'Gosport', 'Havant', 'Rushmoor', 'Test Valley',
  'Broxbourne', 'Dacorum', 'Hertsmere', 'Watford', 'Ashford', 'Dartford', 'Gravesham', 'Maidstone', 'Swale', 'Tonbridge and Malling',
  'Tunbridge Wells', 'Burnley', 'Hyndburn', 'Pendle', 'Ribble Valley', 'Rossendale', 'South Ribble', 'West Lancashire', 'Charnwood',
  'Hinckley and Bosworth', 'Melton', 'Oadby and Wigston', 'Boston', 'Great Yarmouth', 'Broxtowe', 'Gedling', 'Rushcliffe',
  'East Staffordshire', 'Newcastle-under-Lyme', 'Stafford', 'Tamworth', 'Ipswich', 'Elmbridge', 'Epsom and Ewell', 'Guildford',
  'Reigate and Banstead', 'Runnymede', 'Spelthorne', 'Surrey Heath', 'Waverley', 'Woking', 'North Warwickshire', 'Nuneaton and Bedworth',
  'Rugby', 'Crawley', 'Worthing', 'Redditch', 'Welwyn Hatfield', 'Stevenage',
  'St. Helens', 'Rochdale',
  // Northern Ireland.
  'Antrim and Newtownabbey', 'Armagh City, Banbridge and Craigavon', 'Causeway Coast and Glens', 'Mid and East Antrim', 'Ards and North Down',
] as const

const DISTRICT = [
  'East Cambridgeshire', 'Fenland', 'Huntingdonshire', 'South Cambridgeshire', 'Bolsover', 'Derbyshire Dales', 'North East Derbyshire',
  'South Derbyshire', 'East Devon', 'Mid Devon', 'South Hams', 'Teignbridge', 'Torridge', 'Lewes', 'Rother', 'Wealden', 'Braintree',
  'Epping Forest', 'Maldon', 'Rochford', 'Tendring', 'Uttlesford', 'Cotswold', 'Forest of Dean', 'Stroud', 'East Hampshire', 'Hart',
  'New Forest', 'North Hertfordshire', 'Three Rivers', 'Dover', 'Sevenoaks', 'Folkestone and Hythe', 'Thanet', 'Blaby', 'Harborough',
  'North West Leicestershire', 'East Lindsey', 'North Kesteven', 'South Holland', 'South Kesteven', 'West Lindsey', 'Broadland',
  'North Norfolk', 'Ashfield', 'Bassetlaw', 'Mansfield', 'Newark and Sherwood', 'Cherwell', 'South Oxfordshire', 'Vale of White Horse',
  'West Oxfordshire', 'Cannock Chase', 'Lichfield', 'Staffordshire Moorlands', 'Babergh', 'Mid Suffolk', 'Mole Valley', 'Tandridge',
  'Stratford-on-Avon', 'Warwick', 'Adur', 'Arun', 'Chichester', 'Horsham', 'Mid Sussex', 'Bromsgrove', 'Malvern Hills', 'Wychavon',
  'Wyre Forest', 'East Hertfordshire',
  // Northern Ireland.
  'Derry City and Strabane', 'Fermanagh and Omagh', 'Mid Ulster', 'Newry, Mourne and Down',
] as const

const COUNTY = [
  'Rutland', 'Northumberland',
  'Isle of Anglesey', 'Denbighshire', 'Flintshire', 'Ceredigion', 'Pembrokeshire', 'Carmarthenshire', 'Monmouthshire', 'Powys',
] as const

const COUNTY_BOROUGH = [
  'Conwy', 'Wrexham', 'Neath Port Talbot', 'Bridgend', 'Rhondda Cynon Taf', 'Caerphilly', 'Blaenau Gwent', 'Torfaen', 'Merthyr Tydfil',
] as const

const METROPOLITAN_BOROUGH = [
  'Bolton', 'Bury', 'Oldham', 'Stockport', 'Tameside', 'Trafford', 'Wigan', 'Knowsley', 'Sefton', 'Barnsley', 'Rotherham', 'Dudley',
  'Sandwell', 'Solihull', 'Walsall', 'Gateshead', 'Calderdale',
] as const

/** Councils whose name is not the area's name and a kind. */
const NAMED: Record<string, string> = {
  'Kingston upon Hull': 'Hull City Council',
  York: 'City of York Council',
  'Windsor and Maidenhead': 'Royal Borough of Windsor and Maidenhead',
  'County Durham': 'Durham County Council',
  'Isles of Scilly': 'Council of the Isles of Scilly',
  Lincoln: 'City of Lincoln Council',
  "King's Lynn and West Norfolk": "Borough Council of King's Lynn and West Norfolk",
  'St Albans': 'St Albans City and District Council',
  Doncaster: 'City of Doncaster Council',
  'Newcastle upon Tyne': 'Newcastle City Council',
  Wolverhampton: 'City of Wolverhampton Council',
  Bradford: 'City of Bradford Metropolitan District Council',
  Wakefield: 'City of Wakefield Metropolitan District Council',
  'City of London': 'City of London Corporation',
  Westminster: 'Westminster City Council',
  Greenwich: 'Royal Borough of Greenwich',
  'Kensington and Chelsea': 'Royal Borough of Kensington and Chelsea',
  'Kingston upon Thames': 'Royal Borough of Kingston upon Thames',
  Cardiff: 'City of Cardiff Council',
  Swansea: 'City and County of Swansea Council',
  'Na h-Eileanan Siar': 'Comhairle nan Eilean Siar',
  Highland: 'The Highland Council',
  Belfast: 'Belfast City Council',
  'Lisburn and Castlereagh': 'Lisburn and Castlereagh City Council',
}

const BY_AREA = new Map<string, string>([
  ...CITY.map((area) => [area, `${area} City Council`] as const),
  ...BOROUGH.map((area) => [area, `${area.replace('St. ', 'St ')} Borough Council`] as const),
  ...DISTRICT.map((area) => [area, `${area} District Council`] as const),
  ...COUNTY.map((area) => [area, `${area} County Council`] as const),
  ...COUNTY_BOROUGH.map((area) => [area, `${area} County Borough Council`] as const),
  ...METROPOLITAN_BOROUGH.map((area) => [area, `${area} Metropolitan Borough Council`] as const),
  ...Object.entries(NAMED),
])

/** Every area named in the lists above, for the test that each is a real area, listed once. */
export const AREAS_WITH_COUNCIL_NAMES: readonly string[] = [
  ...CITY,
  ...BOROUGH,
  ...DISTRICT,
  ...COUNTY,
  ...COUNTY_BOROUGH,
  ...METROPOLITAN_BOROUGH,
  ...Object.keys(NAMED),
]

/**
 * The council of an area (by its everyday name and its ONS code). London's boroughs (E09) are "London
 * Borough of X" unless named otherwise above.
 */
export function councilOf(area: { code: string; name: string }): string {
  return BY_AREA.get(area.name) ?? (area.code.startsWith('E09') ? `London Borough of ${area.name}` : `${area.name} Council`)
}

import { describe, expect, it } from 'vitest'
import { AREAS_WITH_COUNCIL_NAMES } from './council-names'
import { councilName, LOCAL_AUTHORITIES } from './local-authority'

describe('councils by their proper names', () => {
  it.each([
    // Cities, metropolitan and not, and the cities of 2022.
    ['E08000019', 'Sheffield City Council'],
    ['E08000035', 'Leeds City Council'],
    ['E08000025', 'Birmingham City Council'],
    ['E08000003', 'Manchester City Council'],
    ['E06000023', 'Bristol City Council'],
    ['E07000071', 'Colchester City Council'],
    ['E06000042', 'Milton Keynes City Council'],
    ['E07000138', 'City of Lincoln Council'],
    ['E08000032', 'City of Bradford Metropolitan District Council'],
    ['E08000021', 'Newcastle City Council'],
    ['E06000010', 'Hull City Council'],
    // Districts and boroughs, the housing authorities under a county council.
    ['E07000110', 'Maidstone Borough Council'],
    ['E07000108', 'Dover District Council'],
    ['E07000240', 'St Albans City and District Council'],
    ['E07000146', "Borough Council of King's Lynn and West Norfolk"],
    ['E08000013', 'St Helens Borough Council'],
    ['E08000016', 'Barnsley Metropolitan Borough Council'],
    // Unitaries named "X Council".
    ['E06000052', 'Cornwall Council'],
    ['E06000047', 'Durham County Council'],
    ['E06000040', 'Royal Borough of Windsor and Maidenhead'],
    // London.
    ['E09000007', 'London Borough of Camden'],
    ['E09000030', 'London Borough of Tower Hamlets'],
    ['E09000011', 'Royal Borough of Greenwich'],
    ['E09000033', 'Westminster City Council'],
    ['E09000001', 'City of London Corporation'],
    // Wales.
    ['W06000015', 'City of Cardiff Council'],
    ['W06000002', 'Gwynedd Council'],
    ['W06000003', 'Conwy County Borough Council'],
    ['W06000023', 'Powys County Council'],
    ['W06000022', 'Newport City Council'],
    // Scotland.
    ['S12000049', 'Glasgow City Council'],
    ['S12000036', 'City of Edinburgh Council'],
    ['S12000013', 'Comhairle nan Eilean Siar'],
    ['S12000047', 'Fife Council'],
    // Northern Ireland's councils (its housing authority is the Housing Executive).
    ['N09000003', 'Belfast City Council'],
  ])('%s is %s', (code, council) => {
    expect(councilName(code)).toBe(council)
  })

  it('names every kind from a real area, each once, and never "City of X City Council"', () => {
    const areas = new Set(LOCAL_AUTHORITIES.map((authority) => authority.name))
    expect(AREAS_WITH_COUNCIL_NAMES.filter((area) => !areas.has(area))).toEqual([])
    expect(new Set(AREAS_WITH_COUNCIL_NAMES).size).toBe(AREAS_WITH_COUNCIL_NAMES.length)
    for (const authority of LOCAL_AUTHORITIES) expect(councilName(authority.code)).not.toMatch(/City City|City of .* City Council|Council Council/)
  })

  it('keeps an unknown code visible rather than guessing', () => {
    expect(councilName('E07000999')).toBe('E07000999 Council')
  })
})

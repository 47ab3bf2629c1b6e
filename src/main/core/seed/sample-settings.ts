import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { placeName } from '../../../shared/places/place-name'
import type { Agency, HousingOptionsContact, Letterhead, OutreachTeam, TeamImage } from '../../../shared/team/settings'
import { resourcesDir } from '../../pdf/resources'
import { DESTINATIONS, REFERRING_ORGANISATIONS } from './sample-data'

/**
 * The settings of a sample team: a letterhead, the organisations its cases are referred by (with
 * their kinds), and a Housing Options contact and local services
 * for every destination the sample cases go to. The organisation and services are made up; the
 * phone numbers are in Ofcom's range kept for drama (01632 960xxx, 020 7946 0xxx), and the email
 * addresses use example.org, so nothing here reaches a real person.
 */
export interface SampleSettings {
  letterhead: Letterhead
  logo: TeamImage
  housingOptions: HousingOptionsContact[]
  agencies: Agency[]
  /** The organisations the sample cases are referred by, with their kinds. */
  outreachTeams: OutreachTeam[]
}

export function sampleSettings(): SampleSettings {
  const image = (file: string): TeamImage => ({ mediaType: 'image/png', bytes: new Uint8Array(readFileSync(join(resourcesDir(), 'sample', file))) })
  let number = 100
  const phone = () => `01632 960${String(number++).padStart(3, '0')}`
  return {
    letterhead: {
      organisation: 'Homeward Trust',
      teamName: 'Safe Connections team',
      address: 'Unit 4, 12 Commercial Road\nLondon E1 1AA',
      phone: '020 7946 0321',
      email: 'safe.connections@example.org',
      charityNumber: '1100123',
    },
    logo: image('logo.png'),
    outreachTeams: REFERRING_ORGANISATIONS.map((organisation) => ({ ...organisation })),
    housingOptions: DESTINATIONS.map((place) => {
      const town = placeName(place.code)
      return {
        localAuthority: place.code,
        contactName: 'Housing Options Manager',
        teamName: 'Housing Options',
        address: `Civic Centre, 1 ${place.streets[0]}\n${town} ${place.postcode}1 1AA`,
        phone: phone(),
        email: `housing.options@${slug(town)}.example.org`,
        outOfHours: phone(),
      }
    }),
    agencies: DESTINATIONS.flatMap((place) => {
      const town = placeName(place.code)
      const street = place.streets[1] ?? place.streets[0]
      return [
        {
          name: `${town} Floating Support`,
          localAuthority: place.code,
          service: 'Help to keep your home: bills, benefits and settling in',
          address: `22 ${street}\n${town} ${place.postcode}2 3BB`,
          phone: phone(),
          openingTimes: 'Monday to Friday, 9am to 5pm',
        },
        {
          name: `${town} Recovery Service`,
          localAuthority: place.code,
          service: 'Drug and alcohol treatment and prescribing',
          address: `5 ${place.streets[0]}\n${town} ${place.postcode}3 4CC`,
          phone: phone(),
          openingTimes: 'Monday to Friday, 9am to 5pm; Thursday until 7pm',
          outOfHours: phone(),
        },
        {
          name: `${town} Community Mental Health Team`,
          localAuthority: place.code,
          service: 'Mental health support',
          address: `The Health Centre, ${street}\n${town} ${place.postcode}4 5DD`,
          phone: phone(),
          openingTimes: 'Monday to Friday, 8.30am to 5pm',
          crisis: phone(),
        },
        {
          name: `${town} Day Centre`,
          localAuthority: place.code,
          service: 'Meals, showers, laundry and advice',
          address: `St Mark's Hall, ${place.streets.at(-1)}\n${town} ${place.postcode}5 6EE`,
          phone: phone(),
          openingTimes: 'Every day, 8am to 2pm',
        },
      ]
    }),
  }
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')
}

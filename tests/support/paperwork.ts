import { sampleSettings } from '../../src/main/core/seed/sample-settings'
import { sampleSignature } from '../../src/main/core/seed/sample-signature'
import type { Workspace } from '../../src/main/core/workspace'
import * as change from '../../src/shared/case/changes'
import { referral } from './people'

export const BRADFORD = 'E08000032'

/** The manager fills in the team settings as the settings page would: letterhead, directories, logo. */
export async function setUpTeamSettings(manager: Workspace): Promise<void> {
  const sample = sampleSettings()
  manager.team.updateLetterhead(sample.letterhead)
  manager.team.saveDirectoryEntry('housingOptions', undefined, {
    localAuthority: BRADFORD,
    contactName: 'Jo Smith',
    teamName: 'Housing Options Service',
    address: 'Britannia House\nHall Ings\nBradford BD1 1HX',
    email: 'jo.smith@bradford.example.org',
    phone: '01632 960555',
    outOfHours: '01632 960556',
  })
  for (const agency of sample.agencies.filter((entry) => entry.localAuthority === BRADFORD)) manager.team.saveDirectoryEntry('agencies', undefined, agency)
  await manager.team.setImage('logo', { fileName: 'logo.png', bytes: sample.logo.bytes })
  await manager.team.setImage('signature', { fileName: 'signature.png', bytes: sampleSignature('Derek Hall').bytes })
}

/**
 * A case as it stands before the presentation: address history and family in Bradford, the plan
 * with the client's consent to share the pack and their health needs, risk assessed.
 */
export async function caseReadyForPack(ws: Workspace, clientName: string, overrides: { plan?: Record<string, unknown> } = {}): Promise<string> {
  const id = await ws.cases.create(
    referral({ clientName, chainNumber: '', referralDate: '2026-06-01', supportNeeds: 'Alcohol dependency; depression. Registered with a GP in Bradford until 2024.', criterionRoughSleeping: 'living-on-street', ukNational: 'yes', hasId: 'yes', idDetails: 'Passport', publicFunds: 'yes', publicFundsBasis: 'british-or-irish' }),
    { allowDuplicate: true },
  )
  await ws.cases.change(id, (doc, context) => {
    change.addItem(doc, 'addresses', 'home', { address: '14 Manningham Lane, Bradford', postcode: 'BD1 3EA', localAuthority: BRADFORD, kind: 'own-tenancy', from: '2019-02-01', to: '2025-06-30', evidence: 'Tenancy agreement' }, context)
    change.addItem(doc, 'addresses', 'street', { address: 'Sleeping rough, Commercial Road', localAuthority: 'E09000030', kind: 'rough-sleeping', from: '2025-06-30' }, context)
    change.addItem(doc, 'family', 'sister', { relationship: 'sister', name: 'Marta', localAuthority: BRADFORD, years: 12 }, context)
    change.updateSection(
      doc,
      'plan',
      {
        destination: BRADFORD,
        earlyContactOn: '2026-11-10',
        partSevenIntended: 'yes',
        packConsent: 'yes',
        packHealthConsent: 'yes',
        priorityNeed: 'Vulnerable because of long-term alcohol dependency and depression: GP letter enclosed.',
        presentationArrangements: 'We will arrive for 10am.',
        healthArrangements: 'Script to transfer to the Bradford recovery service on the day of travel.',
        ...overrides.plan,
      },
      context,
    )
    change.updateSection(doc, 'risk', { assessedOn: '2026-11-12', flightRisk: 'medium', otherRisks: 'Old associates near the bus station.', mitigations: 'Caseworker travels with him.' }, context)
    change.updateSection(doc, 'reconnectionDay', { date: '2026-11-26', accompaniedBy: 'Amina Okafor' }, context)
  })
  return id
}

import { useState } from 'react'
import type { ImageView } from '../../shared/api'
import { localAuthorityName } from '../../shared/places/local-authority'
import { AGENCY_FIELDS, HOUSING_OPTIONS_FIELDS, LETTERHEAD_FIELDS, type Agency, type HousingOptionsContact } from '../../shared/team/settings'
import type { Directory } from '../../shared/team/team-doc'
import { useApi, useProfile } from '../app/contexts'
import { PageHeading } from '../components/PageHeading'
import { CollectionEditor } from '../forms/CollectionEditor'
import { issuesOf } from '../forms/EditForm'
import { SectionForm } from '../forms/SectionForm'
import { useApiQuery } from '../hooks/useApiQuery'
import { readForTransfer } from '../platform/files'
import { TeamSection } from './TeamSection'
import { CaseloadWeightsForm } from '../board/CaseloadWeightsForm'

/**
 * The team's settings the paperwork draws on: the letterhead and logo, the Housing Options
 * contacts packs are addressed to, and the local services closure letters list. The manager keeps
 * them; they sync to every laptop. Everyone adds their own signature.
 */
export function SettingsPage() {
  const api = useApi()
  const profile = useProfile()
  const settings = useApiQuery('getTeamSettings', {}, 'team-changed')
  const manager = profile.role === 'manager'

  const saveEntry = (directory: Directory, id: string | undefined, values: Record<string, unknown>) =>
    api.call('saveDirectoryEntry', { directory, ...(id ? { id } : {}), values }).then(() => undefined)

  return (
    <>
      <PageHeading title="Team settings" />
      <p className="lead">
        The team this laptop syncs with, and what the presentation packs and closure letters are made from, which reach every laptop in the team.
        {!manager && ' Only the team manager can change them; you can add your own signature.'}
      </p>
      <TeamSection />
      {settings.status === 'loading' && <p className="muted">Loading…</p>}
      {settings.status === 'failed' && <p className="banner banner--warning">{settings.message}</p>}
      {settings.status === 'ready' && (
        <>
          <h2 className="subheading">On every letter</h2>
          <SectionForm
            draftKey="settings:letterhead"
            title="Letterhead"
            groups={[{ title: 'Letterhead', fields: LETTERHEAD_FIELDS }]}
            stored={settings.data.letterhead}
            readOnly={!manager}
            onSave={async (changes) => {
              const values = Object.fromEntries(Object.entries({ ...settings.data.letterhead, ...changes }).filter(([, value]) => value !== undefined))
              await api.call('updateLetterhead', { values })
            }}
          />
          <ImageSetting
            title="Logo"
            alt="The team's logo"
            hint="At the top right of every letter. A PNG or JPEG, up to 1 MB."
            image={settings.data.logo}
            which="logo"
            canChange={manager}
          />
          <ImageSetting
            title="Your signature"
            alt="Your signature"
            hint="Above your name on the letters you make. Sign on white paper, photograph or scan it, and crop it close. A PNG or JPEG, up to 1 MB."
            image={settings.data.signatures[profile.id]}
            which="signature"
            canChange
          />
          <h2 className="subheading">Directories</h2>
          <CollectionEditor<HousingOptionsContact>
            draftKey="settings:housingOptions"
            title="Housing Options contacts"
            itemName="a Housing Options contact"
            fields={HOUSING_OPTIONS_FIELDS}
            items={settings.data.housingOptions}
            readOnly={!manager}
            order={(a, b) => localAuthorityName(a.localAuthority).localeCompare(localAuthorityName(b.localAuthority), 'en-GB')}
            columns={[
              { label: 'Local authority', value: (item) => localAuthorityName(item.localAuthority) },
              { label: 'Contact', value: (item) => [item.contactName, item.teamName].filter(Boolean).join(', ') },
              { label: 'Email', value: (item) => item.email ?? '' },
            ]}
            emptyText="None yet. A presentation pack is addressed to the contact for its destination."
            onAdd={(values) => saveEntry('housingOptions', undefined, values)}
            onUpdate={(id, changes) => saveEntry('housingOptions', id, { ...settings.data.housingOptions[id], ...changes })}
            onRemove={(id) => api.call('removeDirectoryEntry', { directory: 'housingOptions', id }).then(() => undefined)}
          />
          <CollectionEditor<Agency>
            draftKey="settings:agencies"
            title="Local support services"
            itemName="a service"
            fields={AGENCY_FIELDS}
            items={settings.data.agencies}
            readOnly={!manager}
            order={(a, b) =>
              localAuthorityName(a.localAuthority).localeCompare(localAuthorityName(b.localAuthority), 'en-GB') || a.name.localeCompare(b.name, 'en-GB')
            }
            columns={[
              { label: 'Local authority', value: (item) => localAuthorityName(item.localAuthority) },
              { label: 'Service', value: (item) => [item.name, item.service].filter(Boolean).join(': ') },
              { label: 'Phone', value: (item) => item.phone ?? '' },
            ]}
            emptyText="None yet. A closure letter lists the services in the client's new area."
            onAdd={(values) => saveEntry('agencies', undefined, values)}
            onUpdate={(id, changes) => saveEntry('agencies', id, { ...settings.data.agencies[id], ...changes })}
            onRemove={(id) => api.call('removeDirectoryEntry', { directory: 'agencies', id }).then(() => undefined)}
          />
          <h2 className="subheading">Caseloads</h2>
          <CaseloadWeightsForm key={JSON.stringify(settings.data.caseloadWeights)} weights={settings.data.caseloadWeights} canChange={manager} />
        </>
      )}
    </>
  )
}

function ImageSetting(props: { title: string; alt: string; hint: string; image: ImageView | undefined; which: 'logo' | 'signature'; canChange: boolean }) {
  const api = useApi()
  const [problem, setProblem] = useState<string | undefined>()
  const inputId = `image-${props.which}`
  const set = (file: File | null) => {
    setProblem(undefined)
    const send = file ? readForTransfer(file) : Promise.resolve(null)
    send
      .then((transfer) => api.call('setTeamImage', { which: props.which, file: transfer }))
      .catch((error: unknown) => setProblem(issuesOf(error)[0]?.message))
  }
  return (
    <section className="panel section" aria-labelledby={`${inputId}-heading`}>
      <div className="section__heading">
        <h3 id={`${inputId}-heading`}>{props.title}</h3>
      </div>
      <p className="field__hint">{props.hint}</p>
      {props.image ? (
        <img className="setting-image" src={`data:${props.image.mediaType};base64,${props.image.base64}`} alt={props.alt} />
      ) : (
        <p className="muted">None yet.</p>
      )}
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
      {props.canChange && (
        <div className="actions">
          <input
            id={inputId}
            className="dropzone__input"
            type="file"
            accept=".png,.jpg,.jpeg,image/png,image/jpeg"
            onChange={(event) => {
              set(event.target.files?.[0] ?? null)
              event.target.value = ''
            }}
          />
          <label htmlFor={inputId} className="button button--secondary">
            {props.image ? 'Choose another image' : 'Choose an image'}
          </label>
          {props.image && (
            <button type="button" className="button button--secondary" onClick={() => set(null)}>
              Remove
            </button>
          )}
        </div>
      )}
    </section>
  )
}

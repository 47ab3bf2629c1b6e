import { useState } from 'react'
import { may } from '../../shared/team/permissions'
import type { ImageView } from '../../shared/api'
import { localAuthorityName } from '../../shared/places/local-authority'
import { imageSizeRefusal, LETTERHEAD_FIELDS, type Agency, type HousingOptionsContact, type OutreachTeam } from '../../shared/team/settings'
import { DIRECTORIES, type Directory } from '../../shared/team/team-doc'
import { useApi, useProfile } from '../app/contexts'
import { Problem } from '../components/form'
import { PageHeading } from '../components/PageHeading'
import { Panel } from '../components/Panel'
import { CollectionEditor, type ListColumn } from '../forms/CollectionEditor'
import { issuesOf } from '../forms/issues'
import { SectionForm } from '../forms/SectionForm'
import { useApiQuery } from '../hooks/useApiQuery'
import { readForTransfer } from '../platform/files'
import { TeamSection } from './TeamSection'
import { CaseloadWeightsForm } from '../board/CaseloadWeightsForm'
import { MergeOutreachTeams } from './MergeOutreachTeams'
import { LockAfterForm } from '../session/LockAfterForm'
import { RetentionForm } from './RetentionForm'

/**
 * The team's settings the paperwork draws on: the letterhead and logo, the Housing Options
 * contacts packs are addressed to, and the local services closure letters list; and the list of
 * outreach teams referrals come from. The manager keeps
 * them; they sync to every laptop. Everyone adds their own signature.
 */
export function SettingsPage() {
  const api = useApi()
  const profile = useProfile()
  const settings = useApiQuery('getTeamSettings', {}, 'team-changed')
  const retention = useApiQuery('retention', {}, 'team-changed')
  const manager = may(profile.role, 'change-team-settings')

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
            removes="the logo"
            canChange={manager}
          />
          <ImageSetting
            title="Your signature"
            alt="Your signature"
            hint="Above your name on the letters you make. Sign on white paper, photograph or scan it, and crop it close. A PNG or JPEG, up to 1 MB."
            image={settings.data.signatures[profile.id]}
            which="signature"
            removes="your signature"
            canChange
          />
          <h2 className="subheading">Directories</h2>
          <DirectoryEditor<HousingOptionsContact>
            directory="housingOptions"
            title="Housing Options contacts"
            itemName="a Housing Options contact"
            entries={settings.data.housingOptions}
            canChange={manager}
            order={(a, b) => localAuthorityName(a.localAuthority).localeCompare(localAuthorityName(b.localAuthority), 'en-GB')}
            columns={[
              { label: 'Local authority', value: (item) => localAuthorityName(item.localAuthority) },
              { label: 'Contact', value: (item) => [item.contactName, item.teamName].filter(Boolean).join(', ') },
              { label: 'Email', value: (item) => item.email ?? '' },
            ]}
            emptyText="None yet. A presentation pack is addressed to the contact for its destination."
          />
          <DirectoryEditor<Agency>
            directory="agencies"
            title="Local support services"
            itemName="a service"
            entries={settings.data.agencies}
            canChange={manager}
            order={(a, b) =>
              localAuthorityName(a.localAuthority).localeCompare(localAuthorityName(b.localAuthority), 'en-GB') || a.name.localeCompare(b.name, 'en-GB')
            }
            columns={[
              { label: 'Local authority', value: (item) => localAuthorityName(item.localAuthority) },
              { label: 'Service', value: (item) => [item.name, item.service].filter(Boolean).join(': ') },
              { label: 'Phone', value: (item) => item.phone ?? '' },
            ]}
            emptyText="None yet. A closure letter lists the services in the client's new area."
          />
          <DirectoryEditor<OutreachTeam>
            directory="outreachTeams"
            title="Referring organisations"
            itemName="a referring organisation"
            entries={settings.data.outreachTeams}
            canChange={manager}
            order={(a, b) => a.name.localeCompare(b.name, 'en-GB')}
            columns={[
              { label: 'Name', value: (item) => item.name },
              { label: 'Also known as', value: (item) => (item.aliases ?? []).join(', ') },
            ]}
            emptyText="None yet. A referral's referring organisation is chosen from this list, and one typed new joins it."
          />
          {manager && Object.keys(settings.data.outreachTeams).length > 1 && <MergeOutreachTeams entries={settings.data.outreachTeams} />}
          <h2 className="subheading">Caseloads</h2>
          <CaseloadWeightsForm key={JSON.stringify(settings.data.caseloadWeights)} weights={settings.data.caseloadWeights} canChange={manager} />
          <h2 className="subheading">Signing in</h2>
          <LockAfterForm minutes={settings.data.lockAfterMinutes} canChange={manager} />
          {retention.status === 'ready' && (
            <>
              <h2 className="subheading">Keeping data</h2>
              {/* Not keyed by the setting: the save's own change would remount the form and lose its "Saved". */}
              <RetentionForm retention={retention.data.retention} canChange={manager} />
            </>
          )}
        </>
      )}
    </>
  )
}

/** One of the team's directories, kept by the manager: an entry is saved whole, with the changes made to it. */
function DirectoryEditor<T extends Record<string, unknown>>(props: {
  directory: Directory
  title: string
  itemName: string
  entries: Record<string, T>
  canChange: boolean
  order: (a: T, b: T) => number
  columns: ListColumn<T>[]
  emptyText: string
}) {
  const api = useApi()
  const { directory } = props
  const save = (id: string | undefined, values: Record<string, unknown>) =>
    api.call('saveDirectoryEntry', { directory, ...(id ? { id } : {}), values }).then(() => undefined)
  return (
    <CollectionEditor<T>
      draftKey={`settings:${directory}`}
      title={props.title}
      itemName={props.itemName}
      fields={DIRECTORIES[directory]}
      items={props.entries}
      readOnly={!props.canChange}
      order={props.order}
      columns={props.columns}
      emptyText={props.emptyText}
      onAdd={(values) => save(undefined, values)}
      // Only the form's fields: what else an entry keeps (an outreach team's old names) is the core's to keep.
      onUpdate={(id, changes) => {
        const values: Record<string, unknown> = { ...props.entries[id], ...changes }
        return save(id, Object.fromEntries(DIRECTORIES[directory].map((field) => [field.name, values[field.name]]).filter(([, value]) => value !== undefined)))
      }}
      onRemove={(id) => api.call('removeDirectoryEntry', { directory, id }).then(() => undefined)}
    />
  )
}

function ImageSetting(props: { title: string; alt: string; hint: string; image: ImageView | undefined; which: 'logo' | 'signature'; removes: string; canChange: boolean }) {
  const api = useApi()
  const [problem, setProblem] = useState<string | undefined>()
  const inputId = `image-${props.which}`
  const set = (file: File | null) => {
    // Refused here, before it is read and sent: the core would refuse it too.
    const tooBig = file && imageSizeRefusal(file.size)
    setProblem(tooBig ? `${file.name}: ${tooBig}` : undefined)
    if (tooBig) return
    const send = file ? readForTransfer(file) : Promise.resolve(null)
    send
      .then((transfer) => api.call('setTeamImage', { which: props.which, file: transfer }))
      .catch((error: unknown) => setProblem(issuesOf(error)[0]?.message))
  }
  return (
    <Panel id={`${inputId}-heading`} title={props.title}>
      <p className="field__hint">{props.hint}</p>
      {props.image ? (
        <img className="setting-image" src={`data:${props.image.mediaType};base64,${props.image.base64}`} alt={props.alt} />
      ) : (
        <p className="muted">None yet.</p>
      )}
      <Problem text={problem} />
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
              {/* Two images on one page: each button names its own, for a screen reader's list of buttons. */}
              Remove<span className="visually-hidden"> {props.removes}</span>
            </button>
          )}
        </div>
      )}
    </Panel>
  )
}

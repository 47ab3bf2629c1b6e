import { randomUUID } from 'node:crypto'
import { toPlain } from '../../../shared/automerge/registers'
import { caseloadWeights } from '../../../shared/board/board'
import type { Phase } from '../../../shared/case/phases'
import { profileInputSchema, type Person } from '../../../shared/people'
import { imageSizeRefusal, type OutreachTeam, type TeamImage, type TeamSettings } from '../../../shared/team/settings'
import { lockAfterMinutes } from '../../../shared/session/idle-lock'
import { listedOrganisation } from '../../../shared/team/outreach-teams'
import { oncePerPerson, samePersonName } from '../../../shared/team/same-person-name'
import {
  addMember,
  directoryEntries,
  mapIn,
  mergeOutreachTeams,
  putDirectoryEntry,
  removeDirectoryEntry,
  setCaseloadWeights,
  setLetterhead,
  setLockAfterMinutes,
  setTeamImage,
  teamMembers,
  teamSettings,
  type Directory,
  type LearningPoint,
  type TeamDoc,
} from '../../../shared/team/team-doc'
import { requirePermission } from '../../../shared/team/permissions'
import type { IsoDate } from '../../../shared/dates'
import type { ImageView, TeamSettingsView } from '../../../shared/api'
import { validate, ValidationError } from '../../../shared/validation'
import { fromBase64, toBase64, type ApiHandlers } from '../api/handlers'
import { FileRefusedError } from '../errors'
import type { SampleSettings } from '../seed/sample-settings'
import type { LocalSettings } from '../storage/workspace-files'
import type { WorkspaceCore } from '../workspace-core'
import { savedMembership, teamPerson } from '../sync/membership'

const SETTING_PROFILE = 'profile'

/**
 * The person set up on this laptop, as its local settings keep them. Alone on a laptop (no team),
 * its person is its manager, whatever an older version let them choose.
 */
export function savedProfile(settings: LocalSettings): Person | null {
  const person = settings.get<Person>(SETTING_PROFILE)
  if (!person) return null
  return savedMembership(settings) === undefined ? { ...person, role: 'manager' } : person
}

/**
 * The team as this laptop sees it: the person using the laptop, the team's people, its settings
 * (the letterhead and directories the paperwork draws on, signatures, caseload weights) and its
 * learning log.
 */
export class Team {
  constructor(private readonly core: WorkspaceCore) {}

  /**
   * The person using this laptop: on a team's laptop, the team's person it belongs to (their name
   * and role as the team says); else the person set up on it, or null before the first run's
   * question is answered.
   */
  get profile(): Person | null {
    return teamPerson(savedMembership(this.core.settings), this.core.teamDoc()) ?? savedProfile(this.core.settings)
  }

  /** Whether this laptop is in a team (its person's name and role are then the team's to say). */
  get inTeam(): boolean {
    return savedMembership(this.core.settings) !== undefined
  }

  /**
   * Answers the first run's question on a laptop with no team: who is using it. Alone on a laptop,
   * they are its manager. A name the team already has (however it is typed: one person, one
   * member) is that member, who keeps their id, spelling and role in the team document; anyone
   * else joins it.
   */
  setProfile(input: unknown): Person {
    if (this.inTeam) throw new ValidationError([{ field: 'name', message: 'On a team’s laptop, your name and role come from the team: ask a team manager to change them' }])
    const checked = validate(profileInputSchema, input)
    if (!checked.ok) throw new ValidationError(checked.issues)
    const existing = oncePerPerson(this.members()).find((member) => samePersonName(member.name, checked.value.name))
    if (existing) {
      this.core.settings.set(SETTING_PROFILE, existing)
      return savedProfile(this.core.settings)!
    }
    const person: Person = { id: savedProfile(this.core.settings)?.id ?? randomUUID(), name: checked.value.name, role: 'manager' }
    this.core.settings.set(SETTING_PROFILE, person)
    this.core.changeTeam((team) => addMember(team, person), { author: person, now: this.core.now() })
    return person
  }

  members(): Person[] {
    return teamMembers(this.core.teamDoc().doc())
  }

  /** Adds people to the team (sample workspaces). */
  addMembers(people: Person[]): void {
    this.core.changeTeam((team) => {
      for (const person of people) addMember(team, person)
    })
  }

  /** The team's list of outreach teams (referring organisations), by name. */
  outreachTeams(): string[] {
    return this.outreachTeamEntries()
      .map((entry) => entry.name)
      .sort((a, b) => a.localeCompare(b, 'en-GB'))
  }

  /** The list's entries, with the other names each has had (for the monitoring report). */
  outreachTeamEntries(): OutreachTeam[] {
    return Object.values(directoryEntries<OutreachTeam>(this.core.teamDoc().doc(), 'outreachTeams'))
  }

  /**
   * The list's spelling of a referral's outreach team; one not on the list yet joins it. Anyone
   * may add one, as they type a referral: one organisation is then one entry, however it is typed.
   */
  knowOutreachTeam(name: string): string {
    const listed = listedOrganisation(this.outreachTeamEntries(), name)
    if (listed) return listed
    const context = this.core.context()
    this.core.changeTeam((team) => putDirectoryEntry(team, 'outreachTeams', randomUUID(), { name: name.trim() }, context.today), context)
    return name.trim()
  }

  settings(): TeamSettings {
    return teamSettings(this.core.teamDoc().doc())
  }

  /** Every phase's caseload weight, without copying the logo and every signature as `settings()` would. */
  caseloadWeights(): Record<Phase, number> {
    const saved = this.core.teamDoc().doc().settings.caseloadWeights
    return caseloadWeights(saved && toPlain<Partial<Record<Phase, number>>>(saved))
  }

  updateLetterhead(values: Record<string, unknown>): void {
    this.#changeSettings((team, today) => setLetterhead(team, values, today))
  }

  /** Adds an entry to a directory (no id) or edits one; returns its id. */
  saveDirectoryEntry(directory: Directory, id: string | undefined, values: Record<string, unknown>): string {
    const entryId = id ?? randomUUID()
    if (id !== undefined && !(id in directoryEntries(this.core.teamDoc().doc(), directory))) {
      throw new ValidationError([{ field: 'id', message: 'That entry is no longer in the directory' }])
    }
    this.#changeSettings((team, today) => putDirectoryEntry(team, directory, entryId, values, today))
    return entryId
  }

  removeDirectoryEntry(directory: Directory, id: string): void {
    this.#changeSettings((team) => removeDirectoryEntry(team, directory, id))
  }

  /** Two outreach teams on the list that are one organisation: `mergedId` goes, its names kept by `keepId`. */
  mergeOutreachTeams(mergedId: string, keepId: string): void {
    this.#changeSettings((team) => mergeOutreachTeams(team, mergedId, keepId))
  }

  setCaseloadWeights(weights: Record<Phase, number>): void {
    this.#changeSettings((team) => setCaseloadWeights(team, weights))
  }

  /** The team's "Lock after N minutes idle" (the manager's). */
  setLockAfterMinutes(minutes: number): void {
    this.#changeSettings((team) => setLockAfterMinutes(team, minutes))
  }

  /** Sets (or with null, clears) the team's logo, which is the manager's, or your own signature. */
  async setImage(which: 'logo' | 'signature', file: { fileName: string; bytes: Uint8Array } | null): Promise<void> {
    const context = this.core.context()
    if (which === 'logo') requirePermission(context.role, 'change-team-settings')
    let image: TeamImage | null = null
    if (file) {
      const tooBig = imageSizeRefusal(file.bytes.length)
      if (tooBig) throw new FileRefusedError(file.fileName, tooBig)
      // pdf-lib loads with the first file checked, not with every workspace (the command line's start).
      const { checkFile } = await import('../../pdf/file-check')
      const checked = await checkFile(file.fileName, file.bytes)
      if (checked.mediaType === 'application/pdf') throw new FileRefusedError(file.fileName, 'it is a PDF. Choose a PNG or JPEG image.')
      image = { mediaType: checked.mediaType, bytes: file.bytes }
    }
    this.core.changeTeam((team) => setTeamImage(team, which === 'logo' ? { logo: true } : { signatureOf: context.author.id }, image), context)
    await this.core.repo.flush([this.core.teamDoc().documentId])
  }

  /**
   * Sets a sample team's letterhead, directories, logo and its people's signatures (by member id) at
   * once (sample workspaces, made by whoever runs `homeward seed`).
   */
  addSampleSettings(settings: SampleSettings, signatures: Record<string, TeamImage>): void {
    const context = this.core.context()
    const { today } = context
    this.core.changeTeam((team) => {
      setLetterhead(team, settings.letterhead, today)
      for (const entry of settings.housingOptions) putDirectoryEntry(team, 'housingOptions', randomUUID(), entry, today)
      for (const agency of settings.agencies) putDirectoryEntry(team, 'agencies', randomUUID(), agency, today)
      // One organisation, one entry: one the list has already (seeded before) keeps its entry.
      const listed = Object.values(directoryEntries<OutreachTeam>(team, 'outreachTeams'))
      for (const entry of settings.outreachTeams.filter((organisation) => !listedOrganisation(listed, organisation.name))) {
        putDirectoryEntry(team, 'outreachTeams', randomUUID(), entry, today)
      }
      setTeamImage(team, { logo: true }, settings.logo)
      for (const [id, signature] of Object.entries(signatures)) setTeamImage(team, { signatureOf: id }, signature)
    }, context)
  }

  /**
   * The learning log (Tool 4, Step 11), reviewed at team meetings: the points of the cases this
   * laptop holds, each kept in its case (learning-points.ts), read from the index.
   */
  learningLog(): Record<string, LearningPoint> {
    // A case just erased leaves the team's list at once, and the index a moment later.
    const listed = mapIn(this.core.teamDoc().doc().cases)
    return Object.fromEntries(Object.entries(this.core.index.learningLog()).filter(([, point]) => point.caseId in listed))
  }

  #changeSettings(edit: (team: TeamDoc, today: IsoDate) => void): void {
    const context = this.core.context()
    requirePermission(context.role, 'change-team-settings')
    this.core.changeTeam((team) => edit(team, context.today), context)
  }

  handlers() {
    return {
      setProfile: (params) => this.setProfile(params),
      listMembers: () => this.members(),
      listOutreachTeams: () => this.outreachTeams(),
      knowOutreachTeam: ({ name }) => ({ name: this.knowOutreachTeam(name) }),
      getTeamSettings: () => settingsView(this.settings()),
      updateLetterhead: ({ values }) => {
        this.updateLetterhead(values)
        return {}
      },
      saveDirectoryEntry: ({ directory, id, values }) => ({ id: this.saveDirectoryEntry(directory, id, values) }),
      removeDirectoryEntry: ({ directory, id }) => {
        this.removeDirectoryEntry(directory, id)
        return {}
      },
      mergeOutreachTeams: ({ mergedId, keepId }) => {
        this.mergeOutreachTeams(mergedId, keepId)
        return {}
      },
      setCaseloadWeights: ({ weights }) => {
        this.setCaseloadWeights(weights)
        return {}
      },
      setLockAfterMinutes: ({ minutes }) => {
        this.setLockAfterMinutes(minutes)
        return {}
      },
      setTeamImage: async ({ which, file }) => {
        await this.setImage(which, file && { fileName: file.fileName, bytes: fromBase64(file.base64) })
        return {}
      },
    } satisfies Partial<ApiHandlers>
  }
}

function imageView(image: TeamImage): ImageView {
  return { mediaType: image.mediaType, base64: toBase64(image.bytes) }
}

function settingsView(settings: TeamSettings): TeamSettingsView {
  return {
    letterhead: settings.letterhead,
    ...(settings.logo ? { logo: imageView(settings.logo) } : {}),
    housingOptions: settings.housingOptions,
    agencies: settings.agencies,
    outreachTeams: settings.outreachTeams ?? {},
    signatures: Object.fromEntries(Object.entries(settings.signatures).map(([member, image]) => [member, imageView(image)])),
    caseloadWeights: caseloadWeights(settings.caseloadWeights),
    lockAfterMinutes: lockAfterMinutes(settings.lockAfterMinutes),
  }
}

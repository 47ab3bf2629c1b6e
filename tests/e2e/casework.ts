import type { Page } from '@playwright/test'
import { choosePin, expect } from './app'

/** Steps a caseworker takes in the window, written once for the casework journeys. */
export function casework(page: Page) {
  const nextStep = page.getByRole('region', { name: 'Next step' })
  const api = {
    /** Alone on a laptop, its person is its manager. */
    async firstRun(name: string) {
      await page.getByLabel('Your name').fill(name)
      await choosePin(page)
      await page.getByRole('button', { name: 'Continue' }).click()
    },
    async addReferral(referral: { name: string; born: string; chain?: string; referrer: string; team: string }) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Add a referral' }).click()
      await page.getByLabel('Client name').fill(referral.name)
      await page.getByLabel('Date of birth').fill(referral.born)
      if (referral.chain) await page.getByLabel('CHAIN number (if they have one)').fill(referral.chain)
      await page.getByLabel("Referrer's name").fill(referral.referrer)
      await page.getByLabel('Referring organisation').fill(referral.team)
      await page.getByRole('button', { name: 'Save referral' }).click()
      await expect(page.getByRole('heading', { level: 1, name: referral.name })).toBeVisible()
    },
    /** Opens a form section for editing, by its heading. */
    async change(section: string) {
      await page.getByRole('button', { name: `Change ${section.toLowerCase()}` }).click()
    },
    async save(section: string) {
      await page.getByRole('button', { name: `Save ${section.toLowerCase()}` }).click()
      await expect(page.getByRole('button', { name: `Change ${section.toLowerCase()}` })).toBeVisible()
    },
    /** Answers a yes/no/not known question. */
    async answer(question: string | RegExp, answer: 'Yes' | 'No' | 'Not known') {
      await page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check()
    },
    /** Types part of a council's name as a person would, key by key, and picks it from the list. */
    async chooseLocalAuthority(label: string, typed: string, name: string) {
      const box = page.getByRole('combobox', { name: label })
      await box.click()
      await box.pressSequentially(typed)
      await page.getByRole('option', { name, exact: true }).click()
      await expect(box).toHaveValue(name)
    },
    async moveOn(to: string) {
      await nextStep.getByRole('button', { name: `Move to ${to}` }).click()
      await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${to.replace(/[–]/g, '.')}`) })).toBeVisible()
    },
    /** Opens a disclosure (a <details>) in the Next step box, by its summary. */
    async open(summary: string) {
      await nextStep.locator('summary', { hasText: summary }).click()
    },
    nextStep,
  }
  return api
}

/** A date n days before today, DD/MM/YYYY. */
export function daysAgo(n: number): string {
  const date = new Date(Date.now() - n * 86_400_000)
  return `${String(date.getDate()).padStart(2, '0')}/${String(date.getMonth() + 1).padStart(2, '0')}/${date.getFullYear()}`
}

import { useState, type ReactNode } from 'react'
import { Form, FormActions } from './form'
import { Panel } from './Panel'

/** Saves what was typed: true once saved, false when it was refused (the caller shows why). */
export type SaveSetting = () => Promise<boolean>

/**
 * A team setting of figures the manager sets and everyone sees (the caseload weights, the idle
 * lock). Anyone else sees the setting itself, not boxes that look as if they could be typed in;
 * the manager a form that says "Saved" once saved, until something is typed again.
 */
export function TeamSettingForm(props: {
  id: string
  title: string
  intro?: ReactNode
  canChange: boolean
  /** What anyone but the manager sees. */
  shown: ReactNode
  saveLabel: string
  onSave: SaveSetting
  /** Buttons beside Save ("Use the defaults"), given the form's way of saving. */
  actions?: (save: (run: SaveSetting) => void) => ReactNode
  children: ReactNode
}) {
  const [saved, setSaved] = useState(false)
  if (!props.canChange) {
    return (
      <Panel id={props.id} title={props.title}>
        {props.intro}
        {props.shown}
      </Panel>
    )
  }
  const save = (run: SaveSetting) => {
    setSaved(false)
    void run().then(setSaved)
  }
  return (
    <Panel id={props.id} title={props.title}>
      {props.intro}
      {/* A field's change bubbles here: what was saved is no longer what the form holds. */}
      <Form onSubmit={() => save(props.onSave)} onChange={() => setSaved(false)}>
        {props.children}
        <FormActions label={props.saveLabel}>
          {props.actions?.(save)}
          {saved && (
            <p className="save-confirmation" role="status">
              Saved
            </p>
          )}
        </FormActions>
      </Form>
    </Panel>
  )
}

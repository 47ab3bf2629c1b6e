import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components'
import { LOCAL_AUTHORITIES } from '../../shared/places/local-authority'

/**
 * Choosing one of the UK's 361 local authority areas: type part of the name (accents and case do
 * not matter) and pick it from the list. An accessible combobox from React Aria.
 */
export function LocalAuthorityPicker(props: {
  name: string
  label: string
  value: string
  onChange: (code: string) => void
  hint?: string
  error?: string
}) {
  return (
    <ComboBox
      id={`field-${props.name}`}
      className={`field${props.error ? ' field--error' : ''}`}
      defaultItems={LOCAL_AUTHORITIES}
      selectedKey={props.value || null}
      onSelectionChange={(key) => props.onChange(key === null ? '' : String(key))}
      isInvalid={Boolean(props.error)}
      validationBehavior="aria"
      menuTrigger="focus"
    >
      <Label className="field__label">{props.label}</Label>
      {props.hint && (
        <Text slot="description" className="field__hint">
          {props.hint}
        </Text>
      )}
      <FieldError className="field__error">{props.error}</FieldError>
      <div className="combobox">
        <Input className="input input--medium combobox__input" placeholder="Start typing a council area" />
        <Button className="combobox__button" aria-label="Show local authorities">
          ▾
        </Button>
      </div>
      <Popover className="combobox__popover" placement="bottom start">
        <ListBox className="combobox__list">
          {(authority: (typeof LOCAL_AUTHORITIES)[number]) => (
            <ListBoxItem id={authority.code} textValue={authority.name} className="combobox__option">
              {authority.name}
              {authority.nation !== 'England' && <span className="combobox__nation"> ({authority.nation})</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  )
}

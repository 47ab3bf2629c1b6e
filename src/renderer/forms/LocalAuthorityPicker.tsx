import { LOCAL_AUTHORITIES } from '../../shared/places/local-authority'
import { ComboBox } from '../components/ComboBox'

const OPTIONS = LOCAL_AUTHORITIES.map((authority) => ({
  value: authority.code,
  label: authority.name,
  ...(authority.nation !== 'England' ? { detail: authority.nation } : {}),
}))

/**
 * Choosing one of the UK's 361 local authority areas: type part of the name (accents and case do
 * not matter) and pick it from the list.
 */
export function LocalAuthorityPicker(props: {
  name: string
  label: string
  value: string
  onChange: (code: string) => void
  hint?: string
  error?: string
}) {
  return <ComboBox {...props} options={OPTIONS} placeholder="Start typing a council area" />
}

/**
 * A question in place of the button that asked it ("Remove this?"): the answer that acts takes
 * focus, so keyboard and screen reader users land on it, and the other puts the button back.
 * Link-style answers by default, for a table's row; buttons where it stands on its own.
 */
export function Confirm(props: {
  question: string
  explanation?: string
  yes: string
  onYes: () => void
  no: string
  onNo: () => void
  yesClassName?: string
  noClassName?: string
}) {
  return (
    <span className="confirm" role="group" aria-label={props.question}>
      {props.explanation && <span>{props.explanation}</span>}
      <button type="button" className={props.yesClassName ?? 'link-button link-button--danger'} autoFocus onClick={props.onYes}>
        {props.yes}
      </button>
      <button type="button" className={props.noClassName ?? 'link-button'} onClick={props.onNo}>
        {props.no}
      </button>
    </span>
  )
}

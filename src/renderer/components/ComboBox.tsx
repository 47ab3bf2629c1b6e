import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { foldForSearch } from '../../shared/search/fold'

export interface ComboOption {
  value: string
  label: string
  /** Shown after the label, quieter (a council's nation). */
  detail?: string
}

/**
 * Choosing one of a long list by typing part of it (accents and case do not matter): the ARIA
 * combobox pattern, with focus kept in the text box and the option in view named by
 * aria-activedescendant. Nothing else on the page is hidden while the list is open (a modal-style
 * combobox marks the rest of the page aria-hidden, though it can still be tabbed to), so the page
 * stays whole for a screen reader. `addNew`, if given, offers what was typed as a new entry, and
 * keeps what was typed when the box is left (the option it names, or the words as they are), but
 * adds a new entry only when that is chosen: a word half-typed, or typed into a form never saved,
 * must not join a list everyone chooses from.
 *
 * The list is in the page's flow (an overlaid list covered the button below it, so a click meant for
 * the button chose "Add …"). Left by a press of the mouse elsewhere, the list closes at once, but its
 * space is kept until that press is released: the page does not move under the pointer, so the click
 * lands where it was aimed (the first click on "Save referral" was lost to the button moving up).
 */
export function ComboBox(props: {
  name: string
  label: string
  value: string
  options: readonly ComboOption[]
  onChange: (value: string) => void
  hint?: string
  error?: string
  placeholder?: string
  addNew?: { label: (typed: string) => string; onAdd: (typed: string) => void }
  /** How typed text and the options are compared: folded for search (accents and case aside) unless given. */
  fold?: (text: string) => string
  /** As wide as a council's name (the default), or the field's full width for names of any length, as a line of text is. */
  width?: 'medium' | 'full'
}) {
  const fold = props.fold ?? foldForSearch
  const id = `field-${props.name}`
  const listId = `${useId()}-options`
  const selected = props.options.find((option) => option.value === props.value)
  const [typed, setTyped] = useState<string | undefined>()
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const field = useRef<HTMLDivElement>(null)
  // The field's height with its list open, kept (as empty space) after a press elsewhere closed it, until the press ends.
  const [held, setHeld] = useState<number | undefined>()
  const pressed = useRef(false)
  useEffect(() => {
    const down = () => {
      pressed.current = true
    }
    // After the release's click (dispatched in the same task as the release), the space goes.
    const up = () => {
      pressed.current = false
      setTimeout(() => setHeld(undefined))
    }
    document.addEventListener('pointerdown', down, true)
    document.addEventListener('pointerup', up, true)
    document.addEventListener('pointercancel', up, true)
    return () => {
      document.removeEventListener('pointerdown', down, true)
      document.removeEventListener('pointerup', up, true)
      document.removeEventListener('pointercancel', up, true)
    }
  }, [])
  const text = typed ?? selected?.label ?? ''
  const words = typed === undefined ? '' : fold(typed.trim())
  const matches = words ? props.options.filter((option) => fold(option.label).includes(words)) : props.options
  const offerNew = props.addNew && typed?.trim() && !props.options.some((option) => fold(option.label) === words)
  const count = matches.length + (offerNew ? 1 : 0)
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined

  const close = () => {
    setOpen(false)
    setTyped(undefined)
  }
  const choose = (index: number) => {
    const option = matches[index]
    if (option) props.onChange(option.value)
    else if (offerNew && typed) props.addNew!.onAdd(typed.trim())
    close()
  }
  // With `addNew`, what was typed and left counts: the option it names, or the words as they are (not added).
  const commitTyped = () => {
    if (props.addNew && typed?.trim()) {
      const named = matches.findIndex((option) => fold(option.label) === words)
      if (named >= 0) return choose(named)
      props.onChange(typed.trim())
    }
    close()
  }
  // Opens on the chosen option, if there is one, so the list shows where the value stands.
  const openList = () => {
    setOpen(true)
    setActive(Math.max(0, selected ? matches.indexOf(selected) : 0))
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // ArrowDown (Alt+ArrowDown too, which the pattern names for opening without moving) opens the list.
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (!open) {
        openList()
      } else if (count > 0 && !event.altKey) {
        setActive((active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count)
      }
    } else if (event.key === 'Enter' && open) {
      // Enter picks the option in view, rather than sending the form.
      event.preventDefault()
      if (count > 0) choose(Math.min(active, count - 1))
    } else if (event.key === 'Escape' && open) {
      // With `addNew`, what was typed counts, so Escape closes the list and keeps it (a word typed is
      // never wiped by a key); without, only an option can be chosen, and Escape goes back to it.
      event.preventDefault()
      if (props.addNew) setOpen(false)
      else close()
    }
  }
  const optionId = (index: number) => `${listId}-${index}`

  return (
    <div ref={field} className={`field${props.error ? ' field--error' : ''}`} style={held === undefined ? undefined : { minHeight: held }}>
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      {props.hint && (
        <p className="field__hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.error && (
        <p className="field__error" id={errorId}>
          <span className="visually-hidden">Error: </span>
          {props.error}
        </p>
      )}
      <div className={`combobox combobox--${props.width ?? 'medium'}`}>
        <input
          ref={input}
          id={id}
          name={props.name}
          className={`input input--${props.width ?? 'medium'} combobox__input`}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && count > 0 ? optionId(Math.min(active, count - 1)) : undefined}
          aria-describedby={describedBy}
          aria-invalid={props.error ? true : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={props.placeholder}
          value={text}
          onChange={(event) => {
            setTyped(event.target.value)
            setOpen(true)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
          // A click in the box shows the choices, as a select would: the list is not only for those who type.
          onClick={() => open || openList()}
          onBlur={() => {
            // Left by a press elsewhere (not the keyboard): keep the list's space until it is released.
            if (open && pressed.current && field.current) setHeld(field.current.offsetHeight)
            commitTyped()
          }}
        />
        <button
          type="button"
          className="combobox__button"
          // The text box is the one stop for the keyboard (its arrow keys open the list): this button is for
          // the mouse. Neither it nor the list repeats the field's label, which names the text box alone.
          tabIndex={-1}
          aria-label="Show the choices"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            input.current?.focus()
            setOpen(!open)
          }}
        >
          ▾
        </button>
      </div>
      <ul role="listbox" id={listId} aria-label="Choices" className="combobox__popover combobox__list" hidden={!open}>
        {open &&
          matches.map((option, index) => (
            <li
              key={option.value}
              id={optionId(index)}
              role="option"
              aria-selected={option.value === props.value}
              className="combobox__option"
              data-focused={index === active || undefined}
              data-selected={option.value === props.value || undefined}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(index)}
            >
              {option.label}
              {option.detail && <span className="combobox__nation"> ({option.detail})</span>}
            </li>
          ))}
        {open && offerNew && (
          <li
            id={optionId(matches.length)}
            role="option"
            aria-selected={false}
            className="combobox__option combobox__option--new"
            data-focused={active === matches.length || undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(matches.length)}
          >
            {props.addNew!.label(typed!.trim())}
          </li>
        )}
      </ul>
      {open && count === 0 && <p className="field__hint">Nothing matches “{typed}”.</p>}
    </div>
  )
}

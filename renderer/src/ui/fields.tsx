import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import './fields.css';

interface FieldFrame {
  label: string;
  /** Keep the accessible name but do not draw it, for controls whose meaning the layout shows. */
  hideLabel?: boolean;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
}

/** Wires label, hint and error to one control so every control has an accessible name and its error is announced with it. */
function Field({ label, hideLabel, hint, error, className, render }: FieldFrame & { render: (a11y: ControlA11y) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {render({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

interface ControlA11y {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'type'> & FieldFrame;

export function TextField({
  label,
  hideLabel,
  hint,
  error,
  className,
  value,
  onChange,
  type = 'text',
  ...rest
}: InputProps & { value: string; onChange: (value: string) => void; type?: 'text' | 'email' | 'search' }) {
  return (
    <Field
      {...{ label, hideLabel, hint, error, className }}
      render={(a11y) => <input className="control" type={type} value={value} onChange={(e) => onChange(e.target.value)} {...a11y} {...rest} />}
    />
  );
}

/** A date as YYYY-MM-DD, or null when empty: the shape the contract uses. */
export function DateField({
  label,
  hideLabel,
  hint,
  error,
  className,
  value,
  onChange,
  ...rest
}: InputProps & { value: string | null; onChange: (value: string | null) => void }) {
  return (
    <Field
      {...{ label, hideLabel, hint, error, className }}
      render={(a11y) => (
        <input
          className="control control--date"
          type="date"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
          {...a11y}
          {...rest}
        />
      )}
    />
  );
}

export interface SelectOption<V extends string> {
  value: V;
  label: string;
  disabled?: boolean;
}

export function Select<V extends string>({
  label,
  hideLabel,
  hint,
  error,
  className,
  value,
  options,
  onChange,
  ...rest
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> &
  FieldFrame & { value: V; options: readonly SelectOption<V>[]; onChange: (value: V) => void }) {
  return (
    <Field
      {...{ label, hideLabel, hint, error, className }}
      render={(a11y) => (
        // The options are the only values this select can produce, so the cast is safe.
        <select className="control control--select" value={value} onChange={(e) => onChange(e.target.value as V)} {...a11y} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function TextArea({
  label,
  hideLabel,
  hint,
  error,
  className,
  value,
  onChange,
  ...rest
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & FieldFrame & { value: string; onChange: (value: string) => void }) {
  return (
    <Field
      {...{ label, hideLabel, hint, error, className }}
      render={(a11y) => <textarea className="control control--textarea" value={value} onChange={(e) => onChange(e.target.value)} {...a11y} {...rest} />}
    />
  );
}

/** A group of checkboxes drawn as toggle chips; each chip is a real checkbox with its own name. */
export function CheckboxChips<V extends string>({
  legend,
  options,
  selected,
  onChange,
}: {
  legend: string;
  options: readonly SelectOption<V>[];
  selected: readonly V[];
  onChange: (selected: V[]) => void;
}) {
  const toggle = (value: V, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="chips">
      <legend className="chips__legend">{legend}</legend>
      <div className="chips__options">
        {options.map((o) => (
          <label key={o.value} className="chip">
            <input type="checkbox" className="chip__input" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

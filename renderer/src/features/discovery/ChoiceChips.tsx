import { useId } from 'react';

/** One choice out of a few, drawn like the filter chips: real radio buttons, so arrows move between them. */
export function ChoiceChips<V extends string>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V;
  onChange: (value: V) => void;
}) {
  const name = useId();
  return (
    <fieldset className="chips">
      <legend className="chips__legend">{legend}</legend>
      <div className="chips__options">
        {options.map((o) => (
          <label key={o.value} className="chip">
            <input type="radio" className="chip__input" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

import { useId } from 'react';
import type { UsageMetric } from '../../store/usage-slice';

const METRICS: ReadonlyArray<{ value: UsageMetric; label: string }> = [
  { value: 'cost', label: 'Cost (USD)' },
  { value: 'tokens', label: 'Tokens' },
];

/** Cost or tokens: a pair of radio buttons drawn as a segmented control. */
export function MetricSwitch({ value, onChange }: { value: UsageMetric; onChange: (metric: UsageMetric) => void }) {
  const name = useId();
  return (
    <fieldset className="chips usage-metric">
      <legend className="visually-hidden">Measure</legend>
      <div className="chips__options">
        {METRICS.map((m) => (
          <label key={m.value} className="chip">
            <input type="radio" className="chip__input" name={name} value={m.value} checked={value === m.value} onChange={() => onChange(m.value)} />
            {m.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

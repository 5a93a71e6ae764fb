import './progress-bar.css';

export function ProgressBar({ label, value, max, valueText }: { label: string; value: number; max: number; valueText?: string }) {
  // A job that has not counted its work yet reports total 0; show it as indeterminate, not as done.
  const known = max > 0;
  const fraction = known ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div
      className={known ? 'progress' : 'progress progress--indeterminate'}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={known ? max : undefined}
      aria-valuenow={known ? value : undefined}
      aria-valuetext={valueText}
    >
      <div className="progress__fill" style={known ? { width: `${fraction * 100}%` } : undefined} />
    </div>
  );
}

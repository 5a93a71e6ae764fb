import './completeness-meter.css';

/** "5/7" with a small bar; the bar is decoration, the text carries the meaning. */
export function CompletenessMeter({ filled, total, title }: { filled: number; total: number; title?: string }) {
  const complete = filled >= total;
  return (
    <span className={complete ? 'completeness completeness--complete' : 'completeness'} title={title}>
      <span className="completeness__text">
        {filled}/{total}
      </span>
      <span className="completeness__bar" aria-hidden="true">
        <span className="completeness__fill" style={{ width: `${total > 0 ? (filled / total) * 100 : 0}%` }} />
      </span>
    </span>
  );
}

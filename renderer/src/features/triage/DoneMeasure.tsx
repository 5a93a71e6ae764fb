import { useAppStore } from '../../store/store-context';
import { doneMeasure } from './register-model';

/** The workspace's "done" measure (DESIGN.md): how many agents have all four questions answered. */
export function DoneMeasure() {
  const rows = useAppStore((s) => s.triageOverview.data);
  if (!rows) return null;
  const { done, total } = doneMeasure(rows);
  const fraction = total > 0 ? done / total : 0;
  const text = `${done} of ${total} ${total === 1 ? 'agent has' : 'agents have'} all four answers`;
  return (
    <div className="done-measure" title="Done: what it can access, what it is prevented from doing, who owns it, and how you would know within five minutes if it went wrong are all answered.">
      <span className="done-measure__text">{text}</span>
      <span className="done-measure__bar" role="meter" aria-label="Agents with all four answers" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={text}>
        <span className="done-measure__fill" style={{ width: `${fraction * 100}%` }} />
      </span>
    </div>
  );
}

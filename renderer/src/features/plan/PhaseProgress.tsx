import type { PlanPhaseProgress } from '../../../../shared/plan';
import { formatDate } from '../../ui/format-date';
import { ProgressBar } from '../../ui/ProgressBar';
import { percentText } from './plan-view';

/** "Days 1-30: the 48-hour checklist…" as a short title and its theme, so a narrow card keeps both readable. */
function phaseTitleOf(label: string): { title: string; theme: string } {
  const colon = label.indexOf(': ');
  return colon < 0 ? { title: label, theme: '' } : { title: label.slice(0, colon), theme: label.slice(colon + 2) };
}

/** One card per phase: done of total, overdue in red, and the day the phase ends. */
export function PhaseProgress({ phases }: { phases: readonly PlanPhaseProgress[] }) {
  return (
    <ul className="plan-phases" aria-label="Progress per phase">
      {phases.map((p) => (
        <li key={p.phase} className="plan-phase" aria-label={p.label}>
          <h2 className="plan-phase__label" title={p.label}>
            {phaseTitleOf(p.label).title}
            <span className="plan-phase__theme">{phaseTitleOf(p.label).theme}</span>
          </h2>
          <p className="plan-phase__figures">
            <span className="plan-phase__done">
              {p.done}/{p.total} done
            </span>
            <span className="muted">{percentText(p.done, p.total)}</span>
          </p>
          <ProgressBar label={`${p.label}: ${p.done} of ${p.total} tasks done`} value={p.done} max={Math.max(p.total, 1)} valueText={`${p.done} of ${p.total} done`} />
          <p className="plan-phase__meta">
            {p.overdue > 0 ? <span className="plan-phase__overdue">{p.overdue} overdue</span> : <span className="muted">none overdue</span>}
            {p.dueDate && <span className="muted">ends {formatDate(p.dueDate)}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}

import { useId } from 'react';
import type { AuditEntry } from '../../../../shared/contract';
import type { AgentFlag, Completeness } from '../../../../shared/registry';
import { agentFieldLabel, FLAG_SHORT_LABELS, FLAG_TONES, flagExplanation, registryFieldLabel } from '../../domain/agent-labels';
import { formatDateTime } from '../../ui/format-date';
import { Badge } from '../../ui/Badge';
import { CompletenessMeter } from '../../ui/CompletenessMeter';

export function CompletenessCard({ completeness }: { completeness: Completeness }) {
  const titleId = useId();
  return (
    <section className="side-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="side-card__title">
        Step 0 completeness
      </h2>
      <div className="side-card__row">
        <span>
          {completeness.filled} of {completeness.total} registry fields
        </span>
        <CompletenessMeter filled={completeness.filled} total={completeness.total} />
      </div>
      {completeness.missing.length > 0 ? (
        <div>
          <p className="side-card__label">Missing</p>
          <ul className="side-card__list">
            {completeness.missing.map((key) => (
              <li key={key}>{registryFieldLabel(key)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">Every registry field is filled.</p>
      )}
    </section>
  );
}

export function FlagsCard({ flags }: { flags: readonly AgentFlag[] }) {
  const titleId = useId();
  return (
    <section className="side-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="side-card__title">
        Flags
      </h2>
      {flags.length === 0 ? (
        <p className="muted">No flags.</p>
      ) : (
        <ul className="side-card__flags">
          {flags.map((flag) => (
            <li key={flag}>
              <Badge tone={FLAG_TONES[flag]}>{FLAG_SHORT_LABELS[flag]}</Badge>
              <span>{flagExplanation(flag)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Values come from people and imported files: rendered as text, never as markup. */
function AuditValue({ value }: { value: string | null }) {
  return value === null || value === '' ? <span className="muted">empty</span> : <span className="audit__value">{value}</span>;
}

export function AuditLog({ entries, isNew }: { entries: readonly AuditEntry[]; isNew: boolean }) {
  const titleId = useId();
  const newestFirst = [...entries].sort((a, b) => b.id - a.id);
  return (
    <section className="side-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="side-card__title">
        Audit log
      </h2>
      {isNew ? (
        <p className="muted">The audit log starts when the agent is created.</p>
      ) : newestFirst.length === 0 ? (
        <p className="muted">No changes recorded yet.</p>
      ) : (
        <ol className="audit">
          {newestFirst.map((entry) => (
            <li key={entry.id} className="audit__entry">
              <div className="audit__meta">
                <time dateTime={entry.at} title={entry.at}>
                  {formatDateTime(entry.at)}
                </time>
                <span>{entry.actor}</span>
                <span className="audit__via">via {entry.via}</span>
              </div>
              <div className="audit__change">
                <span className="audit__field">{agentFieldLabel(entry.field)}</span>
                <span className="audit__diff">
                  <AuditValue value={entry.before} /> <span aria-label="changed to">→</span> <AuditValue value={entry.after} />
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import { useEffect, useId } from 'react';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { formatDate } from '../../ui/format-date';
import { DRIFT_CHANGE_LABELS, driftGroups, driftTone } from './drift-view';
import './review.css';

/** What changed since the last review: new reach first (write access, credentials, capabilities, endpoints), removals in grey, and spend. */
export function DriftCard({ agentId }: { agentId: string }) {
  const drift = useAppStore((s) => (s.drift?.agentId === agentId ? s.drift : null));
  const loadDrift = useAppStore((s) => s.loadDrift);
  // A finished import (made from this page through the Import dialog) can change any fact: read again.
  const importFinished = useAppStore((s) => s.fileImportRecords);
  const titleId = useId();

  // Shares one read with the review panel when both are on the page.
  useEffect(() => {
    void loadDrift(agentId);
  }, [agentId, loadDrift, importFinished]);

  const value = drift?.value ?? null;
  const last = value?.lastReview ?? null;
  const groups = value ? driftGroups(value.changes) : [];
  return (
    <section className="side-card drift-card" aria-labelledby={titleId}>
      <h2 id={titleId} className="side-card__title">
        {last ? `Changes since last review ${formatDate(last.at)}` : 'Changes since last review'}
      </h2>
      {drift?.error ? (
        <p className="muted">Could not read the changes: {drift.error}</p>
      ) : !value ? (
        <p className="muted" aria-busy="true">
          Reading…
        </p>
      ) : !last ? (
        <p className="muted">Never reviewed: mark reviewed to set a baseline.</p>
      ) : (
        <>
          {groups.length === 0 ? (
            <p className="muted">No changes since the review.</p>
          ) : (
            <div className="drift-card__groups">
              {groups.map((group) => (
                <div key={group.kind} className="drift-card__group">
                  <h3 className="side-card__label">{group.title}</h3>
                  <ul className="drift-card__changes" aria-label={group.title}>
                    {group.changes.map((c, i) => (
                      <li key={`${c.change}:${c.detail}:${i}`} className={c.change === 'removed' ? 'drift-card__change drift-card__change--removed' : 'drift-card__change'}>
                        <Badge tone={driftTone(c)}>{DRIFT_CHANGE_LABELS[c.change]}</Badge>
                        <span className="drift-card__detail">{c.detail}</span>
                        {c.evidence && (
                          <span className="drift-card__evidence muted" title={c.evidence}>
                            {c.evidence}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          )}
          {value.spend && (
            <div className="drift-card__group">
              <h3 className="side-card__label">Spend ({value.spend.metric === 'cost' ? 'cost' : 'tokens'} per day)</h3>
              <p className="drift-card__spend">
                <span>{value.spend.summary}</span>
                {value.spend.changePct !== null && value.spend.changePct >= 0.25 && <Badge tone="warning">Up {Math.round(value.spend.changePct * 100)}%</Badge>}
              </p>
            </div>
          )}
        </>
      )}
    </section>
  );
}

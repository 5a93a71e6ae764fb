import { useId } from 'react';
import { ACCESS_LEVEL_LABELS, RISK_CLASS_LABELS } from '../../../../shared/iam';
import { hrefOf } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { ENVIRONMENT_LABELS, ENVIRONMENT_TONES, SENSITIVITY_LABELS, SENSITIVITY_TONES } from '../blast-radius/blast-labels';

/** What the agent's credentials reach, from the dossier: the numbers, the worst paths, and what is missing. */
export function BlastRadiusCard({ agentId }: { agentId: string }) {
  const dossier = useAppStore((s) => (s.dossier?.agentId === agentId ? s.dossier : null));
  const openFileImport = useAppStore((s) => s.openFileImport);
  const titleId = useId();
  const graph = hrefOf({ page: 'blast-radius', tab: 'agents', subject: { kind: 'agent', agentId } });
  const summary = dossier?.value?.blastRadius;
  return (
    <section className="side-card" aria-labelledby={titleId}>
      <div className="side-card__row">
        <h2 id={titleId} className="side-card__title">
          Blast radius
        </h2>
        <a href={graph} className="side-card__link">
          Open the graph
        </a>
      </div>
      {dossier?.error ? (
        <p className="muted">Could not read the blast radius: {dossier.error}</p>
      ) : !summary ? (
        <p className="muted" aria-busy="true">
          Reading…
        </p>
      ) : (
        <>
          <p>
            Reaches <strong>{summary.dataSources}</strong> {summary.dataSources === 1 ? 'data source' : 'data sources'}
          </p>
          {summary.bySensitivity.length > 0 && (
            <ul className="side-card__list blast-card__counts" aria-label="Data sources by sensitivity and access">
              {summary.bySensitivity.map((s) => (
                <li key={`${s.sensitivity}:${s.access}`}>
                  {s.count} {SENSITIVITY_LABELS[s.sensitivity].toLowerCase()} · {ACCESS_LEVEL_LABELS[s.access].toLowerCase()}
                </li>
              ))}
            </ul>
          )}
          {summary.riskClasses.length > 0 && (
            <div className="blast-card__badges" aria-label="Risk classes">
              {summary.riskClasses.map((r) => (
                <Badge key={r} tone="danger">
                  {RISK_CLASS_LABELS[r]}
                </Badge>
              ))}
            </div>
          )}
          {summary.worstPaths.length > 0 && (
            <div>
              <p className="side-card__label">Worst paths</p>
              <ol className="blast-card__paths">
                {summary.worstPaths.slice(0, 5).map((p, i) => (
                  <li key={`${p.dataSourceKey}#${i}`}>
                    <span className="blast-card__target" title={p.dataSourceKey}>
                      {p.dataSourceName}
                    </span>
                    <span className="blast-card__path-meta">
                      <Badge tone={ENVIRONMENT_TONES[p.environment]}>{ENVIRONMENT_LABELS[p.environment]}</Badge>
                      <Badge tone={SENSITIVITY_TONES[p.sensitivity]}>{SENSITIVITY_LABELS[p.sensitivity]}</Badge>
                      <span>
                        {ACCESS_LEVEL_LABELS[p.access]}
                        {p.conditional ? ' (conditional)' : ''}
                      </span>
                    </span>
                    <span className="muted blast-card__via">via {p.principals.join(' → ')}</span>
                  </li>
                ))}
              </ol>
            </div>
          )}
          {summary.gaps.length > 0 && (
            <div className="blast-card__gaps">
              <p className="side-card__label">Missing</p>
              <ul className="side-card__list">
                {summary.gaps.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
              <button type="button" className="link-button" onClick={openFileImport}>
                Import IAM exports…
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

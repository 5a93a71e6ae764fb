import { useId, useState } from 'react';
import type { BlastPath } from '../../../../shared/blast-radius';
import { ACCESS_LEVEL_LABELS, RISK_CLASS_LABELS } from '../../../../shared/iam';
import { Badge } from '../../ui/Badge';
import { DataTable, type Column } from '../../ui/DataTable';
import { ENVIRONMENT_LABELS, ENVIRONMENT_TONES, SENSITIVITY_LABELS, SENSITIVITY_TONES } from './blast-labels';
import { useCanvas } from './graph/canvas-store';

const viaText = (p: BlastPath) => p.via.map((v) => `${v.policy} · ${v.statement}`).join('; ');

const COLUMNS: readonly Column<BlastPath, never>[] = [
  { key: 'agent', header: 'Agent', minWidth: 120, grow: 1, render: (p) => <span className="cell-text agent-name">{p.agentName}</span> },
  { key: 'credential', header: 'Credential', minWidth: 140, grow: 1, render: (p) => <span className="cell-text" title={p.credential}>{p.credential}</span> },
  { key: 'principals', header: 'Principal chain', minWidth: 170, grow: 2, render: (p) => <span className="cell-text" title={p.principals.join(' → ')}>{p.principals.join(' → ')}</span> },
  { key: 'data', header: 'Data source', minWidth: 150, grow: 2, render: (p) => <span className="cell-text" title={p.dataSourceKey}>{p.dataSourceName}</span> },
  { key: 'env', header: 'Environment', minWidth: 104, render: (p) => <Badge tone={ENVIRONMENT_TONES[p.environment]}>{ENVIRONMENT_LABELS[p.environment]}</Badge> },
  { key: 'sens', header: 'Sensitivity', minWidth: 104, render: (p) => <Badge tone={SENSITIVITY_TONES[p.sensitivity]}>{SENSITIVITY_LABELS[p.sensitivity]}</Badge> },
  {
    key: 'access',
    header: 'Access',
    minWidth: 120,
    render: (p) => (
      <span className="cell-text">
        {ACCESS_LEVEL_LABELS[p.access]}
        {p.conditional && <span className="muted"> (conditional)</span>}
      </span>
    ),
  },
  { key: 'risk', header: 'Risk classes', minWidth: 150, grow: 1, render: (p) => <span className="cell-text" title={p.riskClasses.map((r) => RISK_CLASS_LABELS[r]).join(', ')}>{p.riskClasses.map((r) => RISK_CLASS_LABELS[r]).join(', ') || <span className="muted">None</span>}</span> },
  { key: 'via', header: 'Via', minWidth: 160, grow: 1, render: (p) => <span className="cell-text mono" title={viaText(p)}>{viaText(p)}</span> },
];

const pathKey = (p: BlastPath) => `${p.agentId}|${p.credential}|${p.principals.join('>')}|${p.dataSourceKey}|${p.access}`;

/** The same paths as the graph, worst first; the fallback at any size. A row opens its statements below. */
export function PathTable() {
  const paths = useCanvas((s) => s.radius.paths);
  const [selected, setSelected] = useState<BlastPath | null>(null);
  return (
    <div className="br-paths">
      <p className="muted">Worst first. Select a row (click, or arrows and Enter) to read the policy statements that give the access.</p>
      <div className="br-paths__table">
        <DataTable label="Paths" rows={paths} columns={COLUMNS} rowKey={pathKey} onOpen={setSelected} />
      </div>
      {selected && <PathDetails path={selected} onClose={() => setSelected(null)} />}
    </div>
  );
}

function PathDetails({ path, onClose }: { path: BlastPath; onClose: () => void }) {
  const titleId = useId();
  return (
    <section className="br-path-details" aria-labelledby={titleId}>
      <div className="br-path-details__head">
        <h3 id={titleId}>
          {path.agentName} → {path.dataSourceName}
        </h3>
        <button type="button" className="dismiss-button" onClick={onClose} aria-label="Close the path details">
          ×
        </button>
      </div>
      <p>
        <span className="muted">Holds</span> {path.credential} <span className="muted">→ as</span> {path.principals.join(' → ')} <span className="muted">→</span> {ACCESS_LEVEL_LABELS[path.access]}
        {path.conditional ? ' (only under a condition)' : ''} <span className="muted">on</span> <span className="mono">{path.dataSourceKey}</span>
      </p>
      <h4 className="br-path-details__via">Via</h4>
      {path.via.length === 0 ? (
        <p className="muted">The engine named no statement for this path.</p>
      ) : (
        <ul className="br-path-details__statements">
          {path.via.map((v, i) => (
            <li key={`${v.policyKey}#${v.statement}#${i}`}>
              <details>
                <summary>
                  <strong>{v.policy}</strong> · statement {v.statement}
                </summary>
                <pre className="br-statement">{v.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

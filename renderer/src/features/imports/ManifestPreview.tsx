import { Fragment } from 'react';
import { MANIFEST_FIELD_LABELS, isEmptyManifestDiff, type ManifestDiff, type ManifestFieldChange } from '../../../../shared/manifest';
import { Badge } from '../../ui/Badge';
import './manifest-preview.css';

/** Enough to review by; a manifest from another period with thousands of changes is narrowed by fixing the file, not by scrolling. */
const CHANGES_SHOWN = 500;

/**
 * An agents manifest's part of the Import dialog: per agent, every field where the file and the
 * workspace differ, and whether importing applies it (a person's declaration: owner, trigger,
 * budget, attested review) or only shows it (what scans, IAM exports and usage observed).
 */
export function ManifestPreview({ fileName, diff }: { fileName: string; diff: ManifestDiff }) {
  const changes = diff.changed.reduce((n, a) => n + a.changes.length, 0);
  const shownPerAgent = shownChanges(diff);
  return (
    <div className="manifest-preview">
      <dl className="import-totals" aria-label={`Summary of ${fileName}`}>
        <Total label="Agents changed" value={diff.changed.length} />
        <Total label="Unchanged" value={diff.unchanged} />
        <Total label="To apply" value={diff.applicable} />
        <Total label="Only in manifest" value={diff.onlyInManifest.length} />
        <Total label="Only in workspace" value={diff.onlyInWorkspace.length} />
      </dl>
      {isEmptyManifestDiff(diff) ? (
        <p className="muted">The manifest says what the workspace says; importing changes nothing.</p>
      ) : (
        <p className="muted manifest-preview__rule">
          Importing applies owner, trigger, daily budget and an attested review; credentials, data access, endpoints, irreversible actions and code are what the app observed, so they are shown and left as they are.
        </p>
      )}
      {diff.changed.length > 0 && (
        <div className="manifest-preview__scroll">
          <table className="simple-table manifest-preview__table" aria-label={`Differences between ${fileName} and the workspace`}>
            <colgroup>
              <col className="manifest-preview__col-agent" />
              <col className="manifest-preview__col-field" />
              <col />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col">Field</th>
                <th scope="col">In the workspace</th>
                <th scope="col">In the manifest</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.map((agent, index) => {
                const shown = shownPerAgent[index]!;
                return (
                  <Fragment key={agent.agentId}>
                    {shown.map((c, i) => (
                      <tr key={i} className="manifest-preview__change" data-agent={agent.name}>
                        {i === 0 && (
                          <th scope="rowgroup" rowSpan={shown.length} className="manifest-preview__agent">
                            {agent.name}
                          </th>
                        )}
                        <td className="manifest-preview__field">
                          <div className="manifest-preview__field-head">
                            {MANIFEST_FIELD_LABELS[c.field]} <OnImport change={c} />
                          </div>
                          {/* A credential or endpoint is its own value; a data source's value is its access level, so it is named here. */}
                          {c.item && c.item !== c.workspace && c.item !== c.manifest && <div className="mono manifest-preview__item">{c.item}</div>}
                        </td>
                        <td>
                          <Value value={c.workspace} absent={c.item === null ? 'none' : 'not in the workspace'} />
                        </td>
                        <td>
                          <Value value={c.manifest} absent={c.item === null ? 'none' : 'not in the manifest'} />
                        </td>
                      </tr>
                    ))}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {changes > CHANGES_SHOWN && (
        <p className="muted">
          Showing the first {CHANGES_SHOWN} of {changes} differences.
        </p>
      )}
      <AgentList title="Only in the manifest (not created by importing)" agents={diff.onlyInManifest.map((a) => a.name)} />
      <AgentList title="Only in the workspace (not in the manifest)" agents={diff.onlyInWorkspace.map((a) => a.name)} />
      <AgentList title="Found in code, awaiting review, not in the manifest" agents={diff.unconfirmedNotInManifest.map((u) => u.name)} />
    </div>
  );
}

/** Each agent's changes, cut so that all of them together stay within CHANGES_SHOWN. */
function shownChanges(diff: ManifestDiff): ManifestFieldChange[][] {
  let left = CHANGES_SHOWN;
  return diff.changed.map((agent) => {
    const shown = agent.changes.slice(0, Math.max(0, left));
    left -= shown.length;
    return shown;
  });
}

function Total({ label, value }: { label: string; value: number }) {
  return (
    <div className="import-totals__item">
      <dt>{label}</dt>
      <dd>{value.toLocaleString()}</dd>
    </div>
  );
}

function Value({ value, absent }: { value: string | null; absent: string }) {
  return value === null ? <span className="muted">{absent}</span> : <span className="manifest-preview__value">{value}</span>;
}

function OnImport({ change }: { change: ManifestFieldChange }) {
  if (change.applies) return <Badge tone="accent">Applies</Badge>;
  return (
    <Badge tone="muted" title="Observed by the app from scans, IAM exports or usage: a manifest does not change it">
      Shown only
    </Badge>
  );
}

function AgentList({ title, agents }: { title: string; agents: string[] }) {
  if (agents.length === 0) return null;
  return (
    <section className="manifest-preview__agents" aria-label={title}>
      <h4>
        {title} <span className="muted">({agents.length})</span>
      </h4>
      <p>{agents.slice(0, 50).join(', ') + (agents.length > 50 ? ` and ${agents.length - 50} more` : '')}</p>
    </section>
  );
}

import { useEffect, useState } from 'react';
import { REVIEW_STATUS_LABELS, REVIEW_STATUSES } from '../../../../shared/answer-card';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Select } from '../../ui/fields';
import { Spinner } from '../../ui/Spinner';
import { IrreversibleTable } from './IrreversibleTable';
import { countByStatus, filterRegister, type RegisterFilter } from './register-model';

const STATUS_OPTIONS = [{ value: 'all' as const, label: 'Every review status' }, ...REVIEW_STATUSES.map((value) => ({ value, label: REVIEW_STATUS_LABELS[value] }))];

/** Every agent x action that cannot be undone within five minutes, with its human review and the evidence; unreviewed first. */
export function IrreversibleRegister() {
  const { data, loading, error } = useAppStore((s) => s.irreversibleRegister);
  const load = useAppStore((s) => s.loadIrreversibleRegister);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const importsDone = useAppStore((s) => s.fileImportRecords);
  const [filter, setFilter] = useState<RegisterFilter>({ status: 'all', text: '' });

  useEffect(() => {
    if (workspacePath) void load();
  }, [workspacePath, importsDone, load]);

  if (error && !data) {
    return (
      <>
        <ErrorBanner title="Could not read the register">{error}</ErrorBanner>
        <div>
          <Button onClick={() => void load()}>Try again</Button>
        </div>
      </>
    );
  }
  if (!data) {
    return (
      <p className="muted triage__loading">
        <Spinner /> Reading every agent’s irreversible actions…
      </p>
    );
  }
  if (data.length === 0) {
    return (
      <EmptyState title="No irreversible actions found">
        <p>No agent’s scanned code deletes, writes, exports, pays or messages outside, and no credential allows a write to a production store. Scan repositories and import IAM exports to fill the register.</p>
      </EmptyState>
    );
  }
  const counts = countByStatus(data);
  const shown = filterRegister(data, filter);
  return (
    <section className="register">
      {error && <ErrorBanner title="Could not refresh the register">{error}</ErrorBanner>}
      <div className="register__bar">
        <p className="register__counts">
          <strong className={counts.unreviewed > 0 ? 'register__unreviewed' : undefined}>{counts.unreviewed} unreviewed</strong> · {counts.attested} attested · {counts['reviewed-in-code']} reviewed in code
        </p>
        <div className="register__filters">
          <input
            type="search"
            className="control register__search"
            aria-label="Filter actions"
            placeholder="Filter by agent, owner, action, file…"
            value={filter.text}
            onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
          />
          <Select label="Review status" hideLabel value={filter.status} options={STATUS_OPTIONS} onChange={(status) => setFilter((f) => ({ ...f, status }))} />
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="muted">No action matches the filter.</p>
      ) : (
        <IrreversibleTable label="Irreversible actions register" rows={shown} withAgent />
      )}
      {loading && <Spinner />}
    </section>
  );
}

import type { DataSourceSummary } from '../../../../shared/contract';
import { ACCESS_LEVEL_LABELS } from '../../../../shared/iam';
import { navigate } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { DataTable, type Column } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Button } from '../../ui/Button';
import { ENVIRONMENT_LABELS, ENVIRONMENT_TONES, SENSITIVITY_LABELS, SENSITIVITY_TONES } from './blast-labels';
import { DataSourceFilters } from './SubjectLists';

export function classifiedByText(d: Pick<DataSourceSummary, 'classifiedBy' | 'because'>): string {
  if (d.classifiedBy === 'person') return d.because ? `Person: ${d.because}` : 'Person';
  if (d.classifiedBy === 'rule') return d.because ? `Rule: ${d.because}` : 'Rule';
  return 'No rule matched';
}

const COLUMNS: readonly Column<DataSourceSummary, never>[] = [
  {
    key: 'name',
    header: 'Data source',
    minWidth: 200,
    grow: 2,
    render: (d) => (
      <span className="cell-text" title={d.key}>
        <span className="agent-name">{d.name}</span>
        {d.wildcard && <span className="muted"> (wildcard)</span>}
      </span>
    ),
  },
  { key: 'service', header: 'Service', minWidth: 110, render: (d) => <span className="cell-text">{`${d.provider} ${d.service}`}</span> },
  { key: 'scope', header: 'Account / project', minWidth: 130, grow: 1, render: (d) => <span className="cell-text mono">{d.scope || '—'}</span> },
  { key: 'environment', header: 'Environment', minWidth: 110, render: (d) => <Badge tone={ENVIRONMENT_TONES[d.environment]}>{ENVIRONMENT_LABELS[d.environment]}</Badge> },
  { key: 'sensitivity', header: 'Sensitivity', minWidth: 110, render: (d) => <Badge tone={SENSITIVITY_TONES[d.sensitivity]}>{SENSITIVITY_LABELS[d.sensitivity]}</Badge> },
  {
    key: 'classified',
    header: 'Classified by',
    minWidth: 160,
    grow: 1,
    render: (d) => (
      <span className={d.classifiedBy === 'none' ? 'cell-text muted' : 'cell-text'} title={classifiedByText(d)}>
        {classifiedByText(d)}
      </span>
    ),
  },
  {
    key: 'reach',
    header: 'Reached by',
    minWidth: 150,
    render: (d) => (
      <span className="cell-text">
        {d.agentCount} {d.agentCount === 1 ? 'agent' : 'agents'}, {d.principalCount} {d.principalCount === 1 ? 'principal' : 'principals'}
      </span>
    ),
  },
  {
    key: 'access',
    header: 'Highest access',
    minWidth: 120,
    render: (d) => (d.highestAccess ? <span className="cell-text">{ACCESS_LEVEL_LABELS[d.highestAccess]}</span> : <span className="muted">None</span>),
  },
];

const keyOf = (d: DataSourceSummary) => d.key;
const open = (d: DataSourceSummary) => void navigate({ page: 'blast-radius', tab: 'data-sources', subject: { kind: 'data-source', key: d.key } });

/** Every data source the imports named: how it is classified and by whom, and who reaches it. A row opens its reverse view. */
export function DataSourcesTable() {
  const sources = useAppStore((s) => s.dataSources);
  const loading = useAppStore((s) => s.dataSourcesLoading);
  const error = useAppStore((s) => s.dataSourcesError);
  const filters = useAppStore((s) => s.dataSourceFilters);
  const openFileImport = useAppStore((s) => s.openFileImport);
  const filtered = filters.text.trim() !== '' || filters.sensitivity !== null || filters.environment !== null;
  if (sources && sources.length === 0 && !filtered && !loading) {
    return (
      <EmptyState title="No data sources yet" actions={<Button variant="primary" onClick={openFileImport}>Import files…</Button>}>
        <p>Data sources come from cloud IAM exports: AWS authorization details, GCP IAM policies, Azure role assignments, Kubernetes RBAC.</p>
      </EmptyState>
    );
  }
  return (
    <div className="blast-sources">
      <div className="blast-sources__head">
        <DataSourceFilters />
        {sources && (
          <p className="muted" aria-live="polite">
            {sources.length} {sources.length === 1 ? 'data source' : 'data sources'}
          </p>
        )}
      </div>
      {error && <ErrorBanner title="Could not load the data sources">{error}</ErrorBanner>}
      <p className="muted">Open a data source to see every agent that reaches it, and to change its environment or sensitivity.</p>
      <div className="blast-sources__table">
        <DataTable label="Data sources" rows={sources ?? []} columns={COLUMNS} rowKey={keyOf} onOpen={open} busy={loading} emptyText={<p>No data source matches these filters.</p>} />
      </div>
    </div>
  );
}

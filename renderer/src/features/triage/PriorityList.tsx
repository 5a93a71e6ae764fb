import type { TriageRow } from '../../../../shared/checklist';
import { navigate } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Spinner } from '../../ui/Spinner';
import { RiskMatrix } from './RiskMatrix';
import { irreversibleTitle, TierBadge } from './RiskParts';
import { monitoringGapText, scoreText, sensitivityText, volumeText } from './triage-labels';

const text = (value: string, title?: string, className = 'cell-text') => (
  <span className={className} title={title}>
    {value}
  </span>
);

const COLUMNS: readonly Column<TriageRow, never>[] = [
  { key: 'tier', header: 'Tier', minWidth: 44, render: (r) => <TierBadge risk={r.risk} /> },
  {
    key: 'name',
    header: 'Agent',
    minWidth: 150,
    grow: 1,
    render: (r) => (
      <span className="cell-text triage-list__agent" title={r.owner ? `${r.name}, owned by ${r.owner}` : `${r.name}, no owner`}>
        <span className="triage-list__name">{r.name}</span>
        <span className="triage-list__owner">{r.owner ?? 'no owner'}</span>
      </span>
    ),
  },
  { key: 'score', header: 'Score', headerTitle: 'Sensitivity × monitoring gap (unknown sensitivity counts as 0.5)', minWidth: 52, render: (r) => text(scoreText(r.risk.score), undefined, 'cell-text triage-num') },
  { key: 'sensitivity', header: 'Sensitivity', minWidth: 80, render: (r) => text(sensitivityText(r.risk), r.risk.sensitivityBecause, r.risk.sensitivity === null ? 'cell-text muted' : 'cell-text triage-num') },
  { key: 'gap', header: 'Monitoring gap', minWidth: 100, render: (r) => text(monitoringGapText(r.risk.monitoringGap), r.risk.monitoringBecause, 'cell-text triage-num') },
  { key: 'irreversible', header: 'Irrev.', headerTitle: irreversibleTitle, minWidth: 56, render: (r) => text(String(r.risk.irreversibleUnreviewed), irreversibleTitle, 'cell-text triage-num') },
  {
    key: 'exposure',
    header: 'Outside',
    headerTitle: 'Content from outside the organisation it reads (tickets, emails, documents, web pages, comments, chat); "Unguarded" when it can also act irreversibly with no injection scan and no human review',
    minWidth: 84,
    render: (r) =>
      r.exposure.worst ? (
        <Badge tone="danger" title="Reads outside content and can act irreversibly, with no scan for injected instructions and no human review">
          Unguarded
        </Badge>
      ) : r.exposure.inputs > 0 ? (
        text(`${r.exposure.inputs} input${r.exposure.inputs === 1 ? '' : 's'}`, 'Reads outside content; scanned, reviewed, or unable to act irreversibly')
      ) : (
        text('—', 'No outside content found among its inputs', 'cell-text muted')
      ),
  },
  { key: 'volume', header: 'Volume', headerTitle: 'LLM requests per day over the imported period', minWidth: 76, render: (r) => text(volumeText(r.risk), undefined, r.risk.volumePerDay === null ? 'cell-text muted' : 'cell-text triage-num') },
  { key: 'pass', header: 'Pass', headerTitle: 'Checklist items the evidence passes', minWidth: 44, render: (r) => text(String(r.counts.pass), `${r.counts.pass} items pass`, 'cell-text triage-num triage-counts__pass') },
  { key: 'fail', header: 'Fail', headerTitle: 'Checklist items the evidence fails', minWidth: 44, render: (r) => text(String(r.counts.fail), `${r.counts.fail} items fail`, 'cell-text triage-num triage-counts__fail') },
  { key: 'unknown', header: 'Unknown', headerTitle: 'Checklist items no import settles yet', minWidth: 68, render: (r) => text(String(r.counts.unknown), `${r.counts.unknown} items unknown`, 'cell-text triage-num triage-counts__unknown') },
];

const keyOf = (r: TriageRow) => r.agentId;
const open = (r: TriageRow) => void navigate({ page: 'triage', agentId: r.agentId });

/** Every agent, highest risk first, in the engine's order; a row opens that agent's checklist. */
export function PriorityList() {
  const { data, loading, error } = useAppStore((s) => s.triageOverview);
  const reload = useAppStore((s) => s.loadTriageOverview);

  if (error && !data) {
    return (
      <>
        <ErrorBanner title="Could not rank the agents">{error}</ErrorBanner>
        <div>
          <Button onClick={() => void reload()}>Try again</Button>
        </div>
      </>
    );
  }
  if (!data) {
    return (
      <p className="muted triage__loading">
        <Spinner /> Ranking agents…
      </p>
    );
  }
  if (data.length === 0) {
    return (
      <EmptyState title="No agents to triage yet">
        <p>Add agents in the Inventory or import a registry; each then gets its checklist and a place in the priority list.</p>
      </EmptyState>
    );
  }
  return (
    <section className="triage-list" aria-label="Priority list">
      {error && <ErrorBanner title="Could not refresh the priority list">{error}</ErrorBanner>}
      <p className="muted triage-list__hint">Highest risk first: data sensitivity reached × monitoring gap; irreversible actions without review, then volume, break ties. Hover a figure for its reason.</p>
      <div className="triage-list__body">
        <RiskMatrix rows={data} />
        <div className="triage-list__table">
          <DataTable label="Priority list" rows={data} columns={COLUMNS} rowKey={keyOf} onOpen={open} busy={loading} />
        </div>
      </div>
    </section>
  );
}

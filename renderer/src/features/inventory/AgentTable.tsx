import { useMemo } from 'react';
import type { RiskScore } from '../../../../shared/checklist';
import type { AgentSummary } from '../../../../shared/contract';
import { ACTIVITY_STATES } from '../../../../shared/usage';
import { navigate } from '../../app/routes';
import { ACTIVITY_EXPLANATIONS, ACTIVITY_LABELS, ACTIVITY_TONES } from '../../domain/agent-activity';
import { FLAG_SHORT_LABELS, FLAG_TONES, flagExplanation, registryFieldLabel, STATUS_LABELS, STATUS_TONES, TRIGGER_LABELS } from '../../domain/agent-labels';
import { ChipList } from '../../ui/ChipList';
import { formatDate } from '../../ui/format-date';
import { activityOf, type AgentActivity, type AgentSortKey } from '../../store/agents-slice';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { DataTable, type Column } from '../../ui/DataTable';
import { CompletenessMeter } from '../../ui/CompletenessMeter';
import { TierBadge } from '../triage/RiskParts';

const ACTIVITY_HELP = ACTIVITY_STATES.map((state) => `${ACTIVITY_LABELS[state]}: ${ACTIVITY_EXPLANATIONS[state].toLowerCase()}`).join('\n');
const NO_USAGE_HELP = 'No usage data: no LLM usage has been imported yet. Import provider usage, gateway spend logs or traces to see which agents spend.';

/**
 * Code against runtime, from the imported usage. Before any usage is imported every agent would be
 * "not observed": the header says so once instead of every row saying it.
 */
function activityColumn(activity: AgentActivity | null): Column<AgentSummary, AgentSortKey> {
  const noUsage = activity !== null && activity.period === null;
  return {
    key: 'activity',
    header: 'Activity',
    headerTitle: noUsage ? NO_USAGE_HELP : ACTIVITY_HELP,
    minWidth: 104,
    render: (a) => {
      if (activity === null) return null;
      if (noUsage) return <span className="muted" aria-label="No usage data">—</span>;
      const state = activityOf(activity, a.id);
      return (
        <Badge tone={ACTIVITY_TONES[state]} title={ACTIVITY_EXPLANATIONS[state]}>
          {ACTIVITY_LABELS[state]}
        </Badge>
      );
    },
  };
}

const RISK_HELP = 'Priority tier from the Triage page: data sensitivity reached × monitoring gap, P0 first';

/**
 * The agent's triage tier, from the Triage page's overview. Nothing while it is first read; a dash
 * when it could not be read or does not name the agent, so a failed risk read never hides the row.
 */
export function riskColumn(riskByAgent: ReadonlyMap<string, RiskScore> | null, failed: boolean): Column<AgentSummary, AgentSortKey> {
  return {
    key: 'risk',
    header: 'Risk',
    headerTitle: RISK_HELP,
    minWidth: 52,
    render: (a) => {
      const risk = riskByAgent?.get(a.id);
      if (risk) return <TierBadge risk={risk} />;
      if (riskByAgent === null && !failed) return null;
      return (
        <span className="muted" aria-label="Risk unknown" title={failed ? 'The triage overview could not be read' : 'Not in the triage overview'}>
          —
        </span>
      );
    },
  };
}

const COLUMNS: readonly Column<AgentSummary, AgentSortKey>[] = [
  { key: 'name', header: 'Name', minWidth: 200, grow: 2, sortKey: 'name', render: (a) => <span className="cell-text agent-name">{a.name}</span> },
  { key: 'status', header: 'Status', minWidth: 96, sortKey: 'status', render: (a) => <Badge tone={STATUS_TONES[a.status]}>{STATUS_LABELS[a.status]}</Badge> },
  {
    key: 'trigger',
    header: 'Trigger',
    minWidth: 150,
    grow: 1,
    sortKey: 'trigger',
    render: (a) => (
      <span className="cell-text" title={a.schedule ?? undefined}>
        {TRIGGER_LABELS[a.triggerKind]}
        {a.schedule && <span className="mono muted"> {a.schedule}</span>}
      </span>
    ),
  },
  {
    key: 'owner',
    header: 'Owner',
    minWidth: 140,
    grow: 1,
    sortKey: 'owner',
    render: (a) =>
      a.ownerName ? (
        <span className="cell-text" title={a.ownerEmail || undefined}>
          {a.ownerName}
        </span>
      ) : (
        <span className="cell-text muted">No owner</span>
      ),
  },
  {
    key: 'lastReviewed',
    header: 'Last reviewed',
    // Wide enough for a medium date in any common locale ("Sep 28, 2026", "28 sept. 2026").
    minWidth: 124,
    sortKey: 'lastReviewed',
    render: (a) =>
      a.lastReviewed ? (
        <time className="cell-text" dateTime={a.lastReviewed}>
          {formatDate(a.lastReviewed)}
        </time>
      ) : (
        <span className="muted">Never</span>
      ),
  },
  {
    key: 'completeness',
    header: 'Step 0',
    minWidth: 96,
    sortKey: 'completeness',
    render: (a) => (
      <CompletenessMeter
        filled={a.completeness.filled}
        total={a.completeness.total}
        title={a.completeness.missing.length ? `Missing: ${a.completeness.missing.map(registryFieldLabel).join(', ')}` : 'All registry fields filled'}
      />
    ),
  },
  {
    key: 'flags',
    header: 'Flags',
    minWidth: 250,
    render: (a) => <ChipList label="Flags" chips={a.flags.map((flag) => ({ key: flag, label: FLAG_SHORT_LABELS[flag], tone: FLAG_TONES[flag], title: flagExplanation(flag) }))} />,
  },
  { key: 'environment', header: 'Environment', minWidth: 104, render: (a) => <span className="cell-text">{a.environment}</span> },
];

const agentId = (a: AgentSummary) => a.id;
const openAgent = (a: AgentSummary) => navigate({ page: 'agent', agentId: a.id });

export function AgentTable({ rows }: { rows: readonly AgentSummary[] }) {
  const filters = useAppStore((s) => s.agentFilters);
  const loading = useAppStore((s) => s.agentsLoading);
  const sortBy = useAppStore((s) => s.sortAgentsBy);
  const clearFilters = useAppStore((s) => s.clearAgentFilters);
  const activity = useAppStore((s) => s.agentActivity);
  const triage = useAppStore((s) => s.triageOverview);
  const riskByAgent = useMemo(() => (triage.data ? new Map(triage.data.map((r) => [r.agentId, r.risk])) : null), [triage.data]);
  const riskFailed = triage.error !== null;
  // After Status: at 1024 px the table scrolls sideways from Last reviewed on, and activity and risk must stay in view.
  const columns = useMemo(() => [...COLUMNS.slice(0, 2), activityColumn(activity), riskColumn(riskByAgent, riskFailed), ...COLUMNS.slice(2)], [activity, riskByAgent, riskFailed]);
  return (
    <DataTable
      label="Agents"
      rows={rows}
      columns={columns}
      rowKey={agentId}
      onOpen={openAgent}
      sort={{ key: filters.sort, direction: filters.direction }}
      onSort={sortBy}
      busy={loading}
      emptyText={
        <div className="inventory__no-match">
          <p>No agents match these filters.</p>
          <Button size="sm" onClick={clearFilters}>
            Clear filters
          </Button>
        </div>
      }
    />
  );
}

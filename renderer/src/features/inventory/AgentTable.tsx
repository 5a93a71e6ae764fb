import { useMemo, type ReactNode } from 'react';
import type { TriageRow } from '../../../../shared/checklist';
import type { Sensitivity } from '../../../../shared/iam';
import type { AgentSummary } from '../../../../shared/contract';
import { ACTIVITY_STATES } from '../../../../shared/usage';
import { navigate } from '../../app/routes';
import { ACTIVITY_EXPLANATIONS, ACTIVITY_LABELS, ACTIVITY_TONES } from '../../domain/agent-activity';
import { FLAG_SHORT_LABELS, FLAG_TONES, flagExplanation, registryFieldLabel, STATUS_LABELS, STATUS_TONES, TRIGGER_LABELS } from '../../domain/agent-labels';
import { ChipList } from '../../ui/ChipList';
import { formatDate } from '../../ui/format-date';
import { activityOf, type AgentActivity, type AgentSortKey } from '../../store/agents-slice';
import { useAppStore } from '../../store/store-context';
import { Badge, type BadgeTone } from '../../ui/Badge';
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
export function riskColumn(triageByAgent: ReadonlyMap<string, TriageRow> | null, failed: boolean): Column<AgentSummary, AgentSortKey> {
  return {
    key: 'risk',
    header: 'Risk',
    headerTitle: RISK_HELP,
    minWidth: 64,
    sortKey: 'risk',
    render: (a) => triageCell(triageByAgent, failed, a, 'Risk', (row) => <TierBadge risk={row.risk} />),
  };
}

/** A cell read from the triage overview: nothing while it is first read; a dash when it failed or does not name the agent. */
function triageCell(triageByAgent: ReadonlyMap<string, TriageRow> | null, failed: boolean, a: AgentSummary, what: string, render: (row: TriageRow) => ReactNode): ReactNode {
  const row = triageByAgent?.get(a.id);
  if (row) return render(row);
  if (triageByAgent === null && !failed) return null;
  return (
    <span className="muted" aria-label={`${what} unknown`} title={failed ? 'The triage overview could not be read' : 'Not in the triage overview'}>
      —
    </span>
  );
}

const SENSITIVITY_TONES: Record<Sensitivity, BadgeTone> = { restricted: 'danger', confidential: 'warning', internal: 'neutral', public: 'neutral', unknown: 'neutral' };

/** What its credentials reach: data sources, how many writable, the most sensitive. Unknown (no identity linked) is not "none". */
export function reachColumn(triageByAgent: ReadonlyMap<string, TriageRow> | null, failed: boolean): Column<AgentSummary, AgentSortKey> {
  return {
    key: 'reach',
    header: 'Reachable data',
    headerTitle: 'Data sources its cloud credentials reach (blast radius): how many, how many it can write, the most sensitive',
    minWidth: 200,
    render: (a) =>
      triageCell(triageByAgent, failed, a, 'Reachable data', ({ reach }) =>
        reach.dataSources === null ? (
          <span className="muted" title="No cloud identity is linked to it: import its account's IAM export or link its credential">
            Not linked
          </span>
        ) : (
          <span className="cell-text" title={`${reach.dataSources} data source(s), ${reach.writable} writable${reach.sensitivity ? `, most sensitive: ${reach.sensitivity}` : ''}`}>
            {reach.dataSources}
            {reach.writable > 0 && <span className="inventory__writable"> · {reach.writable} write</span>}{' '}
            {reach.sensitivity && reach.sensitivity !== 'unknown' && <Badge tone={SENSITIVITY_TONES[reach.sensitivity]}>{reach.sensitivity}</Badge>}
          </span>
        ),
      ),
  };
}

/** Advisories affecting its locked packages, with the worst severity any of them names. */
export function advisoriesColumn(triageByAgent: ReadonlyMap<string, TriageRow> | null, failed: boolean): Column<AgentSummary, AgentSortKey> {
  return {
    key: 'advisories',
    header: 'Advisories',
    headerTitle: 'Open advisories (OSV) that affect the versions its lockfiles pin',
    minWidth: 96,
    render: (a) =>
      triageCell(triageByAgent, failed, a, 'Advisories', ({ advisories }) =>
        advisories.count === 0 ? (
          <span className="muted">None</span>
        ) : (
          <Badge tone={/critical|high/i.test(advisories.worstSeverity ?? '') ? 'danger' : 'warning'} title={advisories.worstSeverity ? `Worst severity: ${advisories.worstSeverity}` : undefined}>
            {advisories.count}
            {advisories.worstSeverity ? ` ${advisories.worstSeverity.toLowerCase()}` : ''}
          </Badge>
        ),
      ),
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
  const triageByAgent = useMemo(() => (triage.data ? new Map(triage.data.map((r) => [r.agentId, r])) : null), [triage.data]);
  const triageFailed = triage.error !== null;
  // Risk first after the name, then what it can reach: at 1024 px the table scrolls sideways from
  // the trigger on, and the columns that decide what to fix first must stay in view.
  const columns = useMemo(
    () => [
      COLUMNS[0]!,
      riskColumn(triageByAgent, triageFailed),
      COLUMNS[1]!,
      activityColumn(activity),
      reachColumn(triageByAgent, triageFailed),
      advisoriesColumn(triageByAgent, triageFailed),
      ...COLUMNS.slice(2),
    ],
    [activity, triageByAgent, triageFailed],
  );
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

import { useMemo, useState } from 'react';
import type { UsageGroupTotals } from '../../../../shared/contract';
import type { UsageDimension } from '../../../../shared/usage';
import { hrefOf, navigate } from '../../app/routes';
import { Badge } from '../../ui/Badge';
import { DataTable, type Column, type SortDirection } from '../../ui/DataTable';
import { ATTRIBUTION_LABELS, costBasisText, costText, dayRangeText, DIMENSION_LABELS, formatCount, formatTokensCompact } from './usage-format';

type SortKey = 'label' | 'requests' | 'inputTokens' | 'cachedInputTokens' | 'outputTokens' | 'costUsd';

/** Token counts run to ten digits: shown short ("62.2M"), exact in the title. */
const tokens = (n: number) => (
  <span className="cell-text usage-num" title={`${formatCount(n)} tokens`}>
    {formatTokensCompact(n)}
  </span>
);

function columnsFor(by: UsageDimension): Column<UsageGroupTotals, SortKey>[] {
  return [
    {
      key: 'label',
      header: DIMENSION_LABELS[by],
      minWidth: 160,
      grow: 3,
      sortKey: 'label',
      render: (g) =>
        g.key === null ? (
          <>
            <Badge tone="neutral" title="No agent, feature, user or key accounts for these calls">
              Unattributed
            </Badge>
            <span className="cell-text muted">{g.label === 'Unattributed' ? '' : g.label}</span>
          </>
        ) : (
          <>
            {by === 'agent' ? (
              <a className="cell-text" href={hrefOf({ page: 'agent', agentId: g.key })} onClick={(e) => e.stopPropagation()} title={g.label}>
                {g.label}
              </a>
            ) : (
              <span className={by === 'key' || by === 'session' ? 'cell-text mono' : 'cell-text'} title={g.label}>
                {g.label}
              </span>
            )}
            {g.attribution && g.attribution !== 'tag' && <Badge tone={g.attribution === 'application' ? 'accent' : 'muted'}>{ATTRIBUTION_LABELS[g.attribution]}</Badge>}
          </>
        ),
    },
    { key: 'requests', header: 'Requests', minWidth: 84, sortKey: 'requests', render: (g) => <span className="cell-text usage-num">{formatCount(g.requests)}</span> },
    { key: 'input', header: 'Input', minWidth: 80, sortKey: 'inputTokens', render: (g) => tokens(g.inputTokens) },
    { key: 'cached', header: 'Cached', minWidth: 80, sortKey: 'cachedInputTokens', render: (g) => tokens(g.cachedInputTokens) },
    { key: 'output', header: 'Output', minWidth: 80, sortKey: 'outputTokens', render: (g) => tokens(g.outputTokens) },
    {
      key: 'cost',
      header: 'Cost',
      minWidth: 124,
      grow: 1,
      sortKey: 'costUsd',
      render: (g) => (
        <span className={g.unpricedTokens > 0 ? 'cell-text usage-num usage-unknown' : 'cell-text usage-num'} title={costBasisText(g)}>
          {costText(g)}
        </span>
      ),
    },
    { key: 'days', header: 'Days', minWidth: 140, render: (g) => <span className="cell-text">{dayRangeText(g.firstDay, g.lastDay)}</span> },
  ];
}

const keyOf = (g: UsageGroupTotals) => g.key ?? '\u0000unattributed';

/**
 * Who spent the most over the period, by the chosen dimension. The unattributed row stands apart
 * and opens the Keys tab (whose keys its calls came from); an agent's row opens the agent.
 */
export function TopSpendersTable({ by, groups, busy }: { by: UsageDimension; groups: readonly UsageGroupTotals[]; busy: boolean }) {
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'costUsd', direction: 'desc' });
  const columns = useMemo(() => columnsFor(by), [by]);
  const rows = useMemo(() => {
    const sign = sort.direction === 'asc' ? 1 : -1;
    return [...groups].sort((a, b) => {
      // Equal costs (e.g. both unknown) fall back to tokens, so a model with no price still ranks by use.
      const primary = sort.key === 'label' ? a.label.localeCompare(b.label) : a[sort.key] - b[sort.key];
      return sign * (primary !== 0 ? primary : a.totalTokens - b.totalTokens);
    });
  }, [groups, sort]);
  const onSort = (key: SortKey) => setSort((s) => ({ key, direction: s.key === key && s.direction === 'desc' ? 'asc' : key === 'label' ? 'asc' : 'desc' }));
  const open = (g: UsageGroupTotals) => {
    if (g.key === null) void navigate({ page: 'usage', tab: 'keys' });
    else if (by === 'agent') void navigate({ page: 'agent', agentId: g.key });
  };
  return (
    <DataTable
      label={`Top spenders by ${DIMENSION_LABELS[by].toLowerCase()}`}
      rows={rows}
      columns={columns}
      rowKey={keyOf}
      onOpen={open}
      sort={sort}
      onSort={onSort}
      busy={busy}
      rowClassName={(g) => (g.key === null ? 'usage-row--unattributed' : undefined)}
      emptyText={<p>No usage in this period.</p>}
    />
  );
}

import { useId } from 'react';
import type { CandidateDetail } from '../../../../shared/discovery';
import { navigate } from '../../app/routes';
import { costText, formatCount, formatPeriod } from '../../domain/agent-activity';
import { DataTable, type Column } from '../../ui/DataTable';
import { providerName } from '../discovery/discovery-labels';
import '../discovery/discovery.css';

const ROW_HEIGHT = 32;
/** More ghosts than this scroll inside the table, so the registry's own ghosts below stay in view. */
const MAX_ROWS = 10;

const COLUMNS: readonly Column<CandidateDetail, never>[] = [
  {
    key: 'name',
    header: 'Key or agent tag',
    minWidth: 200,
    grow: 2,
    render: (c) => (
      <span className="cell-text agent-name" title={c.usage?.keyId ? `API key ${c.usage.keyId}` : c.usage?.agentTag ? `Agent tag ${c.usage.agentTag}` : c.name}>
        {c.name}
      </span>
    ),
  },
  { key: 'provider', header: 'Provider', minWidth: 96, render: (c) => <span className="cell-text">{c.usage ? providerName(c.usage.provider) : ''}</span> },
  {
    key: 'spend',
    header: 'Spend',
    minWidth: 116,
    render: (c) =>
      c.usage ? (
        <span className={c.usage.unpricedTokens > 0 && c.usage.costUsd === 0 ? 'cell-text muted' : 'cell-text ghost-table__spend'}>{costText(c.usage)}</span>
      ) : null,
  },
  {
    key: 'tokens',
    header: 'Tokens',
    minWidth: 80,
    render: (c) => (c.usage ? <span className="cell-text ghost-table__number" title={`${c.usage.tokens.toLocaleString()} tokens in ${c.usage.requests.toLocaleString()} requests`}>{formatCount(c.usage.tokens)}</span> : null),
  },
  {
    key: 'models',
    header: 'Models',
    // Narrow enough that every column fits the 1024 px window (800 px of table); the whole list is in the cell’s tooltip.
    minWidth: 120,
    grow: 1,
    render: (c) => (
      <span className="tags" title={c.usage?.models.join(', ')}>
        {(c.usage?.models ?? []).map((m) => (
          <span key={m} className="tag mono">
            {m}
          </span>
        ))}
      </span>
    ),
  },
  {
    key: 'period',
    header: 'Seen',
    minWidth: 176,
    render: (c) => (c.usage ? <span className="cell-text">{formatPeriod(c.usage.firstDay, c.usage.lastDay)}</span> : null),
  },
];

const keyOf = (c: CandidateDetail) => c.identityKey;
const openCandidate = (c: CandidateDetail) => navigate({ page: 'candidate', identityKey: c.identityKey });

/**
 * Ghosts are not registry agents: they are the discovery candidates found in usage logs, a key or
 * an agent tag spending with no code, registry entry or application accounting for it. Each opens
 * its candidate page, where a person confirms, merges or dismisses it.
 */
export function GhostTable({ ghosts }: { ghosts: readonly CandidateDetail[] }) {
  const headingId = useId();
  const height = (Math.min(Math.max(ghosts.length, 1), MAX_ROWS) + 1) * ROW_HEIGHT + 2 + (ghosts.length === 0 ? 64 : 0);
  return (
    <section className="ghosts" aria-labelledby={headingId}>
      <div className="ghosts__head">
        <h2 id={headingId} className="ghosts__heading">
          Spending nobody accounts for <span className="ghosts__count">{ghosts.length}</span>
        </h2>
        <p className="ghosts__hint">
          Keys and agent tags in the imported usage with no code, registry entry or application behind them. Open one to confirm it as an agent, merge it into one, or
          dismiss it as the application’s.
        </p>
      </div>
      <div className="ghosts__table" style={{ height }}>
        <DataTable
          label="Ghosts: spending nobody accounts for"
          rows={ghosts}
          columns={COLUMNS}
          rowKey={keyOf}
          onOpen={openCandidate}
          emptyText="No ghosts: every key and agent tag in the imported usage is accounted for."
        />
      </div>
    </section>
  );
}

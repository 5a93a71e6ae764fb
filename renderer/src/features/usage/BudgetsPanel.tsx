import { Fragment, useEffect, useState } from 'react';
import type { BudgetStatus } from '../../../../shared/contract';
import { hrefOf } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import type { BudgetExportFormat } from '../../store/usage-slice';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatDate } from '../../ui/format-date';
import { Spinner } from '../../ui/Spinner';
import { downloadFile } from '../inventory/file-transfer';
import { BudgetDialog } from './BudgetDialog';
import { ProductiveUnitsSection } from './ProductiveUnitsSection';
import { UsagePeriodBar } from './UsagePeriodBar';
import { formatCount, formatTokensCompact, formatUsd } from './usage-format';

/** A month-end projection above 30 days at the daily cap: the agent is on course to overspend. */
export function projectedOverCap(b: BudgetStatus): boolean {
  if (!b.month) return false;
  return (b.dailyCostCapUsd !== null && b.month.projectedUsd > 30 * b.dailyCostCapUsd) || (b.dailyTokenCap !== null && b.month.projectedTokens > 30 * b.dailyTokenCap);
}

/** Agents over cap first, then those with a cap, then by what the month cost; the rest by name. */
export function budgetOrder(a: BudgetStatus, b: BudgetStatus): number {
  const capped = (x: BudgetStatus) => Number(x.dailyTokenCap !== null || x.dailyCostCapUsd !== null);
  return b.daysOverCap.length - a.daysOverCap.length || capped(b) - capped(a) || (b.month?.spentUsd ?? 0) - (a.month?.spentUsd ?? 0) || a.agentName.localeCompare(b.agentName);
}

const MONTH = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthName = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`));

/** Daily caps per agent, the days each went over, where the month is heading, and the caps as a gateway config. */
export function BudgetsPanel() {
  const budgets = useAppStore((s) => s.budgets);
  const loadBudgets = useAppStore((s) => s.loadBudgets);
  const exportBudgets = useAppStore((s) => s.exportBudgets);
  const acting = useAppStore((s) => s.usageActing);
  const overview = useAppStore((s) => s.usageOverview.data);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const importsDone = useAppStore((s) => s.fileImportRecords);
  const [editing, setEditing] = useState<BudgetStatus | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    if (workspacePath) void loadBudgets();
  }, [workspacePath, importsDone, loadBudgets]);

  const exportAs = async (format: BudgetExportFormat) => {
    const file = await exportBudgets(format);
    if (file) downloadFile(file);
  };
  const toggle = (agentId: string) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(agentId)) next.add(agentId);
      return next;
    });

  return (
    <div className="usage-budgets">
      <div className="usage-tab-head">
        <UsagePeriodBar importedFrom={overview?.period?.from ?? null} importedTo={overview?.period?.to ?? null} />
        <div className="usage-tab-head__actions">
          <Button onClick={() => void exportAs('litellm')} disabled={acting?.startsWith('export:')} title="max_budget and tpm limits per agent key, for LiteLLM's proxy config">
            {acting === 'export:litellm' ? 'Exporting…' : 'Export LiteLLM config'}
          </Button>
          <Button onClick={() => void exportAs('json')} disabled={acting?.startsWith('export:')}>
            {acting === 'export:json' ? 'Exporting…' : 'Export JSON'}
          </Button>
        </div>
      </div>
      {budgets.error && (
        <ErrorBanner title="Could not list the budgets">
          {budgets.error}{' '}
          <Button size="sm" onClick={() => void loadBudgets()}>
            Try again
          </Button>
        </ErrorBanner>
      )}
      {!budgets.data ? (
        !budgets.error && (
          <p className="usage-loading" role="status">
            <Spinner /> Reading the budgets…
          </p>
        )
      ) : budgets.data.length === 0 ? (
        <p className="muted">
          No agents yet: caps are set per agent. Add agents in the <a href={hrefOf({ page: 'inventory' })}>Inventory</a> or import usage.
        </p>
      ) : (
        <div className="usage-table-scroll usage-budgets__scroll" aria-busy={budgets.loading || undefined}>
          <table className="simple-table usage-budgets__table" aria-label="Budgets per agent">
            <thead>
              <tr>
                <th scope="col">Agent</th>
                <th scope="col" className="usage-num">Daily token cap</th>
                <th scope="col" className="usage-num">Daily cost cap</th>
                <th scope="col">Days over cap</th>
                <th scope="col">This month</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...budgets.data].sort(budgetOrder).map((b) => (
                <Fragment key={b.agentId}>
                  <BudgetRow budget={b} expanded={expanded.has(b.agentId)} onToggle={() => toggle(b.agentId)} onEdit={() => setEditing(b)} />
                  {expanded.has(b.agentId) && <OverCapDays budget={b} />}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ProductiveUnitsSection agents={budgets.data?.map((b) => ({ id: b.agentId, name: b.agentName })) ?? []} />
      {editing && <BudgetDialog budget={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

function BudgetRow({ budget: b, expanded, onToggle, onEdit }: { budget: BudgetStatus; expanded: boolean; onToggle: () => void; onEdit: () => void }) {
  const over = b.daysOverCap.length;
  const hasCap = b.dailyTokenCap !== null || b.dailyCostCapUsd !== null;
  const projectedOver = projectedOverCap(b);
  return (
    <tr className={over > 0 ? 'usage-row--alarm' : undefined}>
      <td>
        <a href={hrefOf({ page: 'agent', agentId: b.agentId })}>{b.agentName}</a>
      </td>
      <td className="usage-num">{b.dailyTokenCap === null ? <span className="muted">No cap</span> : formatCount(b.dailyTokenCap)}</td>
      <td className="usage-num">{b.dailyCostCapUsd === null ? <span className="muted">No cap</span> : formatUsd(b.dailyCostCapUsd)}</td>
      <td>
        {!hasCap ? (
          <span className="muted">—</span>
        ) : over === 0 ? (
          <span className="muted">None</span>
        ) : (
          <button type="button" className="usage-disclosure usage-alarm-text" aria-expanded={expanded} onClick={onToggle}>
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {over} {over === 1 ? 'day' : 'days'} over cap
          </button>
        )}
      </td>
      <td>
        {b.month ? (
          <>
            {monthName(b.month.month)}: {formatUsd(b.month.spentUsd)} spent
            <div className={projectedOver ? 'usage-alarm-text' : 'muted'}>
              {formatUsd(b.month.projectedUsd)} · {formatTokensCompact(b.month.projectedTokens)} tokens by month end{projectedOver && ' — over 30 days at the cap'}
            </div>
          </>
        ) : (
          <span className="muted">No usage</span>
        )}
      </td>
      <td>
        <Button size="sm" onClick={onEdit} aria-label={`Edit the budget of ${b.agentName}`}>
          {hasCap ? 'Edit caps' : 'Set caps'}
        </Button>
      </td>
    </tr>
  );
}

function OverCapDays({ budget: b }: { budget: BudgetStatus }) {
  return (
    <tr className="usage-overcap">
      <td colSpan={6}>
        <ul className="usage-overcap__list" aria-label={`Days ${b.agentName} went over its cap`}>
          {b.daysOverCap.map((d) => (
            <li key={d.day}>
              <strong>{formatDate(d.day)}</strong>: {formatCount(d.tokens)} tokens
              {b.dailyTokenCap !== null && d.tokens > b.dailyTokenCap && ` (cap ${formatCount(b.dailyTokenCap)})`}, {formatUsd(d.costUsd)}
              {b.dailyCostCapUsd !== null && d.costUsd > b.dailyCostCapUsd && ` (cap ${formatUsd(b.dailyCostCapUsd)})`}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

import { useEffect } from 'react';
import { navigate, type UsageTab } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Tabs } from '../../ui/Tabs';
import { BudgetsPanel } from './BudgetsPanel';
import { KeysPanel } from './KeysPanel';
import { OverviewPanel } from './OverviewPanel';
import { PricesPanel } from './PricesPanel';
import './usage.css';

const TABS: ReadonlyArray<{ key: UsageTab; label: string }> = [
  { key: 'overview', label: 'Overview' },
  { key: 'keys', label: 'Keys' },
  { key: 'prices', label: 'Prices' },
  { key: 'budgets', label: 'Budgets' },
];

/**
 * LLM usage and cost: what each agent spent, the keys nobody accounts for, the prices costs are
 * estimated from, and budgets. Every figure is computed by the engine; the page only draws it.
 * The address holds the tab, so a reload or a link opens the same view.
 */
export function UsagePage({ tab }: { tab: UsageTab }) {
  const openFileImport = useAppStore((s) => s.openFileImport);
  const loadOverview = useAppStore((s) => s.loadUsageOverview);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const importsDone = useAppStore((s) => s.fileImportRecords);

  // The overview is read on every tab: the Budgets tab shows its period, the Prices tab links from it.
  useEffect(() => {
    if (workspacePath) void loadOverview();
  }, [workspacePath, importsDone, loadOverview]);

  return (
    <div className="page usage">
      <header className="usage__header">
        <div className="page__header">
          <h1>Usage &amp; cost</h1>
          <p className="page__subtitle">Tokens and spend per agent, the keys nobody accounts for, prices and daily budgets.</p>
        </div>
        <Button onClick={openFileImport}>Import usage…</Button>
      </header>
      <Tabs label="Usage views" tabs={TABS} selected={tab} onSelect={(next) => void navigate({ page: 'usage', tab: next })} panelClassName="usage__panel">
        {tab === 'overview' && <OverviewPanel />}
        {tab === 'keys' && <KeysPanel />}
        {tab === 'prices' && <PricesPanel />}
        {tab === 'budgets' && <BudgetsPanel />}
      </Tabs>
    </div>
  );
}

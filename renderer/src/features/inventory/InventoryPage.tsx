import { useEffect } from 'react';
import type { RegistryFormat } from '../../../../shared/contract';
import { navigate } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { AgentTable } from './AgentTable';
import { downloadFile } from './file-transfer';
import { InventoryFilters } from './InventoryFilters';
import './inventory.css';

export function InventoryPage() {
  const list = useAppStore((s) => s.agentList);
  const error = useAppStore((s) => s.agentsError);
  const loadAgents = useAppStore((s) => s.loadAgents);
  const exportRegistry = useAppStore((s) => s.exportRegistry);
  const exporting = useAppStore((s) => s.registryExporting);
  // The one Import dialog (every format; a registry sheet previewed row by row).
  const openFileImport = useAppStore((s) => s.openFileImport);

  // Agents may have been edited or imported since the list was last fetched.
  useEffect(() => {
    void loadAgents();
  }, [loadAgents]);

  const exportAs = async (format: RegistryFormat) => {
    const file = await exportRegistry(format);
    if (file) downloadFile(file);
  };

  const newAgent = () => navigate({ page: 'new-agent' });
  const isEmpty = list !== null && list.workspaceTotal === 0;

  return (
    <div className="page inventory">
      <header className="inventory__header">
        <div className="page__header">
          <h1>Inventory</h1>
          {list && <Counts shown={list.total} total={list.workspaceTotal} />}
        </div>
        {!isEmpty && (
          <div className="inventory__actions">
            <Button onClick={openFileImport}>Import…</Button>
            <Button onClick={() => void exportAs('csv')} disabled={exporting !== null}>
              {exporting === 'csv' ? 'Exporting…' : 'Export CSV'}
            </Button>
            <Button onClick={() => void exportAs('xlsx')} disabled={exporting !== null}>
              {exporting === 'xlsx' ? 'Exporting…' : 'Export XLSX'}
            </Button>
            <Button variant="primary" onClick={newAgent}>
              New agent
            </Button>
          </div>
        )}
      </header>

      {error && (
        <ErrorBanner title="Could not load the agents">
          {error}{' '}
          <Button size="sm" onClick={() => void loadAgents()}>
            Try again
          </Button>
        </ErrorBanner>
      )}

      {isEmpty ? (
        <EmptyState
          title="No agents yet: import a registry spreadsheet or add one"
          actions={
            <>
              <Button variant="primary" onClick={openFileImport}>
                Import…
              </Button>
              <Button onClick={newAgent}>New agent</Button>
            </>
          }
        >
          <p>Step 0 is a registry of every agent running in production: name, trigger, data access, credentials, owner, last review and rollback procedure.</p>
        </EmptyState>
      ) : (
        list && (
          <>
            <InventoryFilters />
            <div className="inventory__table">
              <AgentTable rows={list.rows} />
            </div>
          </>
        )
      )}

    </div>
  );
}

function Counts({ shown, total }: { shown: number; total: number }) {
  return (
    <p className="inventory__counts" aria-live="polite">
      {total.toLocaleString()} {total === 1 ? 'agent' : 'agents'}
      {shown !== total && (
        <span className="muted">
          {' '}
          · {shown.toLocaleString()} of {total.toLocaleString()} shown
        </span>
      )}
    </p>
  );
}

import { useEffect, useMemo } from 'react';
import type { RegistryFormat } from '../../../../shared/contract';
import type { ActivityState } from '../../../../shared/usage';
import { navigate } from '../../app/routes';
import { activityOf } from '../../store/agents-slice';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { AgentTable } from './AgentTable';
import { ExportJobProgress } from '../exports/ExportJobProgress';
import { downloadFile } from './file-transfer';
import { GhostTable } from './GhostTable';
import { InventoryFilters } from './InventoryFilters';
import { orderByRisk } from './risk-order';
import './inventory.css';

/** activity: from the address (`#/?activity=ghost`, the Usage page's link): applied once, then the filter is the page's like any other. */
export function InventoryPage({ activity: linkedActivity }: { activity?: ActivityState | undefined } = {}) {
  const list = useAppStore((s) => s.agentList);
  const error = useAppStore((s) => s.agentsError);
  const loadAgents = useAppStore((s) => s.loadAgents);
  const exportRegistry = useAppStore((s) => s.exportRegistry);
  const exportManifest = useAppStore((s) => s.exportManifest);
  const exporting = useAppStore((s) => s.registryExporting);
  // Any workspace export in flight, also one started on the Exports page: one runs at a time.
  const exportJobTitle = useAppStore((s) => (s.workspaceExporting === null ? null : ((s.workspaceExportJob ? s.jobs[s.workspaceExportJob]?.title : undefined) ?? 'Export')));
  const cancelExport = useAppStore((s) => s.cancelWorkspaceExport);
  // The one Import dialog (every format; a registry sheet previewed row by row).
  const openFileImport = useAppStore((s) => s.openFileImport);

  const activity = useAppStore((s) => s.agentActivity);
  const activityError = useAppStore((s) => s.agentActivityError);
  const activityFilter = useAppStore((s) => s.agentFilters.activity);
  const loadAgentActivity = useAppStore((s) => s.loadAgentActivity);
  const setActivityFilter = useAppStore((s) => s.setAgentActivityFilter);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const loadTriageOverview = useAppStore((s) => s.loadTriageOverview);
  const triageRows = useAppStore((s) => s.triageOverview.data);
  const sort = useAppStore((s) => s.agentFilters.sort);
  const direction = useAppStore((s) => s.agentFilters.direction);

  // Agents may have been edited or imported since the list was last fetched.
  useEffect(() => {
    void loadAgents();
  }, [loadAgents]);

  // Usage may have been imported, or keys mapped, since: read again on every visit and for every workspace.
  useEffect(() => {
    void loadAgentActivity();
  }, [loadAgentActivity, workspacePath]);

  // The Risk column reads the Triage page's overview, again on every visit: imports and edits move
  // the tiers. Sorted by risk, the list's own load reads it with the rows.
  useEffect(() => {
    if (workspacePath && sort !== 'risk') void loadTriageOverview();
  }, [loadTriageOverview, workspacePath, sort]);

  // A linked filter is applied, then dropped from the address: Back from an agent must not re-apply it over the person's own choice.
  useEffect(() => {
    if (!linkedActivity) return;
    setActivityFilter(linkedActivity);
    void navigate({ page: 'inventory' }, { replace: true });
  }, [linkedActivity, setActivityFilter]);

  const rows = useMemo(() => {
    const listed = !list ? [] : activityFilter === null ? list.rows : activity ? list.rows.filter((a) => activityOf(activity, a.id) === activityFilter) : []; // until activity is read, no row is claimed to be in any state
    return sort === 'risk' ? orderByRisk(listed, triageRows, direction) : listed;
  }, [list, activity, activityFilter, sort, direction, triageRows]);
  const ghostsShown = activityFilter === 'ghost' && activity !== null;

  const exportAs = async (format: RegistryFormat | 'manifest') => {
    const file = format === 'manifest' ? await exportManifest() : await exportRegistry(format);
    if (file) downloadFile(file);
  };

  const newAgent = () => navigate({ page: 'new-agent' });
  const isEmpty = list !== null && list.workspaceTotal === 0;

  return (
    <div className="page inventory">
      <header className="inventory__header">
        <div className="page__header">
          <h1>Inventory</h1>
          {list && <Counts shown={activityFilter === null ? list.total : rows.length} total={list.workspaceTotal} ghosts={ghostsShown ? activity.ghosts.length : null} />}
        </div>
        {!isEmpty && (
          <div className="inventory__actions">
            <Button onClick={openFileImport}>Import…</Button>
            <Button onClick={() => void exportAs('csv')} disabled={exportJobTitle !== null}>
              {exporting === 'csv' ? 'Exporting…' : 'Export CSV'}
            </Button>
            <Button onClick={() => void exportAs('xlsx')} disabled={exportJobTitle !== null}>
              {exporting === 'xlsx' ? 'Exporting…' : 'Export XLSX'}
            </Button>
            <Button onClick={() => void exportAs('manifest')} disabled={exportJobTitle !== null} title="Access as code: each agent's owner, trigger, credentials, data access, endpoints, irreversible actions and budget, as YAML to check in next to its code">
              {exporting === 'manifest' ? 'Exporting…' : 'Export manifest'}
            </Button>
            <Button variant="primary" onClick={newAgent}>
              New agent
            </Button>
          </div>
        )}
      </header>

      {exportJobTitle !== null && (
        <div className="inventory__export" role="status" aria-label="Export in progress">
          <ExportJobProgress label={exportJobTitle} />
          <Button size="sm" onClick={() => void cancelExport()}>
            Cancel export
          </Button>
        </div>
      )}

      {error && (
        <ErrorBanner title="Could not load the agents">
          {error}{' '}
          <Button size="sm" onClick={() => void loadAgents()}>
            Try again
          </Button>
        </ErrorBanner>
      )}

      {activityError && (
        <ErrorBanner title="Could not read the agents’ LLM activity">
          {activityError}{' '}
          <Button size="sm" onClick={() => void loadAgentActivity()}>
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
            {ghostsShown && <GhostTable ghosts={activity.ghosts} />}
            {/* Registry agents are rarely ghosts (only one confirmed from usage alone): their table is shown only when there are some. */}
            {ghostsShown && rows.length > 0 && <h2 className="ghosts__heading">Registry agents marked Ghost</h2>}
            {!(ghostsShown && rows.length === 0) && (
              <div className="inventory__table">
                <AgentTable rows={rows} />
              </div>
            )}
          </>
        )
      )}

    </div>
  );
}

/** ghosts: with the Ghost filter, the candidates listed besides the registry's agents. */
function Counts({ shown, total, ghosts = null }: { shown: number; total: number; ghosts?: number | null }) {
  return (
    <p className="inventory__counts" aria-live="polite">
      {total.toLocaleString()} {total === 1 ? 'agent' : 'agents'}
      {ghosts !== null && (
        <span className="muted">
          {' '}
          · {ghosts.toLocaleString()} {ghosts === 1 ? 'ghost' : 'ghosts'} outside the registry
        </span>
      )}
      {shown !== total && !(ghosts !== null && shown === 0) && (
        <span className="muted">
          {' '}
          · {shown.toLocaleString()} of {total.toLocaleString()} shown
        </span>
      )}
    </p>
  );
}

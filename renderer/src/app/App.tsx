import { useEffect, useState } from 'react';
import { AgentPage } from '../features/agent/AgentPage';
import { BlastRadiusPage } from '../features/blast-radius/BlastRadiusPage';
import { FileImportDialog } from '../features/imports/FileImportDialog';
import { CandidatePage } from '../features/discovery/CandidatePage';
import { DiscoveryPage } from '../features/discovery/DiscoveryPage';
import { InventoryPage } from '../features/inventory/InventoryPage';
import { ExportsPage } from '../features/exports/ExportsPage';
import { PlanPage } from '../features/plan/PlanPage';
import { ReportPrintPage } from '../features/reports/ReportPrintPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { TriagePage } from '../features/triage/TriagePage';
import { UsagePage } from '../features/usage/UsagePage';
import { NoWorkspacePage } from '../features/workspace/NoWorkspacePage';
import { TopBar } from '../features/workspace/TopBar';
import type { WorkspaceCommand } from '../../../shared/wire';
import { WorkspacePathDialog, type WorkspacePathAction } from '../features/workspace/WorkspacePathDialog';
import { useAppStore } from '../store/store-context';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Toasts } from '../ui/Toasts';
import { confirmLeave, installLeaveGuard } from './leave-guard';
import { LeaveDialog } from './LeaveDialog';
import { useRoute, type Route } from './routes';
import { Sidebar } from './Sidebar';
import './app.css';

const NATIVE_COMMAND: Record<WorkspacePathAction, WorkspaceCommand> = { create: 'new', open: 'open', 'save-as': 'save-as' };

/** `runWorkspaceCommand` is given where the host has native file dialogs (Electron); the web host asks for a typed path. */
export function App({ runWorkspaceCommand }: { runWorkspaceCommand?: ((command: WorkspaceCommand) => Promise<void>) | undefined }) {
  const route = useRoute();
  const loadAppInfo = useAppStore((s) => s.loadAppInfo);
  const loadWorkspace = useAppStore((s) => s.loadWorkspace);
  const toasts = useAppStore((s) => s.toasts);
  const dismissToast = useAppStore((s) => s.dismissToast);
  const fileImportOpen = useAppStore((s) => s.fileImportOpen);
  const [pathDialog, setPathDialog] = useState<WorkspacePathAction | null>(null);
  // Another workspace replaces everything on screen: unsaved edits are settled first.
  const askPath = async (action: WorkspacePathAction) => {
    if (!(await confirmLeave())) return;
    if (runWorkspaceCommand) await runWorkspaceCommand(NATIVE_COMMAND[action]);
    else setPathDialog(action);
  };

  useEffect(() => installLeaveGuard(), []);

  useEffect(() => {
    void loadAppInfo();
    void loadWorkspace();
  }, [loadAppInfo, loadWorkspace]);

  // The printers load the report alone: no bars around it, nothing else on the paper.
  if (route.page === 'report-print') return <ReportPrintPage sections={route.sections} />;

  return (
    <div className="app">
      <TopBar onAskPath={(action) => void askPath(action)} />
      <div className="app__body">
        <Sidebar route={route} />
        <main className="app__main">
          <PageFor route={route} onAskPath={(action) => void askPath(action)} />
        </main>
      </div>
      {pathDialog && <WorkspacePathDialog action={pathDialog} onClose={() => setPathDialog(null)} />}
      {fileImportOpen && <FileImportDialog />}
      <LeaveDialog />
      <Toasts toasts={toasts} onDismiss={dismissToast} />
    </div>
  );
}

function PageFor({ route, onAskPath }: { route: Route; onAskPath: (action: WorkspacePathAction) => void }) {
  const workspaceLoaded = useAppStore((s) => s.workspaceLoaded);
  const workspaceError = useAppStore((s) => s.workspaceError);
  const hasWorkspace = useAppStore((s) => s.workspace !== null);
  const loadWorkspace = useAppStore((s) => s.loadWorkspace);

  if (!workspaceLoaded) return null;
  if (workspaceError) {
    return (
      <div className="page">
        <ErrorBanner title="Could not reach the workspace">{workspaceError}</ErrorBanner>
        <div>
          <Button onClick={() => void loadWorkspace()}>Try again</Button>
        </div>
      </div>
    );
  }
  if (!hasWorkspace) return <NoWorkspacePage onAskPath={onAskPath} />;
  switch (route.page) {
    case 'inventory':
      return <InventoryPage activity={route.activity} />;
    case 'new-agent':
      return <AgentPage agentId={null} />;
    case 'agent':
      return <AgentPage key={route.agentId} agentId={route.agentId} edit={route.edit === true} />;
    case 'discovery':
      return <DiscoveryPage />;
    case 'candidate':
      return <CandidatePage key={route.identityKey} identityKey={route.identityKey} />;
    case 'blast-radius':
      return <BlastRadiusPage tab={route.tab} subject={route.subject} />;
    case 'usage':
      return <UsagePage tab={route.tab} />;
    case 'triage':
      return <TriagePage agentId={route.agentId} view={route.view ?? 'priority'} />;
    case 'plan':
      return <PlanPage />;
    case 'exports':
      return <ExportsPage />;
    case 'reports':
      return <ReportsPage />;
    case 'report-print':
      return null;
  }
}

import { navigate } from '../../app/routes';
import { messageOf } from '../../store/app-state';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import type { WorkspacePathAction } from './WorkspacePathDialog';

export function NoWorkspacePage({ onAskPath }: { onAskPath: (action: WorkspacePathAction) => void }) {
  const openDemoWorkspace = useAppStore((s) => s.openDemoWorkspace);
  const notify = useAppStore((s) => s.notify);
  const openDemo = async () => {
    try {
      await openDemoWorkspace();
      navigate({ page: 'inventory' });
    } catch (error) {
      notify('error', messageOf(error));
    }
  };
  return (
    <div className="page">
      <EmptyState
        title="No workspace open"
        actions={
          <>
            <Button variant="primary" onClick={() => onAskPath('create')}>
              New workspace…
            </Button>
            <Button onClick={() => onAskPath('open')}>Open workspace…</Button>
            <Button onClick={() => void openDemo()}>Open demo</Button>
          </>
        }
      >
        <p>A workspace is one file per engagement: the agent registry, its evidence and the audit log of every decision.</p>
      </EmptyState>
    </div>
  );
}

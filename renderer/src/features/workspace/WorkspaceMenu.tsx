import { useState } from 'react';
import type { RecentWorkspace } from '../../../../shared/contract';
import { confirmLeave } from '../../app/leave-guard';
import { navigate } from '../../app/routes';
import { messageOf } from '../../store/app-state';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { MenuButton, type MenuItem } from '../../ui/MenuButton';
import type { WorkspacePathAction } from './WorkspacePathDialog';

export function WorkspaceMenu({ onAskPath }: { onAskPath: (action: WorkspacePathAction) => void }) {
  const workspace = useAppStore((s) => s.workspace);
  const recent = useAppStore((s) => s.recentWorkspaces);
  const openWorkspace = useAppStore((s) => s.openWorkspace);
  const openDemoWorkspace = useAppStore((s) => s.openDemoWorkspace);
  const resetDemoWorkspace = useAppStore((s) => s.resetDemoWorkspace);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const notify = useAppStore((s) => s.notify);
  const openFileImport = useAppStore((s) => s.openFileImport);

  const switchTo = async (opening: () => Promise<{ name: string }>) => {
    if (!(await confirmLeave())) return;
    try {
      const opened = await opening();
      notify('success', `Opened workspace ${opened.name}`);
      await navigate({ page: 'inventory' });
    } catch (error) {
      notify('error', messageOf(error));
    }
  };

  const recentItem = (r: RecentWorkspace): MenuItem => {
    const isOpen = r.path === workspace?.path;
    return {
      key: r.path,
      label: !r.exists ? `${r.name} (file missing)` : isOpen ? `${r.name} (open)` : r.name,
      detail: r.path,
      disabled: !r.exists || isOpen,
      onSelect: () => void switchTo(() => openWorkspace(r.path)),
    };
  };

  return (
    <>
      <MenuButton
        label="Workspace"
        sections={[
          {
            key: 'file',
            items: [
              { key: 'new', label: 'New…', onSelect: () => onAskPath('create') },
              { key: 'open', label: 'Open…', onSelect: () => onAskPath('open') },
              { key: 'save-as', label: 'Save As…', disabled: !workspace, onSelect: () => onAskPath('save-as') },
            ],
          },
          {
            key: 'import',
            items: [{ key: 'import-files', label: 'Import files…', detail: 'Cloud IAM exports, registry, advisories', disabled: !workspace, onSelect: openFileImport }],
          },
          { key: 'recent', label: 'Recent', items: recent.map(recentItem), emptyText: 'No recent workspaces' },
          {
            key: 'demo',
            items: [
              { key: 'demo', label: 'Open demo', onSelect: () => void switchTo(openDemoWorkspace) },
              { key: 'demo-reset', label: 'Reset demo…', detail: 'Rebuild the demo engagement as first shipped', onSelect: () => setConfirmingReset(true) },
            ],
          },
        ]}
      />
      {confirmingReset && (
        <Dialog
          title="Reset the demo?"
          size="sm"
          onClose={() => setConfirmingReset(false)}
          footer={
            <>
              <Button onClick={() => setConfirmingReset(false)}>Cancel</Button>
              <Button
                variant="danger"
                onClick={() => {
                  setConfirmingReset(false);
                  void switchTo(resetDemoWorkspace);
                }}
              >
                Reset demo
              </Button>
            </>
          }
        >
          <p>The demo engagement is rebuilt from the bundled inputs. Every change made in it (decisions, edits, imports) is lost. Other workspaces are not touched.</p>
        </Dialog>
      )}
    </>
  );
}

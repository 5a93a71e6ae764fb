import type { RecentWorkspace } from '../../../../shared/contract';
import { confirmLeave } from '../../app/leave-guard';
import { navigate } from '../../app/routes';
import { messageOf } from '../../store/app-state';
import { useAppStore } from '../../store/store-context';
import { MenuButton, type MenuItem } from '../../ui/MenuButton';
import type { WorkspacePathAction } from './WorkspacePathDialog';

export function WorkspaceMenu({ onAskPath }: { onAskPath: (action: WorkspacePathAction) => void }) {
  const workspace = useAppStore((s) => s.workspace);
  const recent = useAppStore((s) => s.recentWorkspaces);
  const openWorkspace = useAppStore((s) => s.openWorkspace);
  const openDemoWorkspace = useAppStore((s) => s.openDemoWorkspace);
  const notify = useAppStore((s) => s.notify);

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
        { key: 'recent', label: 'Recent', items: recent.map(recentItem), emptyText: 'No recent workspaces' },
        { key: 'demo', items: [{ key: 'demo', label: 'Open demo', onSelect: () => void switchTo(openDemoWorkspace) }] },
      ]}
    />
  );
}

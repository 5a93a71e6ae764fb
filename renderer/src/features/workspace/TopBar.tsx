import { useEffect, useState } from 'react';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { ActorDialog } from './ActorDialog';
import { WorkspaceMenu } from './WorkspaceMenu';
import type { WorkspacePathAction } from './WorkspacePathDialog';
import './top-bar.css';

export function TopBar({ onAskPath }: { onAskPath: (action: WorkspacePathAction) => void }) {
  const workspace = useAppStore((s) => s.workspace);
  // Before the first answer, or when the host is unreachable, we do not know that nothing is open.
  const knownToBeClosed = useAppStore((s) => s.workspaceLoaded && s.workspaceError === null && s.workspace === null);
  const actor = useAppStore((s) => s.appInfo?.actor);
  const [editingActor, setEditingActor] = useState(false);

  useEffect(() => {
    document.title = workspace ? `${workspace.name} · Agent Triage Workstation` : 'Agent Triage Workstation';
  }, [workspace]);

  return (
    <header className="top-bar">
      <span className="top-bar__product">Agent Triage</span>
      <span className="top-bar__divider" aria-hidden="true" />
      <div className="top-bar__workspace">
        {workspace ? (
          <>
            <span className="top-bar__workspace-name" title={workspace.path}>
              {workspace.name}
            </span>
            {workspace.isDemo && <Badge tone="accent">Demo</Badge>}
          </>
        ) : (
          knownToBeClosed && <span className="muted">No workspace open</span>
        )}
        <WorkspaceMenu onAskPath={onAskPath} />
      </div>
      {actor !== undefined && (
        <button type="button" className="top-bar__actor" onClick={() => setEditingActor(true)} title="Set the name the audit log records">
          You are: <strong>{actor}</strong>
        </button>
      )}
      {editingActor && actor !== undefined && <ActorDialog currentActor={actor} onClose={() => setEditingActor(false)} />}
    </header>
  );
}

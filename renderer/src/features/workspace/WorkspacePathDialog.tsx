import { useId, useState, type FormEvent } from 'react';
import type { WorkspaceInfo } from '../../../../shared/contract';
import { navigate } from '../../app/routes';
import { messageOf, type AppState } from '../../store/app-state';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { TextField } from '../../ui/fields';

export type WorkspacePathAction = 'create' | 'open' | 'save-as';

interface ActionCopy {
  title: string;
  submit: string;
  busy: string;
  hint: string;
  done: (w: WorkspaceInfo) => string;
  command: (s: AppState) => (path: string) => Promise<WorkspaceInfo>;
}

const ACTIONS: Record<WorkspacePathAction, ActionCopy> = {
  create: {
    title: 'New workspace',
    submit: 'Create',
    busy: 'Creating…',
    hint: 'A new, empty workspace file is created at this path. An existing file is never overwritten.',
    done: (w) => `Created workspace ${w.name}`,
    command: (s) => s.createWorkspace,
  },
  open: {
    title: 'Open workspace',
    submit: 'Open',
    busy: 'Opening…',
    hint: 'The path of an existing workspace file on this computer.',
    done: (w) => `Opened workspace ${w.name}`,
    command: (s) => s.openWorkspace,
  },
  'save-as': {
    title: 'Save workspace as',
    submit: 'Save',
    busy: 'Saving…',
    hint: 'A copy of the open workspace is written here, and the copy becomes the open workspace.',
    done: (w) => `Saved as ${w.path}`,
    command: (s) => s.saveWorkspaceAs,
  },
};

/**
 * The web host cannot show native file dialogs, and a path typed here is only ever handed to the
 * engine, which validates it; so every host asks for the path the same way.
 */
export function WorkspacePathDialog({ action, onClose }: { action: WorkspacePathAction; onClose: () => void }) {
  const copy = ACTIONS[action];
  const run = useAppStore(copy.command);
  const formId = useId();
  const notify = useAppStore((s) => s.notify);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const workspace = await run(path);
      notify('success', copy.done(workspace));
      onClose();
      navigate({ page: 'inventory' });
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={copy.title}
      onClose={busy ? undefined : onClose}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" disabled={busy || path.trim() === ''}>
            {busy ? copy.busy : copy.submit}
          </Button>
        </>
      }
    >
      <form id={formId} className="dialog-form" onSubmit={submit}>
        <TextField label="Workspace file path" value={path} onChange={setPath} placeholder="/home/me/acme.atw" hint={copy.hint} spellCheck={false} autoFocus required />
        {error && <ErrorBanner>{error}</ErrorBanner>}
      </form>
    </Dialog>
  );
}

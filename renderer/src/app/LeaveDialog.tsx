import { useSyncExternalStore } from 'react';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';
import { currentLeaveQuestion, subscribeLeaveQuestion } from './leave-guard';

/** The one question asked before unsaved edits would be left behind. */
export function LeaveDialog() {
  const question = useSyncExternalStore(subscribeLeaveQuestion, currentLeaveQuestion);
  if (!question) return null;
  const { answer, saving } = question;
  return (
    <Dialog
      title="Save your changes?"
      size="sm"
      onClose={saving ? undefined : () => answer('stay')}
      footer={
        <>
          <Button onClick={() => answer('stay')} disabled={saving}>
            Stay
          </Button>
          <Button variant="danger" onClick={() => answer('discard')} disabled={saving}>
            Discard
          </Button>
          <Button variant="primary" onClick={() => answer('save')} disabled={saving} autoFocus>
            {saving ? 'Saving…' : 'Save'}
          </Button>
        </>
      }
    >
      <p>This agent has changes that are not saved yet. Save them before leaving, discard them, or stay on the page.</p>
    </Dialog>
  );
}

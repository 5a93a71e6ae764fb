import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../../store/app-state';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { TextField } from '../../ui/fields';

export function ActorDialog({ currentActor, onClose }: { currentActor: string; onClose: () => void }) {
  const setActor = useAppStore((s) => s.setActor);
  const [actor, setActorText] = useState(currentActor);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await setActor(actor);
      onClose();
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Who is making changes?"
      size="sm"
      onClose={busy ? undefined : onClose}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" disabled={busy}>
            Save
          </Button>
        </>
      }
    >
      <form id={formId} className="dialog-form" onSubmit={submit}>
        <TextField
          label="Your name"
          value={actor}
          onChange={setActorText}
          hint="The audit log names this person for every change made from this window."
          autoComplete="name"
          autoFocus
        />
        {error && <ErrorBanner>{error}</ErrorBanner>}
      </form>
    </Dialog>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';
import { hasUnsavedChanges } from '../../app/leave-guard';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/fields';
import { formatDateTime } from '../../ui/format-date';
import './review.css';

/** "Mark reviewed": keeps what the agent can do and reach today as the baseline later changes are shown against. */
export function ReviewPanel({ agentId }: { agentId: string }) {
  const drift = useAppStore((s) => (s.drift?.agentId === agentId ? s.drift : null));
  const loadDrift = useAppStore((s) => s.loadDrift);
  const markReviewed = useAppStore((s) => s.markReviewed);
  const marking = useAppStore((s) => s.markingReviewed === agentId);
  const refused = useAppStore((s) => s.markReviewedError);
  const [note, setNote] = useState('');
  const [blocked, setBlocked] = useState<string | null>(null);
  const titleId = useId();

  // Imports made elsewhere change what the review is compared against: read it on every visit.
  useEffect(() => {
    void loadDrift(agentId);
  }, [agentId, loadDrift]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The review records the agent as saved, and reloads it: unsaved edits would be lost or left out.
    if (hasUnsavedChanges()) {
      setBlocked('Save or discard the edits below first: the review records the agent as it is saved.');
      return;
    }
    setBlocked(null);
    if (await markReviewed({ agentId, note })) setNote('');
  };

  const last = drift?.value?.lastReview ?? null;
  const count = drift?.value?.reviewCount ?? 0;
  const error = blocked ?? refused;
  return (
    <section className="side-card review-panel" aria-labelledby={titleId}>
      <h2 id={titleId} className="side-card__title">
        Review
      </h2>
      {drift?.error && !drift.value ? (
        <p className="muted">Could not read the reviews: {drift.error}</p>
      ) : !drift?.value ? (
        <p className="muted" aria-busy="true">
          Reading…
        </p>
      ) : last ? (
        <div className="review-panel__last">
          <p>
            Last reviewed{' '}
            <time dateTime={last.at} title={last.at}>
              {formatDateTime(last.at)}
            </time>{' '}
            by <strong>{last.by}</strong>
          </p>
          {last.note && <p className="review-panel__note">“{last.note}”</p>}
          <p className="muted">{count === 1 ? '1 review recorded' : `${count} reviews recorded`}</p>
        </div>
      ) : (
        <p className="muted">Not reviewed in this app yet.</p>
      )}
      <form className="review-panel__form" onSubmit={(e) => void submit(e)}>
        <TextField label="Review note (optional)" value={note} onChange={setNote} maxLength={2000} placeholder="What was checked, with whom" />
        <Button type="submit" variant="primary" disabled={marking || !drift?.value}>
          {marking ? 'Marking…' : 'Mark reviewed'}
        </Button>
      </form>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

import type { CandidateMatch } from '../../../../shared/candidate-match';
import { STATUS_LABELS } from '../../domain/agent-labels';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';

/** "similar name (92%) · same schedule 0 2 * * *": why the engine thinks it is the same agent. */
export function MatchReasons({ match }: { match: CandidateMatch }) {
  return (
    <ul className="match-reasons" aria-label={`Why it looks like ${match.agentName}`}>
      {match.reasons.map((r) => (
        <li key={`${r.kind}:${r.detail}`} title={r.detail}>
          {r.detail}
        </li>
      ))}
    </ul>
  );
}

/** Shown on a pending candidate's page so the likely duplicate is visible before anyone clicks Confirm. */
export function PossibleDuplicateNote({ matches, onMerge, busy }: { matches: readonly CandidateMatch[]; onMerge: () => void; busy: boolean }) {
  const [first] = matches;
  if (!first) return null;
  const others = matches.length - 1;
  return (
    <div className="possible-duplicate" role="note">
      <div className="possible-duplicate__text">
        <strong>
          Probably already in the registry as {first.agentName}
          {others > 0 ? ` (or ${others} other${others === 1 ? '' : 's'})` : ''}
        </strong>
        <MatchReasons match={first} />
      </div>
      <Button onClick={onMerge} disabled={busy}>
        Review and merge…
      </Button>
    </div>
  );
}

/**
 * Asked when Confirm is clicked on a candidate that probably is an agent the registry already
 * has: merging is offered first, confirming as a new agent stays one click away.
 */
export function ConfirmMatchDialog({
  name,
  matches,
  onMerge,
  onConfirmAsNew,
  onClose,
}: {
  name: string;
  matches: readonly CandidateMatch[];
  onMerge: (agentId: string) => void;
  onConfirmAsNew: () => void;
  onClose: () => void;
}) {
  const acting = useAppStore((s) => s.candidateActing);
  const error = useAppStore((s) => s.candidateActionError);
  const busy = acting !== null;
  return (
    <Dialog
      title="Already in the registry?"
      size="md"
      onClose={busy ? undefined : onClose}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button onClick={onConfirmAsNew} disabled={busy}>
            {acting === 'confirm' ? 'Confirming…' : 'Confirm as a new agent'}
          </Button>
        </>
      }
    >
      <p>
        <strong>{name}</strong> looks like {matches.length === 1 ? 'an agent' : 'agents'} the registry already has. Merging adds this unit to the existing
        entry, so the agent is tracked once with its owner, review and rollback.
      </p>
      <ul className="match-list">
        {matches.map((m, i) => (
          <li key={m.agentId} className="match-list__item">
            <div className="match-list__about">
              <span className="match-list__name">{m.agentName}</span>
              <span className="muted">
                {STATUS_LABELS[m.status]}
                {m.ownerName ? ` · ${m.ownerName}` : ' · no owner'}
              </span>
              <MatchReasons match={m} />
            </div>
            <Button variant={i === 0 ? 'primary' : 'secondary'} onClick={() => onMerge(m.agentId)} disabled={busy} autoFocus={i === 0}>
              {acting === 'merge' ? 'Merging…' : `Merge into ${m.agentName}`}
            </Button>
          </li>
        ))}
      </ul>
      {error && <ErrorBanner title="The decision was not recorded">{error}</ErrorBanner>}
    </Dialog>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';
import type { CandidateMatch } from '../../../../shared/candidate-match';
import { STATUS_LABELS } from '../../domain/agent-labels';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { TextArea, TextField } from '../../ui/fields';
import { MatchReasons } from './CandidateMatches';

/**
 * Dismissing needs a reason: the next reviewer (and the audit log) must see why it is not an agent.
 * fromUsage: a key or tag found in usage logs, where dismissing says its calls are the application layer's.
 */
export function DismissDialog({ identityKey, name, fromUsage = false, onClose }: { identityKey: string; name: string; fromUsage?: boolean; onClose: () => void }) {
  const acting = useAppStore((s) => s.candidateActing);
  const error = useAppStore((s) => s.candidateActionError);
  const dismissCandidate = useAppStore((s) => s.dismissCandidate);
  const clearError = useAppStore((s) => s.clearCandidateActionError);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const formId = useId();
  const busy = acting === 'dismiss';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    if (await dismissCandidate(identityKey, reason.trim())) onClose();
  };
  const close = () => {
    clearError();
    onClose();
  };

  return (
    <Dialog
      title={`Dismiss ${name}`}
      size="md"
      onClose={busy ? undefined : close}
      footer={
        <>
          <Button onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="danger" disabled={busy}>
            {busy ? 'Dismissing…' : 'Dismiss candidate'}
          </Button>
        </>
      }
    >
      <form id={formId} className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextArea
          label="Reason"
          value={reason}
          onChange={(value) => {
            setReason(value);
            if (missing) setMissing(false);
          }}
          error={missing ? (fromUsage ? 'Say whose calls these are.' : 'Say why it is not an agent to track.') : null}
          hint={
            fromUsage
              ? 'Dismissing says these calls are the application layer’s, not an agent’s: e.g. the web app’s chat feature, or a person’s own scripts. Its usage is then counted as the application’s. Kept with the decision and in the audit log; a new import keeps it dismissed.'
              : 'e.g. a test fixture, example code, or already tracked as another agent. Kept with the decision and in the audit log; a re-scan keeps it dismissed.'
          }
          rows={3}
          required
          autoFocus
        />
      </form>
      {error && <ErrorBanner title="Not dismissed">{error}</ErrorBanner>}
    </Dialog>
  );
}

/**
 * Merging says: this unit is one more deployment of an agent the registry already has. The
 * engine's likely matches are listed first, with why; nothing is chosen until the person chooses.
 */
export function MergeDialog({
  identityKey,
  name,
  suggestions,
  onClose,
  onMerged,
}: {
  identityKey: string;
  name: string;
  suggestions: readonly CandidateMatch[];
  onClose: () => void;
  onMerged: (agentName: string) => void;
}) {
  const acting = useAppStore((s) => s.candidateActing);
  const error = useAppStore((s) => s.candidateActionError);
  const targets = useAppStore((s) => s.mergeTargets);
  const targetsError = useAppStore((s) => s.mergeTargetsError);
  const searchTargets = useAppStore((s) => s.searchMergeTargets);
  const mergeCandidate = useAppStore((s) => s.mergeCandidate);
  const clearError = useAppStore((s) => s.clearCandidateActionError);
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const formId = useId();
  const legendId = useId();
  const busy = acting === 'merge';

  useEffect(() => {
    const timer = setTimeout(() => void searchTargets(text), 150);
    return () => clearTimeout(timer);
  }, [text, searchTargets]);

  const suggestedIds = new Set(suggestions.map((m) => m.agentId));
  const others = targets?.filter((a) => !suggestedIds.has(a.id)) ?? null;
  const chosenName = suggestions.find((m) => m.agentId === chosen)?.agentName ?? targets?.find((a) => a.id === chosen)?.name ?? null;
  const choose = (agentId: string) => {
    setChosen(agentId);
    setMissing(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) {
      setMissing(true);
      return;
    }
    const agent = await mergeCandidate(identityKey, chosen);
    if (agent) onMerged(agent.name);
  };
  const close = () => {
    clearError();
    onClose();
  };

  return (
    <Dialog
      title={`Merge ${name} into…`}
      size="md"
      onClose={busy ? undefined : close}
      footer={
        <>
          <Button onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" disabled={busy || chosen === null} title={chosen === null ? 'Choose the agent to merge into first' : undefined}>
            {busy ? 'Merging…' : chosenName ? `Merge into ${chosenName}` : 'Merge'}
          </Button>
        </>
      }
    >
      <form id={formId} className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField type="search" label="Search registry agents" value={text} onChange={setText} placeholder="Name, owner or description" spellCheck={false} autoFocus />
        <fieldset className="merge-targets" aria-describedby={missing ? `${legendId}-error` : undefined}>
          <legend id={legendId} className="field__label">
            Registry agent
          </legend>
          {targets === null && !targetsError && <p className="muted">Loading the registry…</p>}
          {targets !== null && suggestions.length === 0 && others?.length === 0 && (
            <p className="muted">{text.trim() ? `No agent matches “${text.trim()}”.` : 'The registry has no agents yet; confirm the candidate instead.'}</p>
          )}
          {(suggestions.length > 0 || (others && others.length > 0)) && (
            <div className="merge-targets__list">
              {suggestions.length > 0 && <div className="merge-targets__group">Likely matches</div>}
              {suggestions.map((m) => (
                <label key={m.agentId} className="merge-target merge-target--suggested">
                  <input type="radio" name={`${formId}-agent`} value={m.agentId} checked={chosen === m.agentId} onChange={() => choose(m.agentId)} />
                  <span className="merge-target__about">
                    <span className="merge-target__name">{m.agentName}</span>
                    <MatchReasons match={m} />
                  </span>
                  <span className="muted merge-target__meta">
                    {STATUS_LABELS[m.status]}
                    {m.ownerName ? ` · ${m.ownerName}` : ''}
                  </span>
                </label>
              ))}
              {suggestions.length > 0 && others && others.length > 0 && <div className="merge-targets__group">{text.trim() ? 'Other matches' : 'All agents'}</div>}
              {others?.map((a) => (
                <label key={a.id} className="merge-target">
                  <input type="radio" name={`${formId}-agent`} value={a.id} checked={chosen === a.id} onChange={() => choose(a.id)} />
                  <span className="merge-target__name">{a.name}</span>
                  <span className="muted merge-target__meta">
                    {STATUS_LABELS[a.status]}
                    {a.ownerName ? ` · ${a.ownerName}` : ''}
                  </span>
                </label>
              ))}
            </div>
          )}
          {missing && (
            <p id={`${legendId}-error`} className="field__error">
              Choose the agent this candidate is part of.
            </p>
          )}
        </fieldset>
      </form>
      {targetsError && <ErrorBanner title="Could not list the registry">{targetsError}</ErrorBanner>}
      {error && <ErrorBanner title="Not merged">{error}</ErrorBanner>}
    </Dialog>
  );
}

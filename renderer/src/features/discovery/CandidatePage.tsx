import { useEffect, useState } from 'react';
import type { CandidateMatch } from '../../../../shared/candidate-match';
import { registersAsAgent, type CandidateDetail } from '../../../../shared/discovery';
import { hrefOf } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ChipList } from '../../ui/ChipList';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatDateTime } from '../../ui/format-date';
import { capabilityChips } from './capability-chips';
import { CandidateFacts } from './CandidateFacts';
import { ConfirmMatchDialog, PossibleDuplicateNote } from './CandidateMatches';
import { DismissDialog, MergeDialog } from './DecisionDialogs';
import {
  CLASSIFICATION_EXPLANATIONS,
  CLASSIFICATION_LABELS,
  CLASSIFICATION_TONES,
  DECISION_LABELS,
  DECISION_TONES,
  formatConfidence,
  isLowConfidence,
  providerName,
  triggerText,
  UNIT_KIND_LABELS,
  UNTRUSTED_INPUT_EXPLANATIONS,
  UNTRUSTED_INPUT_LABELS,
} from './discovery-labels';
import '../agent/agent-page.css';
import './discovery.css';

function DiscoveryBreadcrumb({ current }: { current: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        <li>
          <a href={hrefOf({ page: 'discovery' })}>Discovery</a>
        </li>
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}

export function CandidatePage({ identityKey }: { identityKey: string }) {
  const candidate = useAppStore((s) => (s.candidate?.identityKey === identityKey ? s.candidate : null));
  const error = useAppStore((s) => (s.candidateError?.identityKey === identityKey ? s.candidateError.message : null));
  const loadCandidate = useAppStore((s) => s.loadCandidate);

  useEffect(() => {
    void loadCandidate(identityKey);
  }, [identityKey, loadCandidate]);

  if (error) {
    return (
      <div className="page">
        <DiscoveryBreadcrumb current="Candidate" />
        <ErrorBanner title="This candidate could not be opened">{error}</ErrorBanner>
        <EmptyState title="Candidate not available">
          <p>
            Back to the <a href={hrefOf({ page: 'discovery' })}>review queue</a>.
          </p>
        </EmptyState>
      </div>
    );
  }
  if (!candidate) {
    return (
      <div className="page" aria-busy="true">
        <DiscoveryBreadcrumb current="Loading…" />
      </div>
    );
  }
  return <CandidateView candidate={candidate} />;
}

// One empty list, so the store selector's answer is stable between renders.
const NO_MATCHES: readonly CandidateMatch[] = [];

function CandidateView({ candidate: c }: { candidate: CandidateDetail }) {
  const acting = useAppStore((s) => s.candidateActing);
  const actionError = useAppStore((s) => s.candidateActionError);
  const confirmCandidate = useAppStore((s) => s.confirmCandidate);
  const mergeCandidate = useAppStore((s) => s.mergeCandidate);
  const reopenCandidate = useAppStore((s) => s.reopenCandidate);
  const clearActionError = useAppStore((s) => s.clearCandidateActionError);
  const loadMatches = useAppStore((s) => s.loadCandidateMatches);
  const matches = useAppStore((s) => (s.candidateMatches?.identityKey === c.identityKey ? s.candidateMatches.matches : NO_MATCHES));
  const notify = useAppStore((s) => s.notify);
  const [dialog, setDialog] = useState<'dismiss' | 'merge' | 'matches' | null>(null);
  const [checking, setChecking] = useState(false);
  const busy = acting !== null || checking;
  const pending = c.decision === 'pending';

  useEffect(() => {
    if (pending) void loadMatches(c.identityKey);
  }, [pending, c.identityKey, loadMatches]);

  const confirmAsNew = async () => {
    const agent = await confirmCandidate(c.identityKey);
    if (agent) {
      setDialog(null);
      notify('success', `Confirmed ${c.name}: it is now in the registry`);
    }
  };
  // Asked again at the moment of confirming: the registry may have grown since the page opened.
  const confirm = async () => {
    setChecking(true);
    const found = await loadMatches(c.identityKey);
    setChecking(false);
    if (found.length > 0) setDialog('matches');
    else await confirmAsNew();
  };
  const mergeInto = async (agentId: string) => {
    const agent = await mergeCandidate(c.identityKey, agentId);
    if (agent) {
      setDialog(null);
      notify('success', `Merged ${c.name} into ${agent.name}`);
    }
  };

  return (
    <div className="page candidate-page">
      <DiscoveryBreadcrumb current={c.name} />
      <header className="candidate-page__header">
        <div className="candidate-page__title">
          <h1>{c.name}</h1>
          <Badge tone={DECISION_TONES[c.decision]}>{DECISION_LABELS[c.decision]}</Badge>
          <Badge tone={CLASSIFICATION_TONES[c.classification]} title={CLASSIFICATION_EXPLANATIONS[c.classification]}>
            {CLASSIFICATION_LABELS[c.classification]}
          </Badge>
          {isLowConfidence(c.confidence) && (
            <Badge tone="muted" title="Found only in tests, docs or examples, or by a weak rule">
              low confidence
            </Badge>
          )}
        </div>
        <div className="candidate-page__actions">
          {c.decision === 'pending' ? (
            <>
              <Button onClick={() => setDialog('merge')} disabled={busy}>
                Merge into…
              </Button>
              <Button variant="danger" onClick={() => setDialog('dismiss')} disabled={busy}>
                Dismiss…
              </Button>
              {registersAsAgent(c.classification) && (
                <Button variant="primary" onClick={() => void confirm()} disabled={busy}>
                  {acting === 'confirm' || checking ? 'Confirming…' : 'Confirm'}
                </Button>
              )}
            </>
          ) : (
            <>
              {c.agentId && (
                <a className="button button--secondary button--md" href={hrefOf({ page: 'agent', agentId: c.agentId })}>
                  Open in registry
                </a>
              )}
              <Button onClick={() => void reopenCandidate(c.identityKey)} disabled={busy}>
                {acting === 'reopen' ? 'Reopening…' : 'Reopen'}
              </Button>
            </>
          )}
        </div>
      </header>
      {c.usage ? (
        <p className="candidate-page__unit">
          {UNIT_KIND_LABELS[c.unit.kind]}: {providerName(c.usage.provider)} {c.usage.keyId !== null ? 'key' : 'agent tag'}{' '}
          <span className="mono">{c.usage.keyId ?? c.usage.agentTag ?? c.unit.name}</span>
          <span className="muted"> · spending with no code, registry entry or application accounting for it</span>
        </p>
      ) : (
        <p className="candidate-page__unit">
          {UNIT_KIND_LABELS[c.unit.kind]} <span className="mono">{c.unit.name}</span> in <span className="mono">{c.unit.path}</span>
          <span className="muted"> · scanned from </span>
          <span className="mono muted">{c.sourceRoot}</span>
        </p>
      )}

      {actionError && !dialog && (
        <ErrorBanner title="The decision was not recorded" onDismiss={clearActionError}>
          {actionError}
        </ErrorBanner>
      )}
      <DecisionNote candidate={c} />
      {pending && !registersAsAgent(c.classification) && (
        <p className="candidate-page__not-agent" role="note">
          {c.classification === 'mcp-server'
            ? 'Not an agent: this server provides tools to the agents linked below. Merge it into the agent that uses it, so its tools count for that agent, or dismiss it.'
            : 'Not an agent: this code starts an agent deployed elsewhere. Merge it into that agent, where it is one of its triggers, or dismiss it.'}
        </p>
      )}
      {pending && !dialog && <PossibleDuplicateNote matches={matches} busy={busy} onMerge={() => setDialog('matches')} />}

      <div className="candidate-page__layout">
        <CandidateFacts candidate={c} />
        {c.usage ? <UsageDecisionsCard keyed={c.usage.keyId !== null} /> : <CandidateSummaryCard candidate={c} />}
      </div>

      {dialog === 'dismiss' && <DismissDialog identityKey={c.identityKey} name={c.name} fromUsage={c.usage !== undefined} onClose={() => setDialog(null)} />}
      {dialog === 'matches' && (
        <ConfirmMatchDialog
          name={c.name}
          matches={matches}
          onMerge={(agentId) => void mergeInto(agentId)}
          onConfirmAsNew={() => void confirmAsNew()}
          onClose={() => {
            clearActionError();
            setDialog(null);
          }}
        />
      )}
      {dialog === 'merge' && (
        <MergeDialog
          identityKey={c.identityKey}
          name={c.name}
          suggestions={matches}
          onClose={() => setDialog(null)}
          onMerged={(agentName) => {
            setDialog(null);
            notify('success', `Merged ${c.name} into ${agentName}`);
          }}
        />
      )}
    </div>
  );
}

function DecisionNote({ candidate: c }: { candidate: CandidateDetail }) {
  if (c.decision === 'pending') return null;
  const who = [c.decidedBy, c.decidedAt ? formatDateTime(c.decidedAt) : null].filter(Boolean).join(', ');
  const text = {
    confirmed: 'Confirmed: this candidate is an agent in the registry.',
    merged: 'Merged into an agent the registry already had.',
    dismissed: c.usage ? 'Dismissed: these calls are the application layer’s, not an agent’s.' : 'Dismissed: not an agent to track.',
  }[c.decision];
  return (
    <div className={`decision-note decision-note--${c.decision}`} role="status">
      <span>{text}</span>
      {c.reason && (
        <span>
          Reason: <q>{c.reason}</q>
        </span>
      )}
      {who && <span className="muted">{who}</span>}
    </div>
  );
}

/** A usage candidate is decided like any other; what each decision does to the key's usage is said before it is made. */
function UsageDecisionsCard({ keyed }: { keyed: boolean }) {
  const what = keyed ? 'the key' : 'the tag';
  return (
    <aside className="candidate-side" aria-label="What the decisions do">
      <section className="side-card">
        <h2 className="side-card__title">What the decisions do</h2>
        <ul className="usage-decisions">
          <li>
            <strong>Confirm</strong>
            <span className="muted">A new registry agent, and {what}’s usage is counted as its own.</span>
          </li>
          <li>
            <strong>Merge</strong>
            <span className="muted">{keyed ? 'The key is mapped' : 'The tag is mapped'} to an agent the registry already has: its usage joins that agent’s.</span>
          </li>
          <li>
            <strong>Dismiss</strong>
            <span className="muted">Not an agent: the application layer (a feature calling the model on a person’s request). Its usage is counted as the application’s, no longer as unaccounted.</span>
          </li>
        </ul>
      </section>
    </aside>
  );
}

function CandidateSummaryCard({ candidate: c }: { candidate: CandidateDetail }) {
  const capabilities = capabilityChips(c.capabilities.map((x) => x.kind));
  const providers = [...new Set(c.llm.map((l) => providerName(l.provider)))];
  const models = [...new Set(c.llm.flatMap((l) => l.models))];
  const reads = [...new Set((c.untrustedInputs ?? []).map((i) => i.kind))].map((k) => ({ key: k, label: UNTRUSTED_INPUT_LABELS[k], tone: 'warning' as const, title: UNTRUSTED_INPUT_EXPLANATIONS[k] }));
  const scanned = c.guardrails.some((g) => g.kind === 'injection-scan');
  return (
    <aside className="candidate-side" aria-label="Summary">
      <section className="side-card">
        <h2 className="side-card__title">Summary</h2>
        <dl className="candidate-side__list">
          <dt>Trigger</dt>
          <dd>{triggerText(c.trigger)}</dd>
          <dt>Confidence</dt>
          <dd className={isLowConfidence(c.confidence) ? 'mono muted' : 'mono'}>{formatConfidence(c.confidence)}</dd>
          <dt>Providers</dt>
          <dd>{providers.length ? providers.join(', ') : <span className="muted">None seen</span>}</dd>
          <dt>Models</dt>
          <dd className="mono">{models.length ? models.join(', ') : <span className="muted">None written</span>}</dd>
          <dt>Capabilities</dt>
          <dd>{capabilities.length ? <ChipList label="Capabilities" chips={capabilities} wrap /> : <span className="muted">None seen</span>}</dd>
          <dt>Reads from outside</dt>
          <dd>
            {reads.length ? <ChipList label="Reads from outside" chips={reads} wrap /> : <span className="muted">{c.untrustedInputs ? 'None seen' : 'Not checked'}</span>}
            {reads.length > 0 && <span className={scanned ? 'muted' : undefined}>{scanned ? 'scanned for injected instructions' : 'no injection scan seen'}</span>}
          </dd>
          <dt>Credentials</dt>
          <dd>{new Set(c.credentials.map((x) => x.name)).size}</dd>
          <dt>Advisories</dt>
          <dd>{c.advisories.length > 0 ? <Badge tone="danger">{c.advisories.length}</Badge> : '0'}</dd>
          <dt>Entry points</dt>
          <dd className="mono">{c.entryPoints.length ? c.entryPoints.join(', ') : <span className="muted">None found</span>}</dd>
        </dl>
      </section>
    </aside>
  );
}

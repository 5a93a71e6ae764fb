import type { AgentDetail } from '../../../../shared/contract';
import { answeredCount } from '../../../../shared/answer-card';
import { hrefOf } from '../../app/routes';
import { STATUS_LABELS, STATUS_TONES, TRIGGER_LABELS } from '../../domain/agent-labels';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Spinner } from '../../ui/Spinner';
import { IrreversibleTable } from '../triage/IrreversibleTable';
import { TierBadge } from '../triage/RiskParts';
import { AuditLog } from './AgentSidePanel';
import { AnswerCard } from './AnswerCard';
import { BlastRadiusCard } from './BlastRadiusCard';
import { Breadcrumb } from './Breadcrumb';
import { CloudIdentitiesPanel } from './CloudIdentitiesPanel';
import { DriftCard } from './DriftCard';
import { ExposureCard } from './ExposureCard';
import { ProfileSection } from './ProfileSection';
import { ReviewPanel } from './ReviewPanel';
import { UsageCard } from './UsageCard';
import { WhatFails, WhatToDoNext } from './WhatFails';
import { WhatItIs } from './WhatItIs';
import './profile.css';

/**
 * The agent's profile, read first: what it is, what it can reach, what it cost, what fails and what
 * to do next, the answer card and its irreversible actions, each with the evidence one click away.
 * Everything comes from the engine (the agent, its dossier, its triage); the registry fields are
 * changed in edit mode.
 */
export function AgentProfile({ agent }: { agent: AgentDetail }) {
  const triage = useAppStore((s) => (s.agentTriage?.agentId === agent.id ? s.agentTriage : null));
  const dossier = useAppStore((s) => (s.dossier?.agentId === agent.id ? s.dossier.value : null));
  const audit = useAppStore((s) => s.agentAudit);
  const reload = useAppStore((s) => s.loadAgentTriage);
  const data = triage?.data ?? null;
  const owner = agent.owner;

  return (
    <div className="page agent-page agent-profile">
      <Breadcrumb current={agent.name} />
      <header className="agent-profile__header">
        <div className="agent-profile__title">
          <h1>{agent.name}</h1>
          <Badge tone={STATUS_TONES[agent.status]}>{STATUS_LABELS[agent.status]}</Badge>
          {data && <TierBadge risk={data.risk} />}
          {data && (
            <span className={answeredCount(data.answers) === 4 ? 'agent-profile__answered agent-profile__answered--done' : 'agent-profile__answered'}>
              {answeredCount(data.answers)} of 4 answered
            </span>
          )}
          <div className="agent-page__actions">
            <a className="button button--secondary button--md" href={hrefOf({ page: 'triage', agentId: agent.id })}>
              Checklist
            </a>
            <a className="button button--primary button--md" href={hrefOf({ page: 'agent', agentId: agent.id, edit: true })}>
              Edit
            </a>
          </div>
        </div>
        <dl className="agent-profile__meta" aria-label="Registry summary">
          <div>
            <dt>Owner</dt>
            <dd className={owner ? undefined : 'agent-profile__missing'}>{owner ? `${owner.name}${owner.email ? ` <${owner.email}>` : ''}` : 'nobody'}</dd>
          </div>
          <div>
            <dt>Trigger</dt>
            <dd>
              {TRIGGER_LABELS[agent.trigger.kind]}
              {agent.trigger.schedule ? ` · ${agent.trigger.schedule}` : ''}
            </dd>
          </div>
          <div>
            <dt>Environment</dt>
            <dd className={agent.environment ? undefined : 'agent-profile__missing'}>{agent.environment || 'not recorded'}</dd>
          </div>
          <div>
            <dt>Last reviewed</dt>
            <dd className={agent.lastReviewed ? undefined : 'agent-profile__missing'}>{agent.lastReviewed ?? 'never'}</dd>
          </div>
        </dl>
      </header>
      <div className="review-strip">
        <ReviewPanel agentId={agent.id} />
        <DriftCard agentId={agent.id} />
      </div>

      {triage?.error && (
        <ErrorBanner title="Could not evaluate this agent">
          {triage.error} <Button size="sm" onClick={() => void reload(agent.id)}>Try again</Button>
        </ErrorBanner>
      )}

      <div className="agent-page__layout agent-profile__layout">
        <div className="agent-page__main">
          {!data ? (
            !triage?.error && (
              <p className="muted agent-profile__loading">
                <Spinner /> Evaluating the checklist and the answer card…
              </p>
            )
          ) : (
            <>
              <AnswerCard answers={data.answers} />
              <WhatToDoNext agentId={agent.id} checklist={data.checklist} />
              <WhatFails agentId={agent.id} checklist={data.checklist} />
              <ProfileSection
                title="Irreversible actions"
                action={
                  <a href={hrefOf({ page: 'triage', agentId: null, view: 'irreversible' })} className="profile-card__link">
                    Every agent’s register
                  </a>
                }
              >
                {data.irreversible.length === 0 ? (
                  <p className="muted">No action that cannot be undone within five minutes was found in its code or allowed on production stores by its credentials.</p>
                ) : (
                  <IrreversibleTable label="Irreversible actions of this agent" rows={data.irreversible} />
                )}
              </ProfileSection>
              <ExposureCard exposure={data.exposure} checklist={data.checklist} />
            </>
          )}
          <ProfileSection title="What it can reach" className="agent-profile__reach">
            <BlastRadiusCard agentId={agent.id} />
            <CloudIdentitiesPanel agentId={agent.id} />
          </ProfileSection>
        </div>
        <aside className="agent-side" aria-label="Profile facts">
          <WhatItIs agent={agent} dossier={dossier} />
          <UsageCard agentId={agent.id} />
          <AuditLog entries={audit} isNew={false} />
        </aside>
      </div>
    </div>
  );
}

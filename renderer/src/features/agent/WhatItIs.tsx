import type { AgentDetail, AgentDossier } from '../../../../shared/contract';
import { UNIT_KIND_LABELS } from '../discovery/discovery-labels';
import { EvidenceToggle } from './EvidenceToggle';
import { ProfileSection } from './ProfileSection';

/** What the agent is: the registry's description, who supplies it, and where its code and config were seen. */
export function WhatItIs({ agent, dossier }: { agent: AgentDetail; dossier: AgentDossier | null }) {
  const code = dossier?.sources.filter((s) => s.unit.kind !== 'llm-usage') ?? [];
  const keys = dossier?.sources.filter((s) => s.unit.kind === 'llm-usage') ?? [];
  const frameworks = [...new Set(dossier?.frameworks.map((f) => f.framework) ?? [])];
  const models = [...new Set(dossier?.llm.flatMap((l) => l.models.length > 0 ? l.models.map((m) => `${l.provider} ${m}`) : [l.provider]) ?? [])];
  return (
    <ProfileSection title="What it is" className="profile-what">
      <p className={agent.description ? 'profile-what__description' : 'profile-what__description muted'}>{agent.description || 'No description recorded.'}</p>
      <dl className="profile-facts">
        <div>
          <dt>Vendor</dt>
          <dd>{agent.vendor || <span className="muted">not recorded</span>}</dd>
        </div>
        {frameworks.length > 0 && (
          <div>
            <dt>Frameworks</dt>
            <dd>{frameworks.join(', ')}</dd>
          </div>
        )}
        {models.length > 0 && (
          <div>
            <dt>Models</dt>
            <dd>{models.join(', ')}</dd>
          </div>
        )}
      </dl>
      <div>
        <h3 className="profile-card__subtitle">Code and configuration</h3>
        {!dossier ? (
          <p className="muted" aria-busy="true">
            Reading…
          </p>
        ) : code.length === 0 ? (
          <p className="muted">No code or configuration of it has been scanned: scan its repository (Discovery) or confirm a discovered candidate as this agent.</p>
        ) : (
          <ul className="profile-sources">
            {code.map((s) => (
              <li key={s.identityKey}>
                <span className="profile-sources__name">{s.unit.name}</span>
                <span className="muted">{UNIT_KIND_LABELS[s.unit.kind]}</span>
                <EvidenceToggle label={s.unit.name} evidence={[{ text: `declared in ${s.sourceRoot}`, path: s.unit.path }]} />
              </li>
            ))}
          </ul>
        )}
        {keys.length > 0 && <p className="muted profile-sources__keys">Also seen spending tokens in imported usage: {keys.map((k) => k.name).join(', ')}.</p>}
      </div>
    </ProfileSection>
  );
}

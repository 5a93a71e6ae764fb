import { useEffect } from 'react';
import { hrefOf } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { EmptyState } from '../../ui/EmptyState';
import { AgentEditor } from './AgentEditor';
import { AgentProfile } from './AgentProfile';
import { Breadcrumb } from './Breadcrumb';
import './agent-page.css';

/** agentId null: the form for a new agent; otherwise the profile, or with edit the registry form. */
export function AgentPage({ agentId, edit = false }: { agentId: string | null; edit?: boolean }) {
  const agent = useAppStore((s) => s.agent);
  const error = useAppStore((s) => (s.agentError?.agentId === agentId ? s.agentError.message : null));
  const loadAgent = useAppStore((s) => s.loadAgent);
  const clearAgent = useAppStore((s) => s.clearAgent);
  const loadAgentCloud = useAppStore((s) => s.loadAgentCloud);
  const loadAgentTriage = useAppStore((s) => s.loadAgentTriage);
  const savedVersion = useAppStore((s) => (s.agent?.id === agentId ? s.agent?.updatedAt : undefined));

  useEffect(() => {
    if (agentId) void loadAgent(agentId);
    else clearAgent();
  }, [agentId, loadAgent, clearAgent]);

  // The blast radius, identities and verdicts change with imports made elsewhere and with each save
  // (registry credentials link identities, the owner answers a question): read them on every visit and version.
  useEffect(() => {
    if (agentId) void loadAgentCloud(agentId);
  }, [agentId, savedVersion, loadAgentCloud]);
  useEffect(() => {
    if (agentId) void loadAgentTriage(agentId);
  }, [agentId, savedVersion, loadAgentTriage]);

  if (agentId === null) return <AgentEditor agent={null} />;
  if (error) {
    return (
      <div className="page">
        <Breadcrumb current="Agent" />
        <EmptyState title="This agent could not be opened">
          <p>{error}</p>
          <p>
            Back to <a href={hrefOf({ page: 'inventory' })}>Inventory</a>.
          </p>
        </EmptyState>
      </div>
    );
  }
  if (agent?.id !== agentId) {
    return (
      <div className="page" aria-busy="true">
        <Breadcrumb current="Loading…" />
      </div>
    );
  }
  if (!edit) return <AgentProfile agent={agent} />;
  // Remounting on a new version resets the form to what was saved (after a save or a reload).
  return <AgentEditor key={`${agent.id}@${agent.updatedAt}`} agent={agent} />;
}

import { useEffect } from 'react';
import { hrefOf } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { EmptyState } from '../../ui/EmptyState';
import { AgentEditor } from './AgentEditor';
import { Breadcrumb } from './Breadcrumb';
import { DriftCard } from './DriftCard';
import { ReviewPanel } from './ReviewPanel';
import './agent-page.css';

/** agentId null: the form for a new agent. */
export function AgentPage({ agentId }: { agentId: string | null }) {
  const agent = useAppStore((s) => s.agent);
  const error = useAppStore((s) => (s.agentError?.agentId === agentId ? s.agentError.message : null));
  const loadAgent = useAppStore((s) => s.loadAgent);
  const clearAgent = useAppStore((s) => s.clearAgent);
  const loadAgentCloud = useAppStore((s) => s.loadAgentCloud);

  useEffect(() => {
    if (agentId) void loadAgent(agentId);
    else clearAgent();
  }, [agentId, loadAgent, clearAgent]);

  // The blast radius and linked identities change with imports made elsewhere: read them on every visit.
  useEffect(() => {
    if (agentId) void loadAgentCloud(agentId);
  }, [agentId, loadAgentCloud]);

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
  // Remounting on a new version resets the form to what was saved (after a save or a reload).
  const review = (
    <div className="review-strip">
      <ReviewPanel agentId={agent.id} />
      <DriftCard agentId={agent.id} />
    </div>
  );
  return <AgentEditor key={`${agent.id}@${agent.updatedAt}`} agent={agent} review={review} />;
}

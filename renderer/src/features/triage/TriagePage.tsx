import { useEffect } from 'react';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { AgentChecklist } from './AgentChecklist';
import { PriorityList } from './PriorityList';
import './triage.css';

/**
 * Triage: every agent in risk order, and one agent's checklist with the evidence that decided each
 * item and a person's attestation beside it. The address holds the agent, so a reload or a link
 * opens the same checklist.
 */
export function TriagePage({ agentId }: { agentId: string | null }) {
  const openFileImport = useAppStore((s) => s.openFileImport);
  const loadOverview = useAppStore((s) => s.loadTriageOverview);
  const loadAgentTriage = useAppStore((s) => s.loadAgentTriage);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const importsDone = useAppStore((s) => s.fileImportRecords);

  // Read again when the workspace changes or an import lands: either can move every verdict.
  useEffect(() => {
    if (workspacePath) void loadOverview();
  }, [workspacePath, importsDone, loadOverview]);

  useEffect(() => {
    if (workspacePath && agentId !== null) void loadAgentTriage(agentId);
  }, [workspacePath, importsDone, agentId, loadAgentTriage]);

  return (
    <div className="page triage">
      <header className="triage__header">
        <div className="page__header">
          <h1>Triage</h1>
          <p className="page__subtitle">Every agent by risk, and the checklist with the evidence behind each verdict.</p>
        </div>
        <Button onClick={openFileImport}>Import files…</Button>
      </header>
      {agentId === null ? <PriorityList /> : <AgentChecklist agentId={agentId} />}
    </div>
  );
}

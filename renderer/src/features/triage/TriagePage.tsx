import { useEffect } from 'react';
import { navigate } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Tabs } from '../../ui/Tabs';
import { AgentChecklist } from './AgentChecklist';
import { DoneMeasure } from './DoneMeasure';
import { IrreversibleRegister } from './IrreversibleRegister';
import { PriorityList } from './PriorityList';
import './triage.css';

/**
 * Triage: every agent in risk order, and one agent's checklist with the evidence that decided each
 * item and a person's attestation beside it. The address holds the agent, so a reload or a link
 * opens the same checklist.
 */
export type TriageView = 'priority' | 'irreversible';
const TABS: ReadonlyArray<{ key: TriageView; label: string }> = [
  { key: 'priority', label: 'Priority list' },
  { key: 'irreversible', label: 'Irreversible actions' },
];
const openView = (view: TriageView) => void navigate({ page: 'triage', agentId: null, ...(view === 'irreversible' ? { view } : {}) });

export function TriagePage({ agentId, view = 'priority' }: { agentId: string | null; view?: TriageView }) {
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
        <DoneMeasure />
        <Button onClick={openFileImport}>Import files…</Button>
      </header>
      {agentId !== null ? (
        <AgentChecklist agentId={agentId} />
      ) : (
        <Tabs label="Triage views" tabs={TABS} selected={view} onSelect={openView} className="triage__tabs" panelClassName="triage__panel">
          {view === 'irreversible' ? <IrreversibleRegister /> : <PriorityList />}
        </Tabs>
      )}
    </div>
  );
}

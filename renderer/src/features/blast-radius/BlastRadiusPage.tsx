import { useEffect } from 'react';
import { navigate, type BlastRadiusSubject, type BlastRadiusTab } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Tabs } from '../../ui/Tabs';
import { BlastResult } from './BlastResult';
import { AgentList, DataSourceList } from './SubjectLists';
import { DataSourcesTable } from './DataSourcesTable';
import './blast-radius.css';

const TABS: ReadonlyArray<{ key: BlastRadiusTab; label: string }> = [
  { key: 'agents', label: 'Agents' },
  { key: 'data-sources', label: 'Data sources' },
];

/**
 * What an agent can touch (forward) and who can touch a data source (reverse). The address holds
 * the subject, so a reload or a link from the agent page opens the same graph.
 */
export function BlastRadiusPage({ tab, subject }: { tab: BlastRadiusTab; subject: BlastRadiusSubject | null }) {
  const openFileImport = useAppStore((s) => s.openFileImport);
  const loadBlastAgents = useAppStore((s) => s.loadBlastAgents);
  const loadDataSources = useAppStore((s) => s.loadDataSources);
  const loadBlastRadius = useAppStore((s) => s.loadBlastRadius);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const importsDone = useAppStore((s) => s.fileImportRecords);

  // Lists and graph are read again when the workspace changes or an import lands.
  useEffect(() => {
    if (!workspacePath) return;
    void loadBlastAgents();
    void loadDataSources();
  }, [workspacePath, importsDone, loadBlastAgents, loadDataSources]);

  const subjectKind = subject?.kind;
  const subjectId = subject ? (subject.kind === 'agent' ? subject.agentId : subject.key) : null;
  useEffect(() => {
    if (!workspacePath || !subjectKind || subjectId === null) return;
    void loadBlastRadius(subjectKind === 'agent' ? { kind: 'agent', agentId: subjectId } : { kind: 'data-source', key: subjectId });
  }, [workspacePath, importsDone, subjectKind, subjectId, loadBlastRadius]);

  const selectTab = (next: BlastRadiusTab) => void navigate({ page: 'blast-radius', tab: next, subject: null });
  return (
    <div className="page blast">
      <header className="blast__header">
        <div className="page__header">
          <h1>Blast radius</h1>
          <p className="page__subtitle">What each agent’s credentials reach, and who can reach each data source.</p>
        </div>
        <Button onClick={openFileImport}>Import files…</Button>
      </header>

      <Tabs label="Blast radius views" tabs={TABS} selected={tab} onSelect={selectTab} panelClassName="blast__panel">
        {tab === 'data-sources' && !subject ? (
          <DataSourcesTable />
        ) : (
          <div className="blast__split">
            {tab === 'agents' ? <AgentList selectedId={subject?.kind === 'agent' ? subject.agentId : null} /> : <DataSourceList selectedKey={subject?.kind === 'data-source' ? subject.key : null} />}
            <BlastResult subject={subject} />
          </div>
        )}
      </Tabs>
    </div>
  );
}

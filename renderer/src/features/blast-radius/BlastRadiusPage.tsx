import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { navigate, type BlastRadiusSubject, type BlastRadiusTab } from '../../app/routes';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
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
  const idPrefix = useId();
  const tabRefs = useRef<Partial<Record<BlastRadiusTab, HTMLButtonElement | null>>>({});

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
  const moveBetweenTabs = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = TABS.findIndex((t) => t.key === tab);
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (!next) return;
    selectTab(next.key);
    tabRefs.current[next.key]?.focus();
  };

  return (
    <div className="page blast">
      <header className="blast__header">
        <div className="page__header">
          <h1>Blast radius</h1>
          <p className="page__subtitle">What each agent’s credentials reach, and who can reach each data source.</p>
        </div>
        <Button onClick={openFileImport}>Import files…</Button>
      </header>

      <div className="blast__tabs" role="tablist" aria-label="Blast radius views" onKeyDown={moveBetweenTabs}>
        {TABS.map((t) => (
          <button
            key={t.key}
            ref={(el) => {
              tabRefs.current[t.key] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.key}`}
            aria-selected={tab === t.key}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={tab === t.key ? 0 : -1}
            className="blast__tab"
            onClick={() => selectTab(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`${idPrefix}-panel`} role="tabpanel" aria-labelledby={`${idPrefix}-tab-${tab}`} className="blast__panel">
        {tab === 'data-sources' && !subject ? (
          <DataSourcesTable />
        ) : (
          <div className="blast__split">
            {tab === 'agents' ? <AgentList selectedId={subject?.kind === 'agent' ? subject.agentId : null} /> : <DataSourceList selectedKey={subject?.kind === 'data-source' ? subject.key : null} />}
            <BlastResult subject={subject} />
          </div>
        )}
      </div>
    </div>
  );
}

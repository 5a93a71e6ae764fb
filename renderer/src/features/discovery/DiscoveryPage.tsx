import { useEffect } from 'react';
import type { DiscoveryTab } from '../../store/discovery-slice';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
import { Tabs } from '../../ui/Tabs';
import { CandidateQueue } from './CandidateQueue';
import { RulesPanel } from './RulesPanel';
import { ScanPanel } from './ScanPanel';
import './discovery.css';

const TABS: ReadonlyArray<{ key: DiscoveryTab; label: string }> = [
  { key: 'queue', label: 'Review queue' },
  { key: 'rules', label: 'Rules' },
];

export function DiscoveryPage() {
  const loadCandidates = useAppStore((s) => s.loadCandidates);
  const workspacePath = useAppStore((s) => s.workspace?.path);
  const tab = useAppStore((s) => s.discoveryTab);
  const setTab = useAppStore((s) => s.setDiscoveryTab);
  // OSV files go through the one Import dialog, like every other format.
  const openFileImport = useAppStore((s) => s.openFileImport);

  // Decisions may have been taken on a candidate page, or in another window, since the last
  // visit; and another workspace may have been opened while this page was showing.
  useEffect(() => {
    if (workspacePath) void loadCandidates();
  }, [loadCandidates, workspacePath]);

  return (
    <div className="page discovery">
      <header className="discovery__header">
        <div className="page__header">
          <h1>Discovery</h1>
          <p className="page__subtitle">Find the agents in repositories, CI, IaC and MCP configs; confirm or dismiss each one.</p>
        </div>
        <div className="discovery__actions">
          <Button onClick={openFileImport}>Import advisories…</Button>
        </div>
      </header>

      <ScanPanel />

      <Tabs label="Discovery views" tabs={TABS} selected={tab} onSelect={setTab} className="discovery__tabs" panelClassName="discovery__panel">
        {tab === 'queue' ? <CandidateQueue /> : <RulesPanel />}
      </Tabs>
    </div>
  );
}

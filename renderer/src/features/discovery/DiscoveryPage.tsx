import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { DiscoveryTab } from '../../store/discovery-slice';
import { useAppStore } from '../../store/store-context';
import { Button } from '../../ui/Button';
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
  const idPrefix = useId();
  const tabRefs = useRef<Partial<Record<DiscoveryTab, HTMLButtonElement | null>>>({});

  // Decisions may have been taken on a candidate page, or in another window, since the last
  // visit; and another workspace may have been opened while this page was showing.
  useEffect(() => {
    if (workspacePath) void loadCandidates();
  }, [loadCandidates, workspacePath]);

  const moveBetweenTabs = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((t) => t.key === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length];
    if (!next) return;
    setTab(next.key);
    tabRefs.current[next.key]?.focus();
  };

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

      <div className="discovery__tabs" role="tablist" aria-label="Discovery views" onKeyDown={moveBetweenTabs}>
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
            className="discovery__tab"
            onClick={() => setTab(t.key)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`${idPrefix}-panel`} role="tabpanel" aria-labelledby={`${idPrefix}-tab-${tab}`} className="discovery__panel">
        {tab === 'queue' ? <CandidateQueue /> : <RulesPanel />}
      </div>

    </div>
  );
}

import { useAppStore } from '../store/store-context';
import { hrefOf, type Route } from './routes';
import './sidebar.css';

interface NavEntry {
  label: string;
  route: Route;
}

const NAV: readonly NavEntry[] = [
  { label: 'Inventory', route: { page: 'inventory' } },
  { label: 'Discovery', route: { page: 'discovery' } },
  { label: 'Blast radius', route: { page: 'blast-radius', tab: 'agents', subject: null } },
  { label: 'Usage & cost', route: { page: 'usage', tab: 'overview' } },
  { label: 'Triage', route: { page: 'triage', agentId: null } },
  { label: 'Plan', route: { page: 'plan' } },
  { label: 'Exports', route: { page: 'exports' } },
  { label: 'Reports', route: { page: 'reports' } },
];

/** The agent pages belong to Inventory, so it stays highlighted while one is open. */
function isCurrent(entry: NavEntry, route: Route): boolean {
  if (entry.route.page === 'inventory') return route.page === 'inventory' || route.page === 'agent' || route.page === 'new-agent';
  if (entry.route.page === 'discovery') return route.page === 'discovery' || route.page === 'candidate';
  if (entry.route.page === 'blast-radius') return route.page === 'blast-radius';
  if (entry.route.page === 'usage') return route.page === 'usage';
  if (entry.route.page === 'triage') return route.page === 'triage';
  if (entry.route.page === 'plan') return route.page === 'plan';
  if (entry.route.page === 'exports') return route.page === 'exports';
  return entry.route.page === route.page;
}

export function Sidebar({ route }: { route: Route }) {
  const appInfo = useAppStore((s) => s.appInfo);
  const hasWorkspace = useAppStore((s) => s.workspace !== null);
  const openFileImport = useAppStore((s) => s.openFileImport);
  return (
    <aside className="sidebar">
      <nav aria-label="Sections">
        <ul className="sidebar__list">
          {NAV.map((entry) => (
            <li key={entry.label}>
              <a href={hrefOf(entry.route)} className="sidebar__link" aria-current={isCurrent(entry, route) ? 'page' : undefined}>
                {entry.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="sidebar__bottom">
        {hasWorkspace && (
          <button type="button" className="sidebar__import" onClick={openFileImport}>
            Import files…
          </button>
        )}
        {appInfo && (
        <p className="sidebar__version">
          v{appInfo.version} · {appInfo.host === 'electron' ? 'desktop' : appInfo.host}
          </p>
        )}
      </div>
    </aside>
  );
}

import { useAppStore } from '../store/store-context';
import { hrefOf, type Route, type UpcomingSection } from './routes';
import './sidebar.css';

interface NavEntry {
  label: string;
  route: Route;
  /** Sections not built yet are listed so the method's order is visible, and marked so nobody expects data there. */
  upcoming?: boolean;
}

const upcoming = (label: string, section: UpcomingSection): NavEntry => ({ label, route: { page: 'upcoming', section }, upcoming: true });

const NAV: readonly NavEntry[] = [
  { label: 'Inventory', route: { page: 'inventory' } },
  { label: 'Discovery', route: { page: 'discovery' } },
  { label: 'Blast radius', route: { page: 'blast-radius', tab: 'agents', subject: null } },
  { label: 'Usage & cost', route: { page: 'usage', tab: 'overview' } },
  { label: 'Triage', route: { page: 'triage', agentId: null } },
  { label: 'Plan', route: { page: 'plan' } },
  { label: 'Exports', route: { page: 'exports' } },
  upcoming('Reports', 'reports'),
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
  return entry.route.page === 'upcoming' && route.page === 'upcoming' && entry.route.section === route.section;
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
              <a
                href={hrefOf(entry.route)}
                className={entry.upcoming ? 'sidebar__link sidebar__link--upcoming' : 'sidebar__link'}
                aria-current={isCurrent(entry, route) ? 'page' : undefined}
              >
                {entry.label}
                {entry.upcoming && (
                  <span className="sidebar__later" aria-hidden="true">
                    later
                  </span>
                )}
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

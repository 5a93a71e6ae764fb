import { hrefOf } from '../../app/routes';
import { ENVIRONMENTS, SENSITIVITIES, type Environment, type Sensitivity } from '../../../../shared/iam';
import { useAppStore } from '../../store/store-context';
import { Badge } from '../../ui/Badge';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Select, TextField } from '../../ui/fields';
import { ENVIRONMENT_LABELS, ENVIRONMENT_TONES, SENSITIVITY_LABELS, SENSITIVITY_TONES } from './blast-labels';

/** A picker lists this many; the search narrows the rest. */
const SHOWN = 300;

export const SENSITIVITY_FILTER_OPTIONS: ReadonlyArray<{ value: Sensitivity | ''; label: string }> = [{ value: '', label: 'Any sensitivity' }, ...SENSITIVITIES.map((s) => ({ value: s, label: SENSITIVITY_LABELS[s] }))];
export const ENVIRONMENT_FILTER_OPTIONS: ReadonlyArray<{ value: Environment | ''; label: string }> = [{ value: '', label: 'Any environment' }, ...ENVIRONMENTS.map((e) => ({ value: e, label: ENVIRONMENT_LABELS[e] }))];

export function AgentList({ selectedId }: { selectedId: string | null }) {
  const agents = useAppStore((s) => s.blastAgents);
  const text = useAppStore((s) => s.blastAgentText);
  const setText = useAppStore((s) => s.setBlastAgentText);
  const error = useAppStore((s) => s.blastAgentsError);
  return (
    <nav className="blast-picker" aria-label="Agents">
      <TextField label="Search agents" hideLabel type="search" placeholder="Search agents…" value={text} onChange={setText} />
      {error && <ErrorBanner>{error}</ErrorBanner>}
      {agents && agents.length === 0 && <p className="muted blast-picker__empty">{text.trim() ? 'No agent matches.' : 'No agents in this workspace yet.'}</p>}
      <ul className="blast-picker__list">
        {agents?.slice(0, SHOWN).map((a) => (
          <li key={a.id}>
            <a className="blast-picker__item" href={hrefOf({ page: 'blast-radius', tab: 'agents', subject: { kind: 'agent', agentId: a.id } })} aria-current={a.id === selectedId ? 'page' : undefined}>
              <span className="blast-picker__name">{a.name}</span>
              <span className="blast-picker__meta">
                {a.status}
                {a.environment ? ` · ${a.environment}` : ''}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {agents && agents.length > SHOWN && <p className="muted blast-picker__empty">Showing {SHOWN} of {agents.length}; search to narrow.</p>}
    </nav>
  );
}

export function DataSourceFilters({ compact }: { compact?: boolean }) {
  const filters = useAppStore((s) => s.dataSourceFilters);
  const setText = useAppStore((s) => s.setDataSourceText);
  const setFilters = useAppStore((s) => s.setDataSourceFilters);
  return (
    <div className={compact ? 'blast-filters blast-filters--compact' : 'blast-filters'}>
      <TextField label="Search data sources" hideLabel type="search" placeholder="Search data sources…" value={filters.text} onChange={setText} className="blast-filters__search" />
      <Select<Sensitivity | ''>
        label="Filter by sensitivity"
        hideLabel
        value={filters.sensitivity ?? ''}
        options={SENSITIVITY_FILTER_OPTIONS}
        onChange={(v) => setFilters({ sensitivity: v === '' ? null : v })}
      />
      <Select<Environment | ''>
        label="Filter by environment"
        hideLabel
        value={filters.environment ?? ''}
        options={ENVIRONMENT_FILTER_OPTIONS}
        onChange={(v) => setFilters({ environment: v === '' ? null : v })}
      />
    </div>
  );
}

export function DataSourceList({ selectedKey }: { selectedKey: string | null }) {
  const sources = useAppStore((s) => s.dataSources);
  const error = useAppStore((s) => s.dataSourcesError);
  return (
    <nav className="blast-picker" aria-label="Data sources">
      <a className="blast-picker__back" href={hrefOf({ page: 'blast-radius', tab: 'data-sources', subject: null })}>
        ← All data sources
      </a>
      <DataSourceFilters compact />
      {error && <ErrorBanner>{error}</ErrorBanner>}
      {sources && sources.length === 0 && <p className="muted blast-picker__empty">No data source matches.</p>}
      <ul className="blast-picker__list">
        {sources?.slice(0, SHOWN).map((d) => (
          <li key={d.key}>
            <a className="blast-picker__item" href={hrefOf({ page: 'blast-radius', tab: 'data-sources', subject: { kind: 'data-source', key: d.key } })} aria-current={d.key === selectedKey ? 'page' : undefined}>
              <span className="blast-picker__name">{d.name}</span>
              <span className="blast-picker__badges">
                <Badge tone={ENVIRONMENT_TONES[d.environment]}>{ENVIRONMENT_LABELS[d.environment]}</Badge>
                <Badge tone={SENSITIVITY_TONES[d.sensitivity]}>{SENSITIVITY_LABELS[d.sensitivity]}</Badge>
              </span>
            </a>
          </li>
        ))}
      </ul>
      {sources && sources.length > SHOWN && <p className="muted blast-picker__empty">Showing {SHOWN} of {sources.length}; search to narrow.</p>}
    </nav>
  );
}

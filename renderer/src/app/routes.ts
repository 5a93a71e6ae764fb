import { useSyncExternalStore } from 'react';
import { parseReportSections, REPORT_SECTIONS, type ReportSection } from '../../../shared/report';
import { ACTIVITY_STATES, type ActivityState } from '../../../shared/usage';
import { committedLocationHash, requestNavigation, subscribeCommittedHash } from './leave-guard';

export type Route =
  /** activity: the inventory filtered by activity (`#/?activity=ghost`, linked from the Usage page). */
  | { page: 'inventory'; activity?: ActivityState }
  /** The agent's profile (read view); edit: the registry fields' form (`#/agents/<id>/edit`). */
  | { page: 'agent'; agentId: string; edit?: true }
  | { page: 'new-agent' }
  | { page: 'discovery' }
  /** identityKey: the candidate's stable key (source + unit + entry point), not a row id. */
  | { page: 'candidate'; identityKey: string }
  /** Reports: choose sections, preview, export the executive PDF. */
  | { page: 'reports' }
  /** The executive report laid out for print, nothing around it: what both PDF printers load (`#/report/print?sections=cover,summary`). */
  | { page: 'report-print'; sections: ReportSection[] }
  | { page: 'usage'; tab: UsageTab }
  /** The priority list (agentId null) or one agent's checklist; view 'irreversible': the irreversible actions register (`#/triage?view=irreversible`). */
  | { page: 'triage'; agentId: string | null; view?: 'irreversible' }
  /** The 30/60/90-day hardening plan. */
  | { page: 'plan' }
  /** The workspace as files for other tools: SARIF, CycloneDX, JSON, the registry spreadsheet. */
  | { page: 'exports' }
  /** Forward (an agent's reach) or reverse (who reaches a data source); subject null: pick one from the tab's list. */
  | { page: 'blast-radius'; tab: BlastRadiusTab; subject: BlastRadiusSubject | null };

export type BlastRadiusTab = 'agents' | 'data-sources';

/** The Usage page's views; the overview is the page's own address (#/usage). */
export const USAGE_TABS = ['overview', 'keys', 'prices', 'budgets'] as const;
export type UsageTab = (typeof USAGE_TABS)[number];
export type BlastRadiusSubject = { kind: 'agent'; agentId: string } | { kind: 'data-source'; key: string };

function parseBlastRadius(rest: string[]): Route {
  const [kind, encoded, ...extra] = rest;
  if (kind === undefined) return { page: 'blast-radius', tab: 'agents', subject: null };
  if (extra.length > 0 || (kind !== 'agent' && kind !== 'data')) return { page: 'blast-radius', tab: 'agents', subject: null };
  const tab: BlastRadiusTab = kind === 'agent' ? 'agents' : 'data-sources';
  if (encoded === undefined) return { page: 'blast-radius', tab, subject: null };
  try {
    const id = decodeURIComponent(encoded);
    return { page: 'blast-radius', tab, subject: kind === 'agent' ? { kind: 'agent', agentId: id } : { kind: 'data-source', key: id } };
  } catch {
    return { page: 'blast-radius', tab, subject: null };
  }
}

/** `?activity=ghost` after the path: only the inventory reads it, and only a known state. */
function activityOf(query: string): ActivityState | undefined {
  const value = new URLSearchParams(query).get('activity');
  return ACTIVITY_STATES.find((state) => state === value);
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'agents' && second === 'new' && parts.length === 2) return { page: 'new-agent' };
  if (first === 'agents' && second !== undefined && (parts.length === 2 || (parts.length === 3 && parts[2] === 'edit'))) {
    try {
      const agentId = decodeURIComponent(second);
      return parts.length === 3 ? { page: 'agent', agentId, edit: true } : { page: 'agent', agentId };
    } catch {
      return { page: 'inventory' };
    }
  }
  if (first === 'discovery' && parts.length === 1) return { page: 'discovery' };
  if (first === 'discovery' && second !== undefined && parts.length === 2) {
    try {
      return { page: 'candidate', identityKey: decodeURIComponent(second) };
    } catch {
      return { page: 'discovery' };
    }
  }
  if (first === 'blast-radius') return parseBlastRadius(parts.slice(1));
  if (first === 'usage') {
    const tab = USAGE_TABS.find((t) => t !== 'overview' && t === second);
    return { page: 'usage', tab: tab && parts.length === 2 ? tab : 'overview' };
  }
  if (first === 'triage') {
    if (second === undefined && new URLSearchParams(query).get('view') === 'irreversible') return { page: 'triage', agentId: null, view: 'irreversible' };
    if (second === undefined || parts.length > 2) return { page: 'triage', agentId: null };
    try {
      return { page: 'triage', agentId: decodeURIComponent(second) };
    } catch {
      return { page: 'triage', agentId: null };
    }
  }
  if (first === 'plan' && parts.length === 1) return { page: 'plan' };
  if (first === 'exports' && parts.length === 1) return { page: 'exports' };
  if (first === 'reports' && parts.length === 1) return { page: 'reports' };
  if (first === 'report' && second === 'print' && parts.length === 2) return { page: 'report-print', sections: parseReportSections(new URLSearchParams(query).get('sections')) };
  const activity = parts.length === 0 || (first === 'inventory' && parts.length === 1) ? activityOf(query) : undefined;
  return activity ? { page: 'inventory', activity } : { page: 'inventory' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'inventory':
      return route.activity ? `#/inventory?activity=${route.activity}` : '#/inventory';
    case 'new-agent':
      return '#/agents/new';
    case 'agent':
      return `#/agents/${encodeURIComponent(route.agentId)}${route.edit ? '/edit' : ''}`;
    case 'discovery':
      return '#/discovery';
    case 'candidate':
      return `#/discovery/${encodeURIComponent(route.identityKey)}`;
    case 'reports':
      return '#/reports';
    case 'report-print':
      return route.sections.length === REPORT_SECTIONS.length ? '#/report/print' : `#/report/print?sections=${route.sections.join(',')}`;
    case 'usage':
      return route.tab === 'overview' ? '#/usage' : `#/usage/${route.tab}`;
    case 'triage':
      if (route.agentId === null) return route.view === 'irreversible' ? '#/triage?view=irreversible' : '#/triage';
      return `#/triage/${encodeURIComponent(route.agentId)}`;
    case 'plan':
      return '#/plan';
    case 'exports':
      return '#/exports';
    case 'blast-radius':
      if (route.subject?.kind === 'agent') return `#/blast-radius/agent/${encodeURIComponent(route.subject.agentId)}`;
      if (route.subject?.kind === 'data-source') return `#/blast-radius/data/${encodeURIComponent(route.subject.key)}`;
      return route.tab === 'data-sources' ? '#/blast-radius/data' : '#/blast-radius';
  }
}

/**
 * replace: for redirects (e.g. after creating an agent) that should not leave a Back step.
 * A page with unsaved edits is asked first (leave-guard.ts); the promise resolves once decided.
 */
export function navigate(route: Route, { replace = false } = {}): Promise<void> {
  return requestNavigation(hrefOf(route), { replace });
}

/** The page to show: the address once the leave guard let it through (see leave-guard.ts). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeCommittedHash, committedLocationHash);
  return parseRoute(hash);
}

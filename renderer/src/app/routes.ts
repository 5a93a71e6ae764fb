import { useSyncExternalStore } from 'react';
import { committedLocationHash, requestNavigation, subscribeCommittedHash } from './leave-guard';

/** Sections whose imports are not built yet; each still has its own address so a reload keeps the page. */
export const UPCOMING_SECTIONS = ['blast-radius', 'usage', 'triage', 'plan', 'reports'] as const;
export type UpcomingSection = (typeof UPCOMING_SECTIONS)[number];

export type Route =
  | { page: 'inventory' }
  | { page: 'agent'; agentId: string }
  | { page: 'new-agent' }
  | { page: 'discovery' }
  /** identityKey: the candidate's stable key (source + unit + entry point), not a row id. */
  | { page: 'candidate'; identityKey: string }
  | { page: 'upcoming'; section: UpcomingSection };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'agents' && second === 'new' && parts.length === 2) return { page: 'new-agent' };
  if (first === 'agents' && second !== undefined && parts.length === 2) {
    try {
      return { page: 'agent', agentId: decodeURIComponent(second) };
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
  const section = UPCOMING_SECTIONS.find((s) => s === first);
  if (section && parts.length === 1) return { page: 'upcoming', section };
  return { page: 'inventory' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'inventory':
      return '#/inventory';
    case 'new-agent':
      return '#/agents/new';
    case 'agent':
      return `#/agents/${encodeURIComponent(route.agentId)}`;
    case 'discovery':
      return '#/discovery';
    case 'candidate':
      return `#/discovery/${encodeURIComponent(route.identityKey)}`;
    case 'upcoming':
      return `#/${route.section}`;
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

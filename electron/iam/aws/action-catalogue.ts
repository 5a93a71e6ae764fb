import awsActions from '../../../resources/iam/aws-actions.json';
import type { AccessLevel } from '../../../shared/iam';
import { actionPattern } from './wildcard';

export interface CatalogAction {
  /** "s3:GetObject", as AWS spells it. */
  name: string;
  service: string;
  access: AccessLevel;
  /** Resource types it applies to; empty when it takes only Resource "*". */
  resourceTypes: readonly string[];
  /** Not in the bundled reference: access level guessed from the verb. */
  guessed: boolean;
  /** The name in lower case, for the risk lists (computed once, looked up per principal). */
  lower: string;
}

interface CatalogFile {
  generated: string;
  services: Record<string, { name: string; actions: Record<string, Record<string, string[]>> }>;
}

const LEVELS: Record<string, AccessLevel> = {
  List: 'list',
  Read: 'read',
  Tagging: 'tagging',
  Write: 'write',
  'Permissions management': 'permissions-management',
};

const catalog = awsActions as CatalogFile;
export const ACTION_CATALOG_DATE = catalog.generated;

const byName = new Map<string, CatalogAction>();
const byService = new Map<string, CatalogAction[]>();
for (const [service, entry] of Object.entries(catalog.services)) {
  const list: CatalogAction[] = [];
  for (const [level, byType] of Object.entries(entry.actions)) {
    const access = LEVELS[level];
    if (!access) throw new Error(`resources/iam/aws-actions.json: unknown access level ${level} in ${service}`);
    for (const [types, names] of Object.entries(byType)) {
      const resourceTypes = types.split(',').filter((t) => t !== '*');
      for (const name of names) {
        const key = `${service}:${name}`.toLowerCase();
        const existing = byName.get(key);
        if (existing) {
          (existing.resourceTypes as string[]).push(...resourceTypes);
          continue;
        }
        const action: CatalogAction = { name: `${service}:${name}`, service, access, resourceTypes: [...resourceTypes], guessed: false, lower: key };
        byName.set(key, action);
        list.push(action);
      }
    }
  }
  byService.set(service, list);
}
const allActions: CatalogAction[] = [...byService.values()].flat();

export function catalogedServices(): string[] {
  return [...byService.keys()];
}

export function serviceNoun(service: string): string {
  return catalog.services[service]?.name ?? service;
}

export function catalogedAction(name: string): CatalogAction | undefined {
  return byName.get(name.toLowerCase());
}

const guessedCache = new Map<string, CatalogAction>();

/** The catalogue entry, or one whose level is guessed from the verb (an action newer than the reference data). */
export function describeAction(name: string): CatalogAction {
  const known = byName.get(name.toLowerCase());
  if (known) return known;
  let guessed = guessedCache.get(name);
  if (!guessed) {
    const colon = name.indexOf(':');
    const service = colon > 0 ? name.slice(0, colon).toLowerCase() : '*';
    guessed = { name, service, access: accessFromVerb(colon > 0 ? name.slice(colon + 1) : name), resourceTypes: [], guessed: true, lower: name.toLowerCase() };
    guessedCache.set(name, guessed);
  }
  return guessed;
}

/** A fallback for actions the reference does not list; AWS names its actions consistently enough. */
export function accessFromVerb(verb: string): AccessLevel {
  if (/^(List|Describe)/i.test(verb)) return 'list';
  if (/^(Tag|Untag)/i.test(verb)) return 'tagging';
  if (/Policy$|^(Put|Add)\w*Permission|^(Attach|Detach)|^Set\w*Policy/i.test(verb)) return 'permissions-management';
  if (/^(Get|Read|Query|Scan|Select|Search|BatchGet)/i.test(verb)) return 'read';
  return 'write';
}

export interface ActionExpansion {
  /** Catalogued actions the patterns match, grouped by service prefix (lower case). */
  byService: Map<string, CatalogAction[]>;
  /** Patterns that match nothing catalogued, kept as written and classified by verb. */
  unmatched: CatalogAction[];
  /** Matches every action of every service ("*"), or every action but a few (NotAction). */
  everything: boolean;
}

const expansionCache = new Map<string, ActionExpansion>();

/** The actions an Action list (or, with `not`, a NotAction list) allows, computed once per distinct list. */
export function expandActions(patterns: readonly string[], not: boolean): ActionExpansion {
  const key = `${not ? '!' : ''}${patterns.join('\u0000')}`;
  let expansion = expansionCache.get(key);
  if (expansion) return expansion;
  const byServiceOut = new Map<string, CatalogAction[]>();
  const unmatched: CatalogAction[] = [];
  const add = (action: CatalogAction) => {
    let list = byServiceOut.get(action.service);
    if (!list) byServiceOut.set(action.service, (list = []));
    list.push(action);
  };
  if (not) {
    const regexes = patterns.map(actionPattern);
    for (const action of allActions) if (!regexes.some((r) => r.test(action.name))) add(action);
  } else {
    const seen = new Set<CatalogAction>();
    for (const pattern of patterns) {
      const matched = matchCatalog(pattern);
      if (matched.length === 0) {
        unmatched.push(describeAction(pattern));
        continue;
      }
      for (const action of matched) {
        if (seen.has(action)) continue;
        seen.add(action);
        add(action);
      }
    }
  }
  expansion = { byService: byServiceOut, unmatched, everything: not || patterns.includes('*') };
  expansionCache.set(key, expansion);
  return expansion;
}

function matchCatalog(pattern: string): CatalogAction[] {
  if (pattern === '*') return allActions;
  if (!pattern.includes('*') && !pattern.includes('?')) {
    const action = byName.get(pattern.toLowerCase());
    return action ? [action] : [];
  }
  const colon = pattern.indexOf(':');
  const servicePart = colon > 0 ? pattern.slice(0, colon).toLowerCase() : '';
  const candidates = servicePart && !servicePart.includes('*') && !servicePart.includes('?') ? (byService.get(servicePart) ?? []) : allActions;
  const regex = actionPattern(pattern);
  return candidates.filter((action) => regex.test(action.name));
}

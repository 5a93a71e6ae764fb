import { countStatedDataAccess, type AgentFields, type Owner } from './agent';

/** The seven Step 0 registry fields (DESIGN.md), in the order the method asks for them. */
export const REGISTRY_FIELDS = [
  { key: 'name', label: 'Name' },
  { key: 'trigger', label: 'Trigger' },
  { key: 'dataAccess', label: 'Data access scope' },
  { key: 'credentials', label: 'Credentials' },
  { key: 'owner', label: 'Owner (a person)' },
  { key: 'lastReviewed', label: 'Last reviewed' },
  { key: 'rollback', label: 'Rollback procedure' },
] as const;
export type RegistryFieldKey = (typeof REGISTRY_FIELDS)[number]['key'];

/** Most severe first: the order flags are listed and shown in. Nobody accountable is worse than a team. */
export const AGENT_FLAGS = {
  'no-owner': 'No owner: nobody is accountable for it',
  'owner-is-team': 'Owner is a team, not a person',
  'review-stale': 'Last review older than 90 days',
  'no-rollback': 'No rollback procedure',
} as const;
export type AgentFlag = keyof typeof AGENT_FLAGS;
export const AGENT_FLAG_KEYS = Object.keys(AGENT_FLAGS) as [AgentFlag, ...AgentFlag[]];

export const REVIEW_STALE_AFTER_DAYS = 90;

export interface Completeness {
  filled: number;
  total: number;
  missing: RegistryFieldKey[];
}

/**
 * What the Step 0 rules look at. Lists are counted, not carried, so the registry table can
 * evaluate 10,000 agents from one query; `ownerIsTeam` may be precomputed (it is the costly test).
 */
export interface RegistrySnapshot {
  name: string;
  triggerKind: AgentFields['trigger']['kind'];
  dataAccessCount: number;
  credentialCount: number;
  owner: Owner | null;
  ownerIsTeam?: boolean;
  lastReviewed: string | null;
  rollbackProcedure: string | null;
}

export function registrySnapshotOf(agent: Pick<AgentFields, 'name' | 'trigger' | 'dataAccess' | 'credentials' | 'owner' | 'lastReviewed' | 'rollback'>): RegistrySnapshot {
  return {
    name: agent.name,
    triggerKind: agent.trigger.kind,
    dataAccessCount: countStatedDataAccess(agent.dataAccess),
    credentialCount: agent.credentials.length,
    owner: agent.owner,
    lastReviewed: agent.lastReviewed,
    rollbackProcedure: agent.rollback.procedure,
  };
}

const hasNoOwner = (a: RegistrySnapshot): boolean => a.owner === null || (a.owner.name.trim() === '' && a.owner.email.trim() === '');
const ownerIsTeamIn = (a: RegistrySnapshot): boolean => a.ownerIsTeam ?? (a.owner !== null && isTeamOwner(a.owner));
const hasRollback = (a: RegistrySnapshot): boolean => (a.rollbackProcedure ?? '').trim() !== '';

const isFilled: Record<RegistryFieldKey, (a: RegistrySnapshot) => boolean> = {
  name: (a) => a.name.trim() !== '',
  trigger: (a) => a.triggerKind !== 'unknown',
  dataAccess: (a) => a.dataAccessCount > 0,
  credentials: (a) => a.credentialCount > 0,
  // An owner counts only when it names a person we can reach; a team alias is flagged, not filled.
  owner: (a) => a.owner !== null && a.owner.name.trim() !== '' && a.owner.email !== '' && !ownerIsTeamIn(a),
  lastReviewed: (a) => a.lastReviewed !== null,
  rollback: hasRollback,
};

export function completenessOf(agent: RegistrySnapshot): Completeness {
  const missing = REGISTRY_FIELDS.filter((f) => !isFilled[f.key](agent)).map((f) => f.key);
  return { filled: REGISTRY_FIELDS.length - missing.length, total: REGISTRY_FIELDS.length, missing };
}

const TEAM_WORDS =
  /\b(team|squad|guild|group|crew|dept|department|platform|engineering|eng|ops|devops|sre|secops|security|infra|infrastructure|data|ml|ai|support|admin|admins|it|oncall|on-call|everyone|all|staff|owners|committee|council|chapter|tribe|growth|marketing|sales|finance|legal|compliance|analytics|research|payments|billing|operations)\b/i;
const ROLE_MAILBOX =
  /^(team|squad|group|platform|eng|engineering|ops|devops|sre|security|secops|infra|data|ml|ai|support|admin|it|oncall|noreply|no-reply|alerts|help|info|dev|devs|all|everyone)([-._+].*)?$/i;

/**
 * A registry owner must be one accountable person. Teams, channels, role mailboxes and
 * distribution lists are the usual way ownership quietly becomes nobody's.
 */
export function isTeamOwner(owner: Owner): boolean {
  const name = owner.name.trim();
  if (/^[#@]/.test(name)) return true;
  if (TEAM_WORDS.test(name.replace(/[-_]/g, ' '))) return true;
  const local = owner.email.split('@')[0] ?? '';
  if (local !== '' && ROLE_MAILBOX.test(local)) return true;
  if (local !== '' && /[-._](team|squad|group|ops|eng|platform|sre|oncall)$/i.test(local)) return true;
  // "Growth <growth@…>": a one-word name that is also the mailbox is a function, not a person.
  if (!/\s/.test(name) && local !== '' && name.toLowerCase() === local.toLowerCase()) return true;
  return false;
}

/** Days between two YYYY-MM-DD dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function flagsOf(agent: RegistrySnapshot, today: string): AgentFlag[] {
  const flags: AgentFlag[] = [];
  if (hasNoOwner(agent)) flags.push('no-owner');
  else if (ownerIsTeamIn(agent)) flags.push('owner-is-team');
  if (agent.lastReviewed && daysBetween(agent.lastReviewed, today) > REVIEW_STALE_AFTER_DAYS) flags.push('review-stale');
  if (!hasRollback(agent)) flags.push('no-rollback');
  return flags;
}

import type { AgentCredentialLinks, CredentialLink, CredentialSuggestion } from '../../shared/contract';
import type { CredentialReference, DiscoveredAgent } from '../../shared/discovery';
import type { PrincipalFact, PrincipalKind } from '../../shared/iam';
import type { AgentRecord } from '../../shared/agent';
import { nameTokens } from './classify-data-source';
import type { CredentialLinkDecision } from './iam-repository';
import { compareNames } from '../../shared/name-order';

/**
 * How agents hold cloud identities. An agent is linked to a principal automatically where the
 * registry or a discovered unit names it (a role ARN, a service account, "IAM role x"), by a
 * person otherwise; suggestions come from names that match, with the reason. A person's
 * decision (linked, unlinked) always wins over the automatic link.
 */

/** What an agent says about its credentials: the registry's words and the discovered units' references. */
export interface AgentCredentialSources {
  agent: Pick<AgentRecord, 'id' | 'name' | 'credentials'>;
  discovered: Array<Pick<DiscoveredAgent, 'name' | 'credentials'>>;
}

/** Principals indexed for matching, built once per request. */
export interface PrincipalIndex {
  byKey: Map<string, PrincipalFact>;
  /** Lower-cased name -> principals of that name (a role name, a service account email, a k8s "namespace/name"). */
  byName: Map<string, PrincipalFact[]>;
  all: PrincipalFact[];
}

export function indexPrincipals(principals: PrincipalFact[]): PrincipalIndex {
  const byName = new Map<string, PrincipalFact[]>();
  const add = (name: string, p: PrincipalFact) => {
    const key = name.toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), p]);
  };
  for (const p of principals) {
    add(p.name, p);
    const arn = /^arn:aws[\w-]*:iam::\d{12}:(?:role|user|group)\/(?:.*\/)?([^/]+)$/.exec(p.key);
    if (arn && arn[1]!.toLowerCase() !== p.name.toLowerCase()) add(arn[1]!, p);
    const member = /^(?:serviceAccount|user|group):(.+)$/.exec(p.key);
    if (member) add(member[1]!, p);
    const k8s = /^k8s:[^:]*:([^:]*):[^:]+:(.+)$/.exec(p.key);
    if (k8s) add(`${k8s[1]}/${k8s[2]}`, p);
  }
  return { byKey: new Map(principals.map((p) => [p.key, p])), byName, all: principals };
}

/** Principal kinds that an agent can hold as its own identity (not groups, the public or services). */
const HOLDABLE: ReadonlySet<PrincipalKind> = new Set(['user', 'role', 'service-account', 'service-principal', 'k8s-service-account']);

const ARN = /arn:aws[\w-]*:iam::(\d{12}):(role|user)\/([\w+=,.@/-]+)/g;
const GCP_SERVICE_ACCOUNT = /[\w.-]+@[\w-]+\.iam\.gserviceaccount\.com/gi;
/** "IAM role recon-batch", "role/recon-batch", "service account treasury/forecaster", "user treasury-forecast". */
const NAMED = /\b(?:iam\s+)?(role|user|service[\s-]?account|service[\s-]?principal|managed[\s-]?identity)[\s/:]+["'`]?([\w+=,.@/-]{2,})/gi;

interface Named {
  principal: PrincipalFact;
  why: string;
}

/** The principals a credential text names: an ARN, a service account email, or "role <name>" and the like. */
function principalsNamedIn(text: string, index: PrincipalIndex): Named[] {
  const found: Named[] = [];
  for (const [, account, type, path] of text.matchAll(ARN)) {
    const name = path!.split('/').at(-1)!;
    for (const p of index.byName.get(name.toLowerCase()) ?? []) {
      if (p.provider === 'aws' && p.key.includes(`::${account}:${type}/`)) found.push({ principal: p, why: `names ${type} ARN ${name} in account ${account}` });
    }
  }
  for (const [email] of text.matchAll(GCP_SERVICE_ACCOUNT)) {
    const p = index.byKey.get(`serviceAccount:${email!.toLowerCase()}`) ?? index.byName.get(email!.toLowerCase())?.[0];
    if (p) found.push({ principal: p, why: `names service account ${email}` });
  }
  for (const [, type, name] of text.matchAll(NAMED)) {
    const wanted = type!.toLowerCase().replace(/[\s-]/g, '');
    for (const p of index.byName.get(name!.replace(/[.,;)]+$/, '').toLowerCase()) ?? []) {
      if (!HOLDABLE.has(p.kind)) continue;
      const kindFits =
        (wanted === 'role' && p.kind === 'role') ||
        (wanted === 'user' && p.kind === 'user') ||
        (wanted === 'serviceaccount' && (p.kind === 'service-account' || p.kind === 'k8s-service-account')) ||
        ((wanted === 'serviceprincipal' || wanted === 'managedidentity') && p.kind === 'service-principal');
      if (kindFits) found.push({ principal: p, why: `names ${type!.toLowerCase()} ${p.name}` });
    }
  }
  return found;
}

/** A discovered credential reference that is itself an identity (a role ARN in a workflow, a k8s service account). */
function principalsOfReference(ref: CredentialReference, index: PrincipalIndex): Named[] {
  if (ref.kind !== 'iam-role' && ref.kind !== 'service-account') return principalsNamedIn(ref.name, index);
  const named = principalsNamedIn(ref.name, index);
  if (named.length > 0) return named;
  return (index.byName.get(ref.name.toLowerCase()) ?? []).filter((p) => HOLDABLE.has(p.kind)).map((principal) => ({ principal, why: `uses ${ref.kind} ${ref.name}` }));
}

const where = (ref: CredentialReference) => `${ref.evidence.path}${ref.evidence.line > 0 ? `:${ref.evidence.line}` : ''}`;

/** The automatic and decided links of one agent, before sharing is known. */
export function linksOf(sources: AgentCredentialSources, index: PrincipalIndex, decisions: CredentialLinkDecision[]): Array<Omit<CredentialLink, 'sharedWith'>> {
  const links = new Map<string, Omit<CredentialLink, 'sharedWith'>>();
  const add = (principal: PrincipalFact, how: CredentialLink['how'], credential: string, reason: string) => {
    if (links.has(principal.key)) return;
    links.set(principal.key, { principalKey: principal.key, principalName: principal.name, provider: principal.provider, principalKind: principal.kind, scope: principal.scope, how, credential, reason });
  };
  const decided = new Map(decisions.map((d) => [d.principalKey, d]));
  for (const d of decisions) {
    const principal = index.byKey.get(d.principalKey);
    if (d.decision === 'linked' && principal) add(principal, 'person', principal.name, `linked by ${d.decidedBy} on ${d.decidedAt.slice(0, 10)}${d.reason ? `: ${d.reason}` : ''}`);
  }
  for (const unit of sources.discovered) {
    for (const ref of unit.credentials) {
      for (const { principal, why } of principalsOfReference(ref, index)) {
        if (decided.get(principal.key)?.decision !== 'unlinked') add(principal, 'discovery', `${ref.name} (${where(ref)})`, `${unit.name} ${why} at ${where(ref)}`);
      }
    }
  }
  for (const text of sources.agent.credentials) {
    for (const { principal, why } of principalsNamedIn(text, index)) {
      if (decided.get(principal.key)?.decision !== 'unlinked') add(principal, 'registry', text, `the registry's credential "${text}" ${why}`);
    }
  }
  return [...links.values()];
}

const STOP_WORDS = new Set(['agent', 'bot', 'the', 'and', 'for', 'iam', 'role', 'user', 'service', 'account', 'key', 'api', 'prod', 'dev', 'staging', 'app', 'sa', 'svc', 'lambda', 'job']);

function distinctive(text: string): string[] {
  return nameTokens(text).filter((t) => t.length >= 4 && !STOP_WORDS.has(t));
}

/** Tokens match when equal, or when one starts the other and both are long ("recon" and "reconciliation"). */
function tokensMatch(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && (a.startsWith(b) || b.startsWith(a)));
}

/** A principal's distinctive words, split once per principal fact: every agent's suggestions compare against all of them. */
const wordsOfPrincipal = new WeakMap<PrincipalFact, string[]>();
function principalWords(principal: PrincipalFact): string[] {
  let words = wordsOfPrincipal.get(principal);
  if (!words) wordsOfPrincipal.set(principal, (words = distinctive(principal.name)));
  return words;
}

/** The principals' distinctive words, sorted, each with the positions in `index.all` of the principals that have it (once per time they have it). */
interface WordIndex {
  words: string[];
  positions: Map<string, number[]>;
  /** How many distinctive words each principal's name has, by position. */
  wordCounts: Int32Array;
}
const wordIndexes = new WeakMap<PrincipalIndex, WordIndex>();
function wordIndexOf(index: PrincipalIndex): WordIndex {
  let found = wordIndexes.get(index);
  if (!found) {
    const positions = new Map<string, number[]>();
    const wordCounts = new Int32Array(index.all.length);
    index.all.forEach((principal, at) => {
      const words = principalWords(principal);
      wordCounts[at] = words.length;
      for (const word of words) {
        const list = positions.get(word);
        if (list) list.push(at);
        else positions.set(word, [at]);
      }
    });
    wordIndexes.set(index, (found = { words: [...positions.keys()].sort(), positions, wordCounts }));
  }
  return found;
}

/**
 * The principals' words that `tokensMatch` one of `words`, and the principals of which at least
 * half the words are such, in the index's order: comparing every agent with every principal was
 * ten million comparisons for the first triage overview of 2,000 agents in a 5,000-role
 * organisation, and an agent's words ("payments", "batch") are shared by hundreds of principals
 * that a suggestion needs half of. A match is the word itself, a longer word it starts (a range of
 * the sorted words) or a shorter word that starts it (one of its prefixes).
 */
function principalsSharingHalfTheirWords(index: PrincipalIndex, words: string[]): { matched: Set<string>; principals: PrincipalFact[] } {
  const { words: sorted, positions, wordCounts } = wordIndexOf(index);
  const shared = new Int32Array(index.all.length);
  const touched: number[] = [];
  const matched = new Set<string>();
  const take = (word: string) => {
    if (matched.has(word)) return;
    const at = positions.get(word);
    if (!at) return;
    matched.add(word);
    for (const p of at) if (shared[p]!++ === 0) touched.push(p);
  };
  for (const word of words) {
    take(word);
    if (word.length < 5) continue;
    for (let end = 5; end < word.length; end++) take(word.slice(0, end));
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    for (let at = lo; at < sorted.length && sorted[at]!.startsWith(word); at++) take(sorted[at]!);
  }
  const principals = touched.filter((p) => shared[p]! * 2 >= wordCounts[p]!).sort((a, b) => a - b).map((p) => index.all[p]!);
  return { matched, principals };
}

/** Principals whose names share distinctive words with the agent's name or credentials, best first. */
export function suggestionsFor(sources: AgentCredentialSources, index: PrincipalIndex, linked: ReadonlySet<string>, unlinked: ReadonlySet<string>, limit = 5): CredentialSuggestion[] {
  const agentWords = new Map<string, string>();
  for (const word of distinctive(sources.agent.name)) agentWords.set(word, `the agent name "${sources.agent.name}"`);
  for (const text of sources.agent.credentials) for (const word of distinctive(text)) if (!agentWords.has(word)) agentWords.set(word, `the credential "${text}"`);
  const agentKeys = [...agentWords.keys()];
  const { matched, principals } = principalsSharingHalfTheirWords(index, agentKeys);
  if (limit <= 0) return [];
  // The best `limit` by score then name, chosen before any reason is written: an agent's common
  // words can make hundreds of principals qualify, and only five are ever shown.
  const best: Array<{ principal: PrincipalFact; shared: string[]; score: number }> = [];
  const before = (a: (typeof best)[number], b: (typeof best)[number]) => b.score - a.score || compareNames(a.principal.name, b.principal.name);
  for (const principal of principals) {
    if (!HOLDABLE.has(principal.kind) || linked.has(principal.key) || unlinked.has(principal.key)) continue;
    const words = principalWords(principal);
    if (words.length === 0) continue;
    const shared = words.filter((w) => matched.has(w));
    if (shared.length === 0 || shared.length / words.length < 0.5) continue;
    const candidate = { principal, shared, score: Math.round((shared.length / words.length) * 100) / 100 };
    if (best.length === limit && before(candidate, best[limit - 1]!) >= 0) continue;
    const at = best.findIndex((b) => before(candidate, b) < 0);
    best.splice(at === -1 ? best.length : at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  return best.map(({ principal, shared, score }) => {
    const bySource = new Map<string, string[]>();
    for (const word of shared) {
      const source = agentWords.get(agentKeys.find((a) => tokensMatch(a, word))!)!;
      bySource.set(source, [...(bySource.get(source) ?? []), word]);
    }
    const because = [...bySource].map(([source, words]) => `"${words.join('", "')}" with ${source}`).join(' and ');
    return {
      principalKey: principal.key,
      principalName: principal.name,
      provider: principal.provider,
      principalKind: principal.kind,
      scope: principal.scope,
      reason: `${principal.kind} ${principal.name} shares ${because}`,
      score,
    };
  });
}

/** Who else holds each principal: other agents, non-agent systems a person dismissed, people who sign in as it. */
export function withSharing(
  agentId: string,
  links: Array<Omit<CredentialLink, 'sharedWith'>>,
  holdersByPrincipal: Map<string, Array<{ agentId: string; name: string }>>,
  nonAgentHolders: Map<string, Array<{ name: string; evidence: string }>>,
  principals: Map<string, PrincipalFact>,
): CredentialLink[] {
  return links.map((link) => {
    const sharedWith: CredentialLink['sharedWith'] = [];
    for (const other of holdersByPrincipal.get(link.principalKey) ?? []) {
      if (other.agentId !== agentId) sharedWith.push({ kind: 'agent', name: other.name, agentId: other.agentId, evidence: `${other.name} is linked to ${link.principalName} too` });
    }
    for (const system of nonAgentHolders.get(link.principalKey) ?? []) sharedWith.push({ kind: 'non-agent', name: system.name, agentId: null, evidence: system.evidence });
    const principal = principals.get(link.principalKey);
    if (principal?.attributes.password === 'enabled' || principal?.attributes.console === 'enabled') {
      sharedWith.push({ kind: 'non-agent', name: 'a person (console sign-in)', agentId: null, evidence: `${principal.name} has a console password: a person signs in as it` });
    }
    return { ...link, sharedWith };
  });
}

/** The non-agent systems (dismissed candidates) whose credentials name each principal. */
export function nonAgentHoldersOf(dismissed: Array<Pick<DiscoveredAgent, 'name' | 'credentials' | 'unit'>>, index: PrincipalIndex): Map<string, Array<{ name: string; evidence: string }>> {
  const holders = new Map<string, Array<{ name: string; evidence: string }>>();
  for (const unit of dismissed) {
    for (const ref of unit.credentials) {
      for (const { principal } of principalsOfReference(ref, index)) {
        holders.set(principal.key, [...(holders.get(principal.key) ?? []), { name: unit.name, evidence: `${unit.name} (dismissed as not an agent) uses it at ${where(ref)}` }]);
      }
    }
  }
  return holders;
}

export function emptyLinks(): AgentCredentialLinks {
  return { links: [], suggestions: [] };
}

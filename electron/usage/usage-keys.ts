import type { UsageKey } from '../../shared/contracts/usage';
import type { DiscoveredAgent, UsageEvidence } from '../../shared/discovery';
import type { Attribution } from '../../shared/usage';
import { statement } from '../store/statements';
import { scoped } from '../store/read-scope';
import type { Db } from '../store/workspace-file';
import { ensureAttribution } from './attribution';
import { keptUsageFact } from './kept-usage-facts';
import { registryVersion } from '../agents/agents-repository';
import { dayText } from './usage-days';

export const USAGE_KEY_CANDIDATE = 'usage-key:';
export const USAGE_TAG_CANDIDATE = 'usage-agent:';

const TOKENS = '(input_tokens + cached_input_tokens + cache_write_tokens + output_tokens)';

interface KeyRow {
  provider: string;
  key_id: string;
  requests: number;
  tokens: number;
  cost: number;
  unpriced: number;
  unattributed: number;
  application: number;
  automatic: number;
  untagged: number;
  agents: string | null;
  models: string | null;
  aliases: string | null;
  imports: string | null;
  first_day: number;
  last_day: number;
}

/** One pass over the usage: per key, what it spent and who its calls are attributed to. */
function keyRows(db: Db): KeyRow[] {
  return statement(
    db,
    `SELECT provider, key_id, SUM(requests) AS requests, SUM(${TOKENS}) AS tokens, TOTAL(cost_usd) AS cost,
       TOTAL(CASE WHEN cost_usd IS NULL THEN ${TOKENS} END) AS unpriced,
       TOTAL(CASE WHEN attribution = 'unattributed' THEN ${TOKENS} END) AS unattributed,
       TOTAL(CASE WHEN attribution = 'application' THEN ${TOKENS} END) AS application,
       TOTAL(CASE WHEN attribution IN ('tag', 'key') THEN 1 END) AS automatic, TOTAL(CASE WHEN agent_tag IS NULL THEN 1 END) AS untagged,
       group_concat(DISTINCT agent_id || '|' || attribution) AS agents, group_concat(DISTINCT model) AS models,
       group_concat(DISTINCT service_tag) AS aliases, group_concat(DISTINCT import_id) AS imports, MIN(day) AS first_day, MAX(day) AS last_day
     FROM usage_rows WHERE key_id IS NOT NULL GROUP BY provider, key_id ORDER BY cost DESC, tokens DESC`,
  ).all() as KeyRow[];
}

interface MappingRow {
  provider: string;
  key_id: string;
  agent_id: string | null;
  application: number;
  decided_by: string;
  decided_at: string;
}

const split = (text: string | null) => (text ? text.split(',').filter(Boolean) : []);

function fileNames(db: Db, importIds: string[]): string[] {
  const byId = new Map((statement(db, 'SELECT id, file_name FROM imports').all() as Array<{ id: number; file_name: string }>).map((r) => [String(r.id), r.file_name]));
  return [...new Set(importIds.map((id) => byId.get(id)).filter((n): n is string => !!n))].sort();
}

/**
 * Every key seen in usage: who its calls are attributed to, what a person said of it, and whether
 * it is a candidate (no agent or application accounts for it: no call tagged, no key link, and no
 * mapping other than the candidate's own decision).
 */
export function usageKeys(db: Db): UsageKey[] {
  return scoped(db, 'usage-keys', () => currentUsageKeys(db));
}

function currentUsageKeys(db: Db): UsageKey[] {
  const version = usageVersion(db);
  const cached = keysCache.get(db);
  if (cached?.version === version) return cached.keys;
  // Agent names are part of each key's line, so a kept list is also for the registry as it was.
  const keys = keptUsageFact(db, 'usage-keys', `${version}|${registryVersion(db)}`, () => readUsageKeys(db), { toJson: (k) => k, fromJson: (json) => json as UsageKey[] });
  keysCache.set(db, { version, keys });
  return keys;
}

/** Read once per usage version: every agent's dossier asks which of its keys the application shares. */
const keysCache = new WeakMap<Db, { version: string; keys: UsageKey[] }>();

function readUsageKeys(db: Db): UsageKey[] {
  const names = new Map((statement(db, 'SELECT id, name FROM agents').all() as Array<{ id: string; name: string }>).map((a) => [a.id, a.name]));
  const mappings = new Map((statement(db, 'SELECT * FROM usage_key_mappings').all() as MappingRow[]).map((m) => [`${m.provider}\u0000${m.key_id}`, m]));
  // A candidate decided on, or one an agent was created from, stays in the queue whatever now attributes its key.
  const decided = new Set(
    (
      statement(db, `SELECT identity_key FROM discovery_decisions WHERE identity_key LIKE 'usage-key:%' UNION SELECT identity_key FROM agents WHERE identity_key LIKE 'usage-key:%'`).all() as Array<{
        identity_key: string;
      }>
    ).map((r) => r.identity_key),
  );
  return keyRows(db).map((r) => {
    const agents = new Map<string, Attribution>();
    for (const pair of split(r.agents)) {
      const [id, via] = pair.split('|') as [string, Attribution];
      if (!agents.has(id)) agents.set(id, via);
    }
    const mapping = mappings.get(`${r.provider}\u0000${r.key_id}`) ?? null;
    const candidateKey = `${USAGE_KEY_CANDIDATE}${r.provider}:${r.key_id}`;
    // A key whose every call names an (unknown) agent is that agent's candidate, not a second one.
    const isCandidate = decided.has(candidateKey) || (r.automatic === 0 && r.untagged > 0 && mapping === null);
    return {
      provider: r.provider,
      keyId: r.key_id,
      agents: [...agents].map(([id, via]) => ({ id, name: names.get(id) ?? id, via })),
      mapping: mapping ? { agentId: mapping.agent_id, application: mapping.application === 1, by: mapping.decided_by, at: mapping.decided_at } : null,
      unattributedTokens: r.unattributed,
      applicationTokens: r.application,
      sharedWithApplication: agents.size > 0 && (r.application > 0 || r.unattributed > 0),
      candidateKey: isCandidate ? candidateKey : null,
      tokens: r.tokens,
      costUsd: r.cost,
      models: split(r.models).sort(),
      firstDay: dayText(r.first_day),
      lastDay: dayText(r.last_day),
    };
  });
}

const PROVIDER_NAMES: Record<string, string> = { openai: 'OpenAI', anthropic: 'Anthropic', azure: 'Azure OpenAI', bedrock: 'Bedrock', vertex_ai: 'Vertex AI', gemini: 'Gemini' };
/** How people write a provider's name, for messages. */
export const providerName = (p: string) => PROVIDER_NAMES[p] ?? p;
const shortKey = (keyId: string) => (keyId.length > 20 ? `${keyId.slice(0, 12)}…${keyId.slice(-4)}` : keyId);

function candidateOf(identityKey: string, name: string, unitName: string, evidence: UsageEvidence): DiscoveredAgent {
  const file = evidence.files[0] ?? '';
  const seen = { path: file, line: 0, snippet: `${evidence.requests.toLocaleString('en-US')} requests, ${evidence.tokens.toLocaleString('en-US')} tokens, ${evidence.firstDay} to ${evidence.lastDay}`, ruleId: 'usage-log', confidence: 1 };
  return {
    identityKey,
    name,
    unit: { kind: 'llm-usage', name: unitName, path: file },
    entryPoints: [],
    codeFiles: [],
    classification: 'agent',
    // Spending is certain; that it is an agent rather than an application is what the reviewer decides.
    confidence: 0.5,
    trigger: { kind: 'unknown', schedule: null, description: 'Seen only in usage logs: how it is started is not known', evidence: null },
    llm: [{ provider: evidence.provider, sdk: 'usage log', models: evidence.models, evidence: seen }],
    frameworks: [],
    tools: [],
    capabilities: [],
    credentials: [],
    endpoints: [],
    guardrails: [],
    packages: [],
    usage: evidence,
  };
}

/** Keys nobody accounts for, as candidates in the review queue (decided ones stay, with their decision). */
function keyCandidates(db: Db): DiscoveredAgent[] {
  const keys = usageKeys(db).filter((k) => k.candidateKey !== null);
  if (keys.length === 0) return [];
  const rows = new Map(keyRows(db).map((r) => [`${r.provider}\u0000${r.key_id}`, r]));
  return keys.map((k) => {
    const r = rows.get(`${k.provider}\u0000${k.keyId}`)!;
    const alias = split(r.aliases)[0];
    const evidence: UsageEvidence = {
      provider: k.provider,
      keyId: k.keyId,
      agentTag: null,
      requests: r.requests,
      tokens: r.tokens,
      costUsd: r.cost,
      unpricedTokens: r.unpriced,
      models: k.models,
      firstDay: k.firstDay,
      lastDay: k.lastDay,
      files: fileNames(db, split(r.imports)),
    };
    const name = alias ? `${alias} (${providerName(k.provider)} key)` : `Unaccounted ${providerName(k.provider)} key ${shortKey(k.keyId)}`;
    return candidateOf(k.candidateKey!, name, k.keyId, evidence);
  });
}

/** Agent tags in usage that name no registry agent: ghost agents, found by what the calls say they are. */
function tagCandidates(db: Db): DiscoveredAgent[] {
  const rows = statement(
    db,
    `SELECT agent_tag AS tag, MIN(provider) AS provider, SUM(requests) AS requests, SUM(${TOKENS}) AS tokens, TOTAL(cost_usd) AS cost,
       TOTAL(CASE WHEN cost_usd IS NULL THEN ${TOKENS} END) AS unpriced, group_concat(DISTINCT model) AS models,
       group_concat(DISTINCT import_id) AS imports, MIN(day) AS first_day, MAX(day) AS last_day,
       TOTAL(CASE WHEN attribution = 'tag' THEN 1 END) AS tagged
     FROM usage_rows WHERE agent_tag IS NOT NULL GROUP BY agent_tag`,
  ).all() as Array<{ tag: string; provider: string; requests: number; tokens: number; cost: number; unpriced: number; models: string | null; imports: string | null; first_day: number; last_day: number; tagged: number }>;
  const decided = new Set(
    (
      statement(db, `SELECT identity_key FROM discovery_decisions WHERE identity_key LIKE 'usage-agent:%' UNION SELECT identity_key FROM agents WHERE identity_key LIKE 'usage-agent:%'`).all() as Array<{
        identity_key: string;
      }>
    ).map((r) => r.identity_key),
  );
  return rows
    .filter((r) => r.tagged === 0 || decided.has(`${USAGE_TAG_CANDIDATE}${r.tag}`))
    .map((r) =>
      candidateOf(`${USAGE_TAG_CANDIDATE}${r.tag}`, r.tag, r.tag, {
        provider: r.provider,
        keyId: null,
        agentTag: r.tag,
        requests: r.requests,
        tokens: r.tokens,
        costUsd: r.cost,
        unpricedTokens: r.unpriced,
        models: split(r.models).sort(),
        firstDay: dayText(r.first_day),
        lastDay: dayText(r.last_day),
        files: fileNames(db, split(r.imports)),
      }),
    );
}

const cache = new WeakMap<Db, { version: string; candidates: DiscoveredAgent[] }>();

/** What the candidates depend on: imports, attribution, decisions, key mappings and prices (a price changes their spend). */
/** Changes with every import, attribution input, decision, key mapping and price: what caches of usage facts key on. */
export function usageVersion(db: Db): string {
  const row = statement(
    db,
    `SELECT (SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) FROM imports) || ':' ||
       COALESCE((SELECT value FROM workspace_meta WHERE key = 'usage_attribution_inputs'), '') || ':' ||
       (SELECT COUNT(*) || ':' || COALESCE(MAX(decided_at), '') FROM discovery_decisions) || ':' ||
       (SELECT COUNT(*) || ':' || COALESCE(MAX(decided_at), '') FROM usage_key_mappings) || ':' ||
       (SELECT COUNT(*) || ':' || COALESCE(MAX(set_at), '') FROM model_prices) AS v`,
  ).get() as { v: string };
  return row.v;
}

/** The discovery candidates usage logs give: unaccounted keys and unknown agent tags. */
export function usageCandidates(db: Db): DiscoveredAgent[] {
  ensureAttribution(db);
  const version = usageVersion(db);
  const cached = cache.get(db);
  if (cached?.version === version) return cached.candidates;
  const candidates = [...keyCandidates(db), ...tagCandidates(db)];
  cache.set(db, { version, candidates });
  return candidates;
}

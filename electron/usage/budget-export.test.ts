import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { BUDGETS_JSON_SCHEMA, exportBudgetsAsJson, exportBudgetsAsLiteLlm, type BudgetExportAgent, type BudgetExportInput } from './budget-export';

/*
 * Field names transcribed from LiteLLM's pydantic models, BerriAI/litellm litellm/proxy/_types.py:
 * GenerateRequestBase + KeyRequestBase + GenerateKeyRequest (POST /key/generate),
 * KeyRequestBase + UpdateKeyRequest (POST /key/update), TeamBase + NewTeamRequest (POST /team/new),
 * UpdateTeamRequest (POST /team/update), ConfigGeneralSettings (config.yaml general_settings).
 * litellm_settings keys are set as attributes of the litellm module; `timezone` is read by
 * litellm/proxy/common_utils/timezone_utils.py (docs/my-website/docs/proxy/budget_reset_and_tz.md).
 */
const GENERATE_REQUEST_BASE = ['key_alias', 'duration', 'models', 'spend', 'max_budget', 'user_id', 'team_id', 'agent_id', 'max_parallel_requests', 'metadata', 'tpm_limit', 'rpm_limit', 'budget_duration', 'allowed_cache_controls', 'config', 'permissions', 'model_max_budget', 'model_rpm_limit', 'model_tpm_limit', 'guardrails', 'policies', 'prompts', 'blocked', 'aliases', 'object_permission'];
const KEY_REQUEST_BASE = [...GENERATE_REQUEST_BASE, 'key', 'budget_id', 'tags', 'enforced_params', 'allowed_routes', 'allowed_passthrough_routes', 'allowed_vector_store_indexes', 'rpm_limit_type', 'tpm_limit_type', 'router_settings', 'access_group_ids'];
const GENERATE_KEY_REQUEST = new Set([...KEY_REQUEST_BASE, 'soft_budget', 'send_invite_email', 'key_type', 'auto_rotate', 'rotation_interval', 'organization_id', 'project_id']);
const UPDATE_KEY_REQUEST = new Set([...KEY_REQUEST_BASE, 'temp_budget_increase', 'temp_budget_expiry', 'auto_rotate', 'rotation_interval', 'organization_id']);
const TEAM_BASE = ['team_alias', 'team_id', 'organization_id', 'admins', 'members', 'members_with_roles', 'team_member_permissions', 'metadata', 'tpm_limit', 'rpm_limit', 'max_budget', 'soft_budget', 'budget_duration', 'models', 'blocked', 'router_settings', 'access_group_ids'];
const NEW_TEAM_REQUEST = new Set([...TEAM_BASE, 'model_aliases', 'tags', 'guardrails', 'policies', 'prompts', 'object_permission', 'allowed_passthrough_routes', 'secret_manager_settings', 'model_rpm_limit', 'rpm_limit_type', 'tpm_limit_type', 'model_tpm_limit', 'team_member_budget', 'team_member_rpm_limit', 'team_member_tpm_limit', 'team_member_key_duration', 'team_member_budget_duration', 'allowed_vector_store_indexes', 'enforced_batch_output_expires_after', 'enforced_file_expires_after']);
const UPDATE_TEAM_REQUEST = new Set(['team_id', 'team_alias', 'organization_id', 'metadata', 'tpm_limit', 'rpm_limit', 'max_budget', 'soft_budget', 'models', 'blocked', 'budget_duration', 'tags', 'model_aliases', 'guardrails', 'policies', 'object_permission', 'team_member_budget', 'team_member_budget_duration', 'team_member_rpm_limit', 'team_member_tpm_limit', 'team_member_key_duration', 'allowed_passthrough_routes', 'secret_manager_settings', 'prompts', 'model_rpm_limit', 'model_tpm_limit', 'allowed_vector_store_indexes', 'enforced_batch_output_expires_after', 'enforced_file_expires_after', 'router_settings', 'access_group_ids']);
const GENERAL_SETTINGS = new Set(['completion_model', 'key_management_system', 'use_google_kms', 'use_azure_key_vault', 'master_key', 'database_url', 'database_connection_pool_limit', 'database_connection_timeout']);
const LITELLM_SETTINGS = new Set(['timezone', 'max_budget', 'budget_duration']);
/** The body fields each request must carry (UpdateKeyRequest.key is required; a team body is also re-sent to /team/update, which requires team_id). */
const REQUIRED: Record<string, string[]> = { '/key/update': ['key'], '/team/new': ['team_id'], '/key/generate': [] };
const ALLOWED: Record<string, Array<Set<string>>> = { '/key/generate': [GENERATE_KEY_REQUEST], '/key/update': [UPDATE_KEY_REQUEST], '/team/new': [NEW_TEAM_REQUEST, UPDATE_TEAM_REQUEST] };

const HASH_A = 'a'.repeat(64);
const HASH_B = '0123456789abcdef'.repeat(4);

interface Exported {
  litellm_config: { general_settings: Record<string, unknown>; litellm_settings: Record<string, unknown> };
  agents: Array<{ agent_id: string; name: string; daily_cost_cap_usd: number | null; daily_token_cap: number | null; requests: Array<{ method: string; path: string; body: Record<string, unknown> }> }>;
}

function agent(id: string, name: string, caps: { tokens?: number; usd?: number }, keys: BudgetExportAgent['keys'] = [], teams: string[] = []): BudgetExportAgent {
  return { agentId: id, name, dailyTokenCap: caps.tokens ?? null, dailyCostCapUsd: caps.usd ?? null, keys, teams };
}

const AGENTS: BudgetExportAgent[] = [
  agent('agt_both', 'Refund Bot', { tokens: 2_000_000, usd: 25 }, [
    { provider: 'openai', keyId: 'key_provider1' },
    { provider: 'openai', keyId: HASH_A },
  ]),
  agent('agt_usd', 'Ledger Reconciler', { usd: 3.5 }, [
    { provider: 'anthropic', keyId: HASH_B },
    { provider: 'openai', keyId: HASH_B },
    { provider: 'openai', keyId: HASH_A },
  ], ['team-finance']),
  agent('agt_tokens', 'Summariser', { tokens: 5000 }),
  agent('agt_none', 'Idle Helper', {}),
  agent('agt_new', 'Fresh Agent', { usd: 1 }),
];

const input = (agents: BudgetExportAgent[] = AGENTS): BudgetExportInput => ({ workspaceName: 'Acme prod', exportedAt: '2025-06-01T10:00:00.000Z', agents });
const parsed = (text: string) => parse(text) as Exported;
const byId = (doc: Exported, id: string) => doc.agents.find((a) => a.agent_id === id)!;

describe('exportBudgetsAsLiteLlm', () => {
  it('is one YAML document that parses, with the config.yaml sections and one entry per capped agent', () => {
    const text = exportBudgetsAsLiteLlm(input());
    const docs = parseAllDocuments(text);
    expect(Array.isArray(docs) && docs.length).toBe(1);
    expect((docs as Array<{ errors: unknown[]; warnings: unknown[] }>)[0]!.errors).toEqual([]);
    expect(text).not.toMatch(/[&*][a-z]\d/); // no anchors or aliases
    const doc = parsed(text);
    expect(Object.keys(doc)).toEqual(['litellm_config', 'agents']);
    expect(doc.litellm_config).toEqual({
      general_settings: { master_key: 'os.environ/LITELLM_MASTER_KEY', database_url: 'os.environ/DATABASE_URL' },
      litellm_settings: { timezone: 'UTC' },
    });
    expect(doc.agents.map((a) => a.name)).toEqual(['Fresh Agent', 'Ledger Reconciler', 'Refund Bot', 'Summariser']);
    expect(text).toContain('# Agents without a cap (not exported): "Idle Helper".');
  });

  it("uses only LiteLLM's field names in config sections and request bodies", () => {
    const doc = parsed(exportBudgetsAsLiteLlm(input()));
    for (const key of Object.keys(doc.litellm_config.general_settings)) expect(GENERAL_SETTINGS, key).toContain(key);
    for (const key of Object.keys(doc.litellm_config.litellm_settings)) expect(LITELLM_SETTINGS, key).toContain(key);
    const requests = doc.agents.flatMap((a) => a.requests);
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.method).toBe('POST');
      expect(Object.keys(ALLOWED)).toContain(r.path);
      for (const allowed of ALLOWED[r.path]!) for (const field of Object.keys(r.body)) expect(allowed, `${r.path} ${field}`).toContain(field);
      for (const field of REQUIRED[r.path]!) expect(r.body[field], `${r.path} ${field}`).toBeTypeOf('string');
      if ('budget_duration' in r.body) expect(r.body.budget_duration).toBe('1d');
      if ('max_budget' in r.body) expect(r.body.max_budget).toBeTypeOf('number');
      expect(r.body).not.toHaveProperty('tpm_limit');
      expect(r.body).not.toHaveProperty('agent_id'); // LiteLLM's agent_id names an Agent Gateway agent, not ours
    }
  });

  it('caps an agent whose keys are in no team with a team of its own, and moves its LiteLLM keys into it', () => {
    const both = byId(parsed(exportBudgetsAsLiteLlm(input())), 'agt_both');
    expect(both).toMatchObject({ daily_cost_cap_usd: 25, daily_token_cap: 2_000_000 });
    expect(both.requests).toEqual([
      {
        method: 'POST',
        path: '/team/new',
        body: {
          team_id: 'agent-triage-agt_both',
          team_alias: 'Refund Bot',
          metadata: { agent_id: 'agt_both', agent_name: 'Refund Bot', source: 'agent-triage', daily_token_cap: 2_000_000 },
          max_budget: 25,
          budget_duration: '1d',
        },
      },
      { method: 'POST', path: '/key/update', body: { key: HASH_A, team_id: 'agent-triage-agt_both' } },
    ]);
  });

  it('gives an agent with no LiteLLM key a new key in its team', () => {
    const fresh = byId(parsed(exportBudgetsAsLiteLlm(input())), 'agt_new');
    expect(fresh.requests.map((r) => r.path)).toEqual(['/team/new', '/key/generate']);
    expect(fresh.requests[1]!.body).toEqual({ team_id: 'agent-triage-agt_new', key_alias: 'Fresh Agent', metadata: { agent_id: 'agt_new', agent_name: 'Fresh Agent', source: 'agent-triage' } });
  });

  it('caps each key when the agent already uses LiteLLM teams, once per virtual key, and says each key gets the whole cap', () => {
    const text = exportBudgetsAsLiteLlm(input());
    const usd = byId(parsed(text), 'agt_usd');
    expect(usd.requests).toEqual([
      { method: 'POST', path: '/key/update', body: { key: HASH_B, max_budget: 3.5, budget_duration: '1d' } },
      { method: 'POST', path: '/key/update', body: { key: HASH_A, max_budget: 3.5, budget_duration: '1d' } },
    ]);
    expect(text).toContain('# Its calls went through LiteLLM team "team-finance"');
    expect(text).toContain('# It uses 2 keys and each may spend the whole cap');
  });

  it('exports a token-only agent with no request and says LiteLLM has no per-day token cap', () => {
    const text = exportBudgetsAsLiteLlm(input());
    expect(byId(parsed(text), 'agt_tokens')).toEqual({ agent_id: 'agt_tokens', name: 'Summariser', daily_cost_cap_usd: null, daily_token_cap: 5000, requests: [] });
    expect(text).toContain('# Daily token cap 5000: not exported. LiteLLM has no per-day token cap (tpm_limit is tokens per minute);');
    expect(text).toContain('# tpm_limit: 4 would keep');
  });

  it('gives agents that share a name distinct key aliases (LiteLLM refuses a duplicate alias)', () => {
    const doc = parsed(exportBudgetsAsLiteLlm(input([agent('agt_b', 'Twin', { usd: 1 }), agent('agt_a', 'Twin', { usd: 2 }), agent('agt_c', 'Solo', { usd: 3 })])));
    const aliases = doc.agents.map((a) => a.requests.find((r) => r.path === '/key/generate')!.body.key_alias);
    expect(aliases).toEqual(['Solo', 'Twin (agt_a)', 'Twin (agt_b)']);
    expect(doc.agents.map((a) => a.name)).toEqual(['Solo', 'Twin', 'Twin']);
  });

  it('lists provider keys as ones the proxy cannot cap', () => {
    expect(exportBudgetsAsLiteLlm(input())).toContain('# Provider keys the proxy cannot cap (route these calls through the proxy instead): openai key_provider1.');
  });

  it('leaves out agents without a cap, and says so when every agent has one', () => {
    const none = parsed(exportBudgetsAsLiteLlm(input([agent('x', 'Nobody', {})])));
    expect(none.agents).toEqual([]);
    expect(exportBudgetsAsLiteLlm(input([agent('y', 'Capped', { usd: 2 })]))).toContain('# Every agent has a cap.');
  });

  it('is deterministic: the same text whatever the order of agents, keys and teams', () => {
    const shuffled = [...AGENTS].reverse().map((a) => ({ ...a, keys: [...a.keys].reverse(), teams: [...a.teams].reverse() }));
    expect(exportBudgetsAsLiteLlm(input(shuffled))).toBe(exportBudgetsAsLiteLlm(input()));
    expect(exportBudgetsAsJson(input(shuffled))).toBe(exportBudgetsAsJson(input()));
  });

  it('keeps names with quotes, colons, newlines and # intact through a round trip, and out of the comments', () => {
    const names = ['Say "hi": now', "it's # not a comment", 'two\nlines: #x', '- dash', '@at', 'yes', '1e3', '  padded  '];
    const agents = names.map((name, i) => agent(`agt_${i}`, name, { usd: i + 1 }, [{ provider: 'openai', keyId: `key_${i}` }]));
    agents.push(agent('agt_q', 'Token "only"\n# x', { tokens: 10 }), agent('agt_z', 'Uncapped\n# evil: yes', {}));
    const text = exportBudgetsAsLiteLlm({ workspaceName: 'ws "a":\n# b', exportedAt: '2025-06-01T10:00:00.000Z', agents });
    const doc = parsed(text);
    for (const [i, name] of names.entries()) {
      const entry = byId(doc, `agt_${i}`);
      expect(entry.name).toBe(name);
      expect(entry.requests[0]!.body.team_alias).toBe(name);
      expect((entry.requests[0]!.body.metadata as Record<string, unknown>).agent_name).toBe(name);
      expect(entry.requests[1]!.body.key_alias).toBe(name);
    }
    expect(byId(doc, 'agt_q').name).toBe('Token "only"\n# x');
    expect(Object.keys(doc)).toEqual(['litellm_config', 'agents']); // nothing escaped a comment into the document
    expect(text).toContain('"Uncapped\\n# evil: yes"');
  });
});

describe('exportBudgetsAsJson', () => {
  it('writes our schema with every capped agent, its caps, keys and teams, sorted', () => {
    const doc = JSON.parse(exportBudgetsAsJson(input())) as { schema: string; exportedAt: string; workspace: string; agents: Array<Record<string, unknown>> };
    expect(doc.schema).toBe(BUDGETS_JSON_SCHEMA);
    expect(doc.exportedAt).toBe('2025-06-01T10:00:00.000Z');
    expect(doc.workspace).toBe('Acme prod');
    expect(doc.agents.map((a) => a.agentId)).toEqual(['agt_new', 'agt_usd', 'agt_both', 'agt_tokens']);
    expect(doc.agents[1]).toEqual({
      agentId: 'agt_usd',
      name: 'Ledger Reconciler',
      dailyTokenCap: null,
      dailyCostCapUsd: 3.5,
      keys: [
        { provider: 'anthropic', keyId: HASH_B },
        { provider: 'openai', keyId: HASH_B },
        { provider: 'openai', keyId: HASH_A },
      ],
      teams: ['team-finance'],
    });
    expect(doc.agents[3]).toMatchObject({ agentId: 'agt_tokens', dailyTokenCap: 5000, dailyCostCapUsd: null });
  });

  it('says when no agent has a cap, instead of that every agent has one', () => {
    const yaml = exportBudgetsAsLiteLlm({ workspaceName: 'w', exportedAt: '2026-12-06T00:00:00.000Z', agents: [{ agentId: 'a1', name: 'Uncapped', dailyTokenCap: null, dailyCostCapUsd: null, keys: [], teams: [] }] });
    expect(yaml).toContain('No agent has a daily cap yet');
    expect(yaml).not.toContain('Every agent has a cap');
  });
});

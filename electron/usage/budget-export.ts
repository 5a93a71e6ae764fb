import { Document, type Node } from 'yaml';

/**
 * Per-agent daily caps exported for a LiteLLM proxy to enforce (format 'litellm') and as our own
 * JSON (format 'json'). Pure: the handler gathers the agents, their caps, keys and teams.
 *
 * What LiteLLM really accepts, and so what the 'litellm' export is (sources are paths in the
 * BerriAI/litellm repository):
 *
 * - config.yaml cannot declare virtual keys or teams. Its sections (docs/my-website/docs/proxy/
 *   config_settings.md, "All settings") hold proxy-wide settings (the nearest, `litellm_settings.
 *   default_team_settings`, only gives teams created from JWTs a default: team_budgets.md); budgets per key and per team are
 *   rows in the proxy's database, created through the management API: POST /team/new,
 *   /team/update, /key/generate, /key/update (docs/my-website/docs/proxy/users.md, "Budgets, Rate
 *   Limits"). So the export is one YAML document with two parts: `litellm_config`, exactly the
 *   config.yaml sections that matter (to merge into the proxy's config.yaml), and `agents`, one
 *   entry per capped agent with the management API requests to send, each a method, a path and a
 *   JSON body in LiteLLM's own field names, curl-able as they are.
 * - A resetting daily spend cap is `max_budget` (USD) with `budget_duration: "1d"`, on a key or a
 *   team (users.md: "Budget is reset at the end of specified duration", durations written "30s",
 *   "30m", "30h", "30d"). A "1d" budget resets at midnight in `litellm_settings.timezone`, UTC when
 *   unset (docs/my-website/docs/proxy/budget_reset_and_tz.md; litellm/proxy/common_utils/
 *   timezone_utils.py reads `litellm.timezone`). Our days are UTC days, so the export sets
 *   `timezone: UTC`. The reset job runs every 10 minutes by default (users.md, "Reset Budgets").
 * - Budgets are enforced against spend in the database and need `general_settings.master_key`
 *   ("require a key for all calls to proxy") and `database_url` (litellm/proxy/_types.py,
 *   ConfigGeneralSettings; docs/my-website/docs/proxy/budgets.md: budgets require a database).
 *   Both are exported as `os.environ/…` references, LiteLLM's syntax for secrets from the
 *   environment, so no secret is written.
 * - A budget over several keys exists only as a team's: "Team budgets: Add team_id to virtual keys
 *   to draw on a team's shared budget" (users.md). `/key/update` takes the hashed key id that spend
 *   logs carry: a key that does not start with "sk-" is taken as already hashed
 *   (litellm/proxy/utils.py, `_hash_token_if_needed`).
 * - LiteLLM has no per-day token cap. `tpm_limit` / `rpm_limit` are tokens and requests per MINUTE
 *   (users.md, "Set Rate Limits"; _types.py BudgetNewRequest: "Max tokens per minute"). A daily
 *   token cap N could only be approximated by `tpm_limit: ceil(N / 1440)`, which also blocks every
 *   burst above a 1440th of the day's allowance: not the same cap, so it is not exported; each
 *   agent's entry says so in a comment, with that number, and the team or key it creates keeps the cap
 *   in `metadata.daily_token_cap`.
 * - Not used: tag budgets (docs/my-website/docs/proxy/tag_budgets.md) are enforced only on requests
 *   that carry the tag, so an agent that leaves it out is not capped; the Agent Gateway's agents
 *   (/v1/agents, users.md "Agents") are A2A servers the proxy calls, with per-minute and
 *   per-session limits, not daily spend; a key's `agent_id` field refers to those, so our agent id
 *   goes to `metadata.agent_id` instead.
 *
 * The mapping, per agent with a daily cost cap:
 * - The agent's calls went through no LiteLLM team: a team for the agent (POST /team/new with
 *   `team_id` "agent-triage-<agent id>", `team_alias` its name, `metadata.agent_id`, `max_budget`,
 *   `budget_duration` "1d"), then each of its LiteLLM keys joins that team (POST /key/update with
 *   `key` and `team_id`), so the cap holds over all of them; with no LiteLLM key known, a new key in
 *   the team for the agent to use (POST /key/generate). The same team body is valid for
 *   /team/update (UpdateTeamRequest has each of its fields), to re-apply a changed export.
 * - The agent's calls already went through LiteLLM teams: moving its keys would take them out of
 *   those teams (their models and budgets), so each key gets the cap itself (POST /key/update with
 *   `max_budget` and `budget_duration`); several keys then each get the whole cap, which the entry
 *   says. With no LiteLLM key known, a new key with the cap (in its team when it used exactly one).
 * A new key's `key_alias` is the agent's name (with its id when two agents share a name): LiteLLM
 *   refuses an alias another key already has (litellm/proxy/management_endpoints/
 *   key_management_endpoints.py, `_enforce_unique_key_alias`), and with the opt-in
 *   `enable_key_alias_format_validation` also one outside [a-zA-Z0-9_-/.@] (config_settings.md);
 *   such a request fails with LiteLLM's reason and changes nothing.
 * Provider keys (OpenAI, Anthropic…) are not the proxy's to cap; an entry lists them, as calls to
 *   route through the proxy's key instead. Agents with only a token cap get an entry with no
 *   requests and the reason; agents with no cap are left out and listed in the header.
 */

export interface BudgetExportAgent {
  agentId: string;
  name: string;
  dailyTokenCap: number | null;
  dailyCostCapUsd: number | null;
  /** Keys the agent's calls used: LiteLLM hashed virtual keys and provider key ids. */
  keys: Array<{ provider: string; keyId: string }>;
  /** LiteLLM team ids the agent's calls were made under. */
  teams: string[];
}

export interface BudgetExportInput {
  workspaceName: string;
  /** ISO timestamp, written into the file as given. */
  exportedAt: string;
  agents: BudgetExportAgent[];
}

export const BUDGETS_JSON_SCHEMA = 'agent-triage/budgets@1';
/** LiteLLM's spelling of one day (users.md, budget_duration). */
export const LITELLM_DAILY = '1d';
export const LITELLM_TEAM_ID_PREFIX = 'agent-triage-';
const MINUTES_PER_DAY = 1440;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A LiteLLM virtual key as spend logs carry it: the SHA-256 hex of the "sk-…" key (litellm/proxy/_types.py hash_token). */
export function isLiteLlmKeyId(key: { provider: string; keyId: string }): boolean {
  return key.provider.toLowerCase() === 'litellm' || /^[0-9a-f]{64}$/i.test(key.keyId);
}

/** One virtual key may serve several LLM providers: it is one key to LiteLLM. */
function virtualKeyIds(agent: BudgetExportAgent): string[] {
  return [...new Set(agent.keys.filter(isLiteLlmKeyId).map((k) => k.keyId))].sort(byText);
}

export interface LiteLlmRequest {
  method: 'POST';
  path: '/team/new' | '/key/update' | '/key/generate';
  body: Record<string, unknown>;
}

function sortedAgents(agents: readonly BudgetExportAgent[]): BudgetExportAgent[] {
  return [...agents]
    .map((a) => ({
      ...a,
      keys: [...a.keys].sort((x, y) => byText(x.provider, y.provider) || byText(x.keyId, y.keyId)).filter((k, i, all) => i === 0 || k.provider !== all[i - 1]!.provider || k.keyId !== all[i - 1]!.keyId),
      teams: [...new Set(a.teams)].sort(byText),
    }))
    .sort((a, b) => byText(a.name, b.name) || byText(a.agentId, b.agentId));
}

const hasCap = (a: BudgetExportAgent) => a.dailyCostCapUsd !== null || a.dailyTokenCap !== null;
/** Names in comments are JSON-quoted: a newline or '#' in a name cannot break out of the comment. */
const quoted = (text: string) => JSON.stringify(text);

/** The management API requests that enforce one agent's daily cost cap (none for a token-only cap). */
export function litellmRequestsFor(agent: BudgetExportAgent, keyAlias = agent.name): LiteLlmRequest[] {
  const cap = agent.dailyCostCapUsd;
  if (cap === null) return [];
  const virtualKeys = virtualKeyIds(agent);
  const metadata = (): Record<string, unknown> => ({ agent_id: agent.agentId, agent_name: agent.name, source: 'agent-triage', ...(agent.dailyTokenCap !== null ? { daily_token_cap: agent.dailyTokenCap } : {}) });

  if (agent.teams.length === 0) {
    const teamId = `${LITELLM_TEAM_ID_PREFIX}${agent.agentId}`;
    const requests: LiteLlmRequest[] = [
      { method: 'POST', path: '/team/new', body: { team_id: teamId, team_alias: agent.name, metadata: metadata(), max_budget: cap, budget_duration: LITELLM_DAILY } },
    ];
    for (const key of virtualKeys) requests.push({ method: 'POST', path: '/key/update', body: { key, team_id: teamId } });
    if (virtualKeys.length === 0) requests.push({ method: 'POST', path: '/key/generate', body: { team_id: teamId, key_alias: keyAlias, metadata: metadata() } });
    return requests;
  }

  if (virtualKeys.length > 0) return virtualKeys.map((key) => ({ method: 'POST', path: '/key/update', body: { key, max_budget: cap, budget_duration: LITELLM_DAILY } }));
  const body: Record<string, unknown> = { key_alias: keyAlias, metadata: metadata(), max_budget: cap, budget_duration: LITELLM_DAILY };
  if (agent.teams.length === 1) body.team_id = agent.teams[0];
  return [{ method: 'POST', path: '/key/generate', body }];
}

function agentNotes(agent: BudgetExportAgent): string[] {
  const notes: string[] = [];
  const virtualKeys = virtualKeyIds(agent);
  const providerKeys = agent.keys.filter((k) => !isLiteLlmKeyId(k));
  if (agent.dailyTokenCap !== null) {
    notes.push(
      ` Daily token cap ${agent.dailyTokenCap}: not exported. LiteLLM has no per-day token cap (tpm_limit is tokens per minute);`,
      ` tpm_limit: ${Math.ceil(agent.dailyTokenCap / MINUTES_PER_DAY)} would keep every day under it only by also capping each minute at 1/${MINUTES_PER_DAY} of it.`,
    );
  }
  if (agent.dailyCostCapUsd === null) {
    notes.push(' No daily cost cap: nothing here LiteLLM can enforce, so no requests.');
  } else if (agent.teams.length === 0) {
    notes.push(` Daily cost cap $${agent.dailyCostCapUsd}: a team of its own holds the budget${virtualKeys.length > 0 ? `; its ${virtualKeys.length === 1 ? 'key joins' : `${virtualKeys.length} keys join`} the team (a key in a team is no longer under its owner's personal budget)` : '; no LiteLLM key of it is known, so a new key in the team for it to use'}.`);
    notes.push(' To re-apply a changed cap, send the same team body to POST /team/update.');
  } else {
    notes.push(` Its calls went through LiteLLM team ${agent.teams.map(quoted).join(', ')}: its keys stay there (their budgets still apply) and each key gets the cap itself.`);
    if (virtualKeys.length > 1) notes.push(` It uses ${virtualKeys.length} keys and each may spend the whole cap: LiteLLM sums spend over keys only in a team.`);
    if (virtualKeys.length === 0) notes.push(' No LiteLLM key of it is known: a new key with the cap for it to use.');
  }
  if (providerKeys.length > 0) notes.push(` Provider keys the proxy cannot cap (route these calls through the proxy instead): ${providerKeys.map((k) => `${k.provider} ${k.keyId}`).join(', ')}.`);
  return notes;
}

/** The LiteLLM export: one YAML document, `litellm_config` for config.yaml and `agents` with the API requests. */
export function exportBudgetsAsLiteLlm(input: BudgetExportInput): string {
  const agents = sortedAgents(input.agents);
  const capped = agents.filter(hasCap);
  const uncapped = agents.filter((a) => !hasCap(a));
  // LiteLLM refuses a key_alias another key has: agents sharing a name get their id in it.
  const sharedNames = new Set(capped.map((a) => a.name).filter((name, i, all) => all.indexOf(name) !== i));

  const value = {
    litellm_config: {
      general_settings: { master_key: 'os.environ/LITELLM_MASTER_KEY', database_url: 'os.environ/DATABASE_URL' },
      litellm_settings: { timezone: 'UTC' },
    },
    agents: capped.map((a) => ({
      agent_id: a.agentId,
      name: a.name,
      daily_cost_cap_usd: a.dailyCostCapUsd,
      daily_token_cap: a.dailyTokenCap,
      requests: litellmRequestsFor(a, sharedNames.has(a.name) ? `${a.name} (${a.agentId})` : a.name),
    })),
  };

  const doc = new Document(value, { aliasDuplicateObjects: false });
  doc.commentBefore = [
    ` Daily agent budgets for a LiteLLM proxy, from Agent Triage Workstation.`,
    ` Workspace: ${quoted(input.workspaceName)}. Exported: ${input.exportedAt}.`,
    ``,
    ` litellm_config: merge these sections into the proxy's config.yaml (config.yaml cannot declare keys or teams).`,
    ` agents: per agent, the management API requests that set its budget, in order: POST each body as JSON`,
    ` to the proxy with the master key, e.g. with mikefarah yq, jq and curl:`,
    `   yq -o=json -I=0 '.agents[].requests[]' THIS_FILE | while IFS= read -r r; do`,
    `     curl -sS -X POST "$LITELLM_URL$(jq -r .path <<<"$r")" -H "Authorization: Bearer $LITELLM_MASTER_KEY" \\`,
    `       -H 'Content-Type: application/json' -d "$(jq -c .body <<<"$r")"; done`,
    ` Caps are per UTC day: max_budget in USD with budget_duration "1d", reset at midnight in litellm_settings.timezone.`,
    ` Budgets need the proxy's database (database_url); master_key makes every call carry a key.`,
    ``,
    capped.length === 0
      ? ' No agent has a daily cap yet: set caps on the Usage page (Budgets) and export again.'
      : uncapped.length > 0
        ? ` Agents without a cap (not exported): ${uncapped.map((a) => quoted(a.name)).join(', ')}.`
        : ' Every agent has a cap.',
  ].join('\n');

  const comment = (path: Array<string | number>, text: string, where: 'before' | 'after' = 'before') => {
    const node = doc.getIn(path, true) as Node | undefined;
    if (!node) return;
    if (where === 'after') node.comment = text;
    else node.commentBefore = text;
  };
  comment(['litellm_config', 'general_settings', 'master_key'], ' require a key on every call (ConfigGeneralSettings.master_key)', 'after');
  comment(['litellm_config', 'general_settings', 'database_url'], ' budgets are enforced against spend in this database', 'after');
  comment(['litellm_config', 'litellm_settings', 'timezone'], ' "1d" budgets reset at midnight here; our days are UTC days', 'after');
  capped.forEach((agent, i) => comment(['agents', i], agentNotes(agent).join('\n')));

  // Long names and comment lines stay on one line: a folded scalar is valid but hard to read in a diff.
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}

/** Our own schema: every agent with a cap, its caps, keys and teams, sorted. */
export function exportBudgetsAsJson(input: BudgetExportInput): string {
  const agents = sortedAgents(input.agents)
    .filter(hasCap)
    .map((a) => ({ agentId: a.agentId, name: a.name, dailyTokenCap: a.dailyTokenCap, dailyCostCapUsd: a.dailyCostCapUsd, keys: a.keys.map((k) => ({ provider: k.provider, keyId: k.keyId })), teams: a.teams }));
  return `${JSON.stringify({ schema: BUDGETS_JSON_SCHEMA, exportedAt: input.exportedAt, workspace: input.workspaceName, agents }, null, 2)}\n`;
}

// Writes the demo engagement's LLM usage exports (resources/demo/usage/) in the providers' real
// shapes, for November 2026. Deterministic: run it again and the files do not change.
// node scripts/generate-demo-usage.mjs
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'demo', 'usage');
mkdirSync(out, { recursive: true });

let seed = 20261101;
const random = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const around = (n) => Math.max(0, Math.round(n * (0.7 + random() * 0.6)));
const DAY = 86_400;
const start = Date.UTC(2026, 10, 1) / 1000; // 2026-11-01
const days = 30;
const iso = (s) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

// ---- OpenAI Usage API: completions, grouped by project, key and model, daily buckets, two pages in one file.
const openAiKeys = [
  // Dispute Resolution Assistant: its registry credential names the key id.
  { key: 'key_2mX9dRkD4qLw', project: 'proj_disputes', model: 'gpt-4o-2024-08-06', input: 2_600_000, cachedShare: 0.35, output: 310_000, requests: 1900, from: 0, to: 29, spikes: [8, 9, 22] },
  // Nightly Reconciliation Agent: one run a night, a bigger month-end.
  { key: 'key_Rc0nNightly8b', project: 'proj_finance', model: 'gpt-4.1-mini-2025-04-14', input: 900_000, cachedShare: 0.1, output: 120_000, requests: 420, from: 0, to: 29, spikes: [29] },
  // Marketing Copy Generator: stopped spending on the 12th (dormant).
  { key: 'key_Mk7tCopyGen3z', project: 'proj_marketing', model: 'gpt-4o-mini-2024-07-18', input: 400_000, cachedShare: 0, output: 260_000, requests: 300, from: 0, to: 11, spikes: [] },
  // Nobody accounts for this key: heavy, recent, on the priciest models.
  { key: 'key_7HqZv3unkn2P', project: 'proj_default', model: 'gpt-4o-2024-08-06', input: 3_400_000, cachedShare: 0.05, output: 700_000, requests: 2600, from: 17, to: 29, spikes: [25] },
  { key: 'key_7HqZv3unkn2P', project: 'proj_default', model: 'o3-2025-04-16', input: 500_000, cachedShare: 0, output: 380_000, requests: 210, from: 20, to: 29, spikes: [] },
];
const openAiBuckets = [];
for (let d = 0; d < days; d++) {
  const results = [];
  for (const k of openAiKeys) {
    if (d < k.from || d > k.to) continue;
    const factor = k.spikes.includes(d) ? 2.8 : 1;
    const input = around(k.input * factor);
    results.push({
      object: 'organization.usage.completions.result',
      input_tokens: input,
      output_tokens: around(k.output * factor),
      num_model_requests: around(k.requests * factor),
      project_id: k.project,
      user_id: null,
      api_key_id: k.key,
      model: k.model,
      batch: null,
      service_tier: null,
      input_cached_tokens: Math.round(input * k.cachedShare),
      input_audio_tokens: 0,
      output_audio_tokens: 0,
    });
  }
  openAiBuckets.push({ object: 'bucket', start_time: start + d * DAY, end_time: start + (d + 1) * DAY, results });
}
const pages = [
  { object: 'page', data: openAiBuckets.slice(0, 15), has_more: true, next_page: 'page_AAAAAGdGxdEVZ8fsAAAAAGc_7ZA=' },
  { object: 'page', data: openAiBuckets.slice(15), has_more: false, next_page: null },
];
writeFileSync(join(out, 'openai-usage-completions-2026-11.json'), `${JSON.stringify(pages, null, 2)}\n`);

// ---- Anthropic Admin API usage report (nested cache fields), grouped by key, workspace and model, daily.
const anthropicKeys = [
  // KYC Document Reviewer: long documents, most of the prompt cached.
  { key: 'apikey_01KycRev1ew7NsQ', workspace: 'wrkspc_01Kyc', model: 'claude-sonnet-4-5-20250929', uncached: 700_000, read: 2_100_000, write5m: 180_000, write1h: 0, output: 140_000, from: 0, to: 29, weekdaysOnly: true },
  // Release Notes Writer: Mondays only.
  { key: 'apikey_01RelNotesEng4x', workspace: 'wrkspc_01Eng', model: 'claude-haiku-4-5-20251001', uncached: 220_000, read: 0, write5m: 0, write1h: 0, output: 60_000, from: 0, to: 29, mondays: true },
  // The key the registry only knows as "...9f2c": nobody accounts for it.
  { key: 'apikey_01Xq7Lmn84Zt9f2c', workspace: 'wrkspc_01Default', model: 'claude-opus-4-1-20250805', uncached: 380_000, read: 90_000, write5m: 0, write1h: 40_000, output: 95_000, from: 3, to: 29 },
];
const weekday = (d) => new Date((start + d * DAY) * 1000).getUTCDay();
const anthropicData = [];
const anthropicCost = [];
const listPrice = {
  'claude-sonnet-4-5-20250929': { input: 3, read: 0.3, write5m: 3.75, write1h: 6, output: 15 },
  'claude-haiku-4-5-20251001': { input: 1, read: 0.1, write5m: 1.25, write1h: 2, output: 5 },
  'claude-opus-4-1-20250805': { input: 15, read: 1.5, write5m: 18.75, write1h: 30, output: 75 },
};
for (let d = 0; d < days; d++) {
  const results = [];
  const costs = [];
  for (const k of anthropicKeys) {
    if (d < k.from || d > k.to) continue;
    if (k.weekdaysOnly && (weekday(d) === 0 || weekday(d) === 6)) continue;
    if (k.mondays && weekday(d) !== 1) continue;
    const r = {
      uncached_input_tokens: around(k.uncached),
      cache_creation: { ephemeral_1h_input_tokens: around(k.write1h), ephemeral_5m_input_tokens: around(k.write5m) },
      cache_read_input_tokens: around(k.read),
      output_tokens: around(k.output),
      server_tool_use: { web_search_requests: 0 },
      api_key_id: k.key,
      workspace_id: k.workspace,
      model: k.model,
      service_tier: 'standard',
      context_window: '0-200k',
    };
    results.push(r);
    const p = listPrice[k.model];
    const cents = (tokens, perMTok) => ((tokens * perMTok) / 1_000_000) * 100;
    // The bill: list prices less a negotiated 8%, in cents as decimal strings, per token type.
    for (const [tokenType, tokens, price] of [
      ['uncached_input_tokens', r.uncached_input_tokens, p.input],
      ['cache_read_input_tokens', r.cache_read_input_tokens, p.read],
      ['cache_creation.ephemeral_5m_input_tokens', r.cache_creation.ephemeral_5m_input_tokens, p.write5m],
      ['cache_creation.ephemeral_1h_input_tokens', r.cache_creation.ephemeral_1h_input_tokens, p.write1h],
      ['output_tokens', r.output_tokens, p.output],
    ]) {
      if (tokens === 0) continue;
      costs.push({ currency: 'USD', amount: (cents(tokens, price) * 0.92).toFixed(4), workspace_id: k.workspace, description: `${k.model} ${tokenType}`, cost_type: 'tokens', context_window: '0-200k', model: k.model, service_tier: 'standard', token_type: tokenType });
    }
  }
  anthropicData.push({ starting_at: iso(start + d * DAY), ending_at: iso(start + (d + 1) * DAY), results });
  anthropicCost.push({ starting_at: iso(start + d * DAY), ending_at: iso(start + (d + 1) * DAY), results: costs });
}
writeFileSync(join(out, 'anthropic-usage-report-2026-11.json'), `${JSON.stringify({ data: anthropicData, has_more: false, next_page: null }, null, 2)}\n`);
writeFileSync(join(out, 'anthropic-cost-report-2026-11.json'), `${JSON.stringify({ data: anthropicCost, has_more: false, next_page: null }, null, 2)}\n`);

// ---- LiteLLM proxy spend logs (CSV), the last ten days of the month, one row per call.
const hashed = (virtualKey) => createHash('sha256').update(virtualKey).digest('hex');
const supportKey = hashed('sk-nw-support-drafter-3f8a91');
const sharedKey = hashed('sk-nw-shared-app-77c2d0');
const callers = [
  // Support Reply Drafter tags its calls.
  { key: supportKey, alias: 'support-drafter', team: 'team-support', agent: 'support-reply-drafter', feature: 'reply-draft', model: 'gpt-4o-mini', provider: 'openai', weight: 5, prompt: 2400, completion: 380 },
  // The shared application key: the Collections Reminder Bot tags its calls...
  { key: sharedKey, alias: 'nw-app-shared', team: 'team-platform', agent: 'collections-reminder-bot', feature: 'payment-reminder', model: 'gpt-4o-mini', provider: 'openai', weight: 2, prompt: 900, completion: 220 },
  // ...and the checkout assistant of the web application uses the same key, untagged by agent.
  { key: sharedKey, alias: 'nw-app-shared', team: 'team-platform', agent: null, feature: 'checkout-assistant', model: 'gpt-4o', provider: 'openai', weight: 4, prompt: 1500, completion: 300 },
  // An agent tag no registry entry names: a ghost.
  { key: sharedKey, alias: 'nw-app-shared', team: 'team-platform', agent: 'invoice-chaser', feature: 'invoice-followup', model: 'gpt-4o', provider: 'openai', weight: 1, prompt: 3000, completion: 650 },
];
const columns = ['request_id', 'call_type', 'api_key', 'spend', 'total_tokens', 'prompt_tokens', 'completion_tokens', 'startTime', 'endTime', 'completionStartTime', 'model', 'model_id', 'model_group', 'custom_llm_provider', 'api_base', 'user', 'metadata', 'cache_hit', 'cache_key', 'request_tags', 'team_id', 'end_user', 'requester_ip_address', 'session_id', 'status'];
const price = { 'gpt-4o-mini': { input: 0.15, output: 0.6 }, 'gpt-4o': { input: 2.5, output: 10 } };
const csvCell = (v) => {
  const text = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const lines = [columns.join(',')];
const totalWeight = callers.reduce((n, c) => n + c.weight, 0);
let sequence = 0;
for (let d = 20; d < days; d++) {
  const calls = 160 + Math.round(random() * 60);
  for (let i = 0; i < calls; i++) {
    let pick = random() * totalWeight;
    const c = callers.find((x) => (pick -= x.weight) < 0) ?? callers[0];
    const at = (start + d * DAY + Math.floor(random() * DAY)) * 1000 + Math.floor(random() * 1000);
    const prompt = around(c.prompt);
    const completion = around(c.completion);
    const spend = (prompt * price[c.model].input + completion * price[c.model].output) / 1_000_000;
    const session = `sess_${(Math.floor(random() * 400) + 1000).toString(36)}`;
    const user = c.feature === 'checkout-assistant' ? `cust_${Math.floor(random() * 5000)}` : `agent_${c.agent}`;
    const metadata = {
      user_api_key_alias: c.alias,
      user_api_key_team_id: c.team,
      spend_logs_metadata: c.agent ? { agent_id: c.agent, feature_id: c.feature } : { feature_id: c.feature },
      tags: [`feature:${c.feature}`],
    };
    const failed = random() < 0.01;
    sequence++;
    lines.push(
      [
        `chatcmpl-nw${sequence.toString(36).padStart(6, '0')}`,
        'acompletion',
        c.key,
        failed ? 0 : spend.toFixed(8),
        failed ? 0 : prompt + completion,
        failed ? 0 : prompt,
        failed ? 0 : completion,
        new Date(at).toISOString(),
        new Date(at + 1200 + Math.floor(random() * 4000)).toISOString(),
        new Date(at + 400).toISOString(),
        c.model,
        c.model,
        c.model,
        c.provider,
        'https://api.openai.com/v1',
        user,
        JSON.stringify(metadata),
        'False',
        '',
        JSON.stringify(c.agent ? [`agent:${c.agent}`, `feature:${c.feature}`] : [`feature:${c.feature}`]),
        c.team,
        c.feature === 'checkout-assistant' ? user : '',
        '10.20.0.14',
        session,
        failed ? 'failure' : 'success',
      ]
        .map(csvCell)
        .join(','),
    );
  }
}
writeFileSync(join(out, 'litellm-spend-logs-2026-11-21-to-30.csv'), `${lines.join('\n')}\n`);
console.log(`wrote ${out}: ${lines.length - 1} LiteLLM rows`);

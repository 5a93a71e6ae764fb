import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

/** A small, fast, seeded generator: the same rows every run. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Writes in 4 MB blocks: a million rows never sit in memory as one string. */
function blockWriter(path: string): { write(text: string): void; close(): void } {
  const fd = openSync(path, 'w');
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    writeSync(fd, parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size > 4 * 1024 * 1024) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

const AGENTS = Array.from({ length: 40 }, (_, i) => `agent-${i.toString().padStart(2, '0')}`);
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'gpt-4.1-mini', 'claude-sonnet-4-5-20250929', 'claude-haiku-4-5-20251001'];
const PROVIDERS: Record<string, string> = { 'gpt-4o': 'openai', 'gpt-4o-mini': 'openai', 'gpt-4.1-mini': 'openai', 'claude-sonnet-4-5-20250929': 'anthropic', 'claude-haiku-4-5-20251001': 'anthropic' };

export const LITELLM_COLUMNS = [
  'request_id', 'call_type', 'api_key', 'spend', 'total_tokens', 'prompt_tokens', 'completion_tokens', 'startTime', 'endTime', 'completionStartTime', 'model', 'model_id',
  'model_group', 'custom_llm_provider', 'api_base', 'user', 'metadata', 'cache_hit', 'cache_key', 'request_tags', 'team_id', 'end_user', 'requester_ip_address', 'session_id', 'status',
];

/**
 * `rows` LiteLLM_SpendLogs rows as the proxy's CSV export writes them: 40 agents over 30 days on
 * 60 virtual keys, a JSON metadata cell and request tags per row (as real logs have), some
 * untagged application calls. About 560 bytes a row.
 */
export function writeLiteLlmSpendCsv(path: string, rows: number): void {
  const random = seeded(7);
  const keys = Array.from({ length: 60 }, (_, i) => createHash('sha256').update(`sk-bench-${i}`).digest('hex'));
  const out = blockWriter(path);
  out.write(`${LITELLM_COLUMNS.join(',')}\n`);
  const start = Date.UTC(2026, 9, 1);
  for (let i = 0; i < rows; i++) {
    const agent = random() < 0.9 ? AGENTS[Math.floor(random() * AGENTS.length)]! : null;
    const model = MODELS[Math.floor(random() * MODELS.length)]!;
    const at = start + Math.floor((i / rows) * 30 * 86_400_000) + Math.floor(random() * 60_000);
    const prompt = 200 + Math.floor(random() * 4000);
    const completion = 20 + Math.floor(random() * 800);
    const key = keys[Math.floor(random() * keys.length)]!;
    const metadata = `"{""user_api_key_alias"":""svc-${key.slice(0, 6)}"",""user_api_key_team_id"":""team-${key.slice(0, 3)}""${agent ? `,""spend_logs_metadata"":{""agent_id"":""${agent}"",""feature_id"":""f-${agent.slice(-2)}""}` : ''}}"`;
    const tags = agent ? `"[""agent:${agent}""]"` : '[]';
    const started = new Date(at).toISOString();
    out.write(
      `req-${i.toString(36)},acompletion,${key},${((prompt * 2.5 + completion * 10) / 1e6).toFixed(8)},${prompt + completion},${prompt},${completion},${started},${new Date(at + 1500).toISOString()},${started},${model},${model},${model},${PROVIDERS[model]},https://api.example/v1,user-${i % 997},${metadata},False,,${tags},team-${key.slice(0, 3)},,10.0.0.1,sess-${Math.floor(i / 12).toString(36)},success\n`,
    );
  }
  out.close();
}

/**
 * `results` OpenAI Usage API completions results in saved pages (7 pages in a JSON array, daily
 * buckets grouped by project, key and model, as `group_by=project_id,api_key_id,model` returns).
 */
export function writeOpenAiUsagePages(path: string, results: number): void {
  const random = seeded(11);
  const out = blockWriter(path);
  const days = 90;
  const perBucket = Math.ceil(results / days);
  const start = Math.floor(Date.UTC(2026, 6, 1) / 1000);
  let written = 0;
  out.write('[');
  const pages = 7;
  const bucketsPerPage = Math.ceil(days / pages);
  for (let page = 0; page < pages; page++) {
    out.write(`${page ? ',' : ''}\n{"object":"page","data":[`);
    for (let b = page * bucketsPerPage; b < Math.min(days, (page + 1) * bucketsPerPage); b++) {
      out.write(`${b > page * bucketsPerPage ? ',' : ''}{"object":"bucket","start_time":${start + b * 86_400},"end_time":${start + (b + 1) * 86_400},"results":[`);
      for (let r = 0; r < perBucket && written < results; r++, written++) {
        const input = 100 + Math.floor(random() * 5_000_000);
        out.write(
          `${r ? ',' : ''}{"object":"organization.usage.completions.result","input_tokens":${input},"output_tokens":${Math.floor(input / 8)},"num_model_requests":${1 + Math.floor(random() * 900)},"project_id":"proj_${r % 50}","user_id":null,"api_key_id":"key_${r.toString(36).padStart(6, '0')}","model":"${MODELS[r % 3]}","batch":null,"service_tier":null,"input_cached_tokens":${Math.floor(input / 4)},"input_audio_tokens":0,"output_audio_tokens":0}`,
        );
      }
      out.write(']}');
    }
    out.write(`],"has_more":${page < pages - 1},"next_page":${page < pages - 1 ? `"page_${page + 1}"` : 'null'}}`);
  }
  out.write('\n]\n');
  out.close();
}

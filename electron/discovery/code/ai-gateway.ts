import type { LlmUse } from '../../../shared/discovery';
import { redactSecrets } from '../evidence';
import type { CallSite, Value } from './code-model';
import { literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';

/**
 * The Vercel AI Gateway routes one key to many providers; its model ids name the provider before
 * the slash (`anthropic/claude-sonnet-4.5`, `xai/grok-4`). A call through it is a call to that
 * provider, as a direct provider package's would be: `gateway('openai/gpt-5')`, an instance
 * `createGateway({...})` returns, an OpenAI-compatible client whose base URL is the gateway's, and
 * (AI SDK 5) a plain string given as `model` to generateText and its siblings.
 */

export const GATEWAY_RULE = 'ts.llm.ai-gateway';
const GATEWAY_HOST = /^https?:\/\/ai-gateway\.vercel\.sh(?:[/:?#]|$)/i;
/** A gateway model id: a provider, a slash, the model. */
const GATEWAY_MODEL = /^([a-z0-9][\w-]*)\/([\w.:@-]+)$/i;
/** The AI SDK calls that take a model: a string there is a gateway id. */
const MODEL_TAKERS = /^ai\.(generateText|streamText|generateObject|streamObject|embed|embedMany|Experimental_Agent|ToolLoopAgent)$/;
const BASE_URL_ARGS = ['baseURL', 'base_url', 'baseUrl'];
/** Gateway provider ids that the rest of discovery spells differently. */
const PROVIDER_IDS: Record<string, string> = { amazon: 'bedrock', vertex: 'google' };

/** The provider a gateway model id names ("anthropic/claude-sonnet-4.5" → "anthropic"), or null. */
export function gatewayProvider(modelId: string): { provider: string; model: string } | null {
  const match = GATEWAY_MODEL.exec(modelId.trim());
  if (!match) return null;
  const prefix = match[1]!.toLowerCase();
  return { provider: PROVIDER_IDS[prefix] ?? prefix, model: match[2]! };
}

/** A client whose base URL is written as the gateway's (`createOpenAI({ baseURL: 'https://ai-gateway.vercel.sh/v1' })`). */
export function pointsAtGateway(context: FindingContext, call: CallSite): boolean {
  const written = [...BASE_URL_ARGS.map((name) => call.named.get(name)), ...call.args];
  return written.some((value) => {
    const text = literalText(resolved(context.model, value));
    return text !== null && GATEWAY_HOST.test(text);
  });
}

/**
 * The gateway model ids a gateway client is used with: its own first argument, and what its
 * instance is called with (`team('google/…')`, `team.textEmbeddingModel('openai/…')`,
 * `client.chat.completions.create(model="anthropic/…")`).
 */
export function gatewayModelsAt(context: FindingContext, sites: readonly CallSite[]): string[] {
  const ids: string[] = [];
  const take = (value: Value | undefined) => {
    const text = literalText(resolved(context.model, value));
    if (text !== null && gatewayProvider(text)) ids.push(text);
  };
  for (const site of sites) {
    take(site.args[0]);
    take(site.named.get('model'));
  }
  return [...new Set(ids)];
}

/** Uses of the gateway by a plain model string (`generateText({ model: "openai/gpt-5-mini" })`), one per provider. */
export function gatewayStringUses(context: FindingContext): LlmUse[] {
  const rule = context.rules.llm.find((candidate) => candidate.id === GATEWAY_RULE);
  if (!rule) return [];
  const byProvider = new Map<string, LlmUse>();
  for (const call of context.model.calls) {
    if (!MODEL_TAKERS.test(call.callee)) continue;
    const value = resolved(context.model, call.named.get('model'));
    const text = value?.kind === 'string' && !value.interpolated ? value.text : null;
    const id = text === null ? null : gatewayProvider(text);
    if (!id) continue;
    const existing = byProvider.get(id.provider);
    if (existing) existing.models = [...new Set([...existing.models, id.model])];
    else byProvider.set(id.provider, { provider: id.provider, sdk: redactSecrets('ai (AI Gateway model string)'), models: [id.model], evidence: context.evidence(call.line, rule) });
  }
  return [...byProvider.values()];
}

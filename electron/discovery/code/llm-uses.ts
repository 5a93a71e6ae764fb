import type { LlmUse } from '../../../shared/discovery';
import { redactSecrets } from '../evidence';
import type { CallSite, StringLiteral, Value } from './code-model';
import { callMatches, callName, literalText, resolved, urlText } from './finding-context';
import type { FindingContext } from './finding-context';
import { genkitModelIdUses } from './genkit-model-ids';
import { importedConstant } from './module-constants';
import type { ImportedUrlCall } from '../findings';
import { GATEWAY_RULE, gatewayModelsAt, gatewayProvider, gatewayStringUses, pointsAtGateway } from './ai-gateway';

export interface LlmAnalysis {
  uses: LlmUse[];
  /** Every call that talks to a model: client constructors, one-shot calls, and methods on clients. */
  modelCalls: CallSite[];
  /** Calls that construct a client or call a model directly, for endpoint purpose. */
  clientCalls: Set<CallSite>;
  /** Raw HTTP calls to a URL constant of another module: the linker tells whether it is a provider's. */
  importedUrlCalls: ImportedUrlCall[];
}

/** `anthropic:claude-3-5-sonnet` (init_chat_model), `anthropic/claude-3` (litellm). */
const PROVIDER_PREFIX = /^([\w-]+)[:/](.+)$/;

export function findLlmUses(context: FindingContext): LlmAnalysis {
  const { model, rules } = context;
  const families = modelFamilies(context);
  const modelArgs = rules.llm.map((rule) => rule.match.modelArgs).filter((matcher) => matcher !== undefined);
  // Literals shaped like model names, found once: most of a file's strings are not.
  const modelLiterals = model.strings.filter((literal) => !literal.interpolated && looksLikeModel(literal.text, families) && !looksSecret(literal.text));
  const byKey = new Map<string, LlmUse>();
  const modelCalls: CallSite[] = [];
  const clientCalls = new Set<CallSite>();

  const importedUrlCalls: ImportedUrlCall[] = [];
  for (const call of model.calls) {
    // A call no LLM rule names matches none of them: one test instead of one per rule.
    if (!callMatches(rules.anyCall.llm, call)) continue;
    let host: ProviderHost | null = null;
    const rule = rules.llm.find((candidate) => {
      if (!callMatches(candidate.match.calls, call)) return false;
      if (!candidate.providerHosts) return true;
      host = providerHostOf(context, call, candidate.providerHosts);
      if (host === null && candidate.match.calls) {
        const imported = importedUrlOf(context, call.args[0] ?? call.named.get('url'));
        if (imported) importedUrlCalls.push({ ...imported, sdk: callName(candidate.match.calls, call), evidence: context.evidence(call.line, candidate) });
      }
      return host !== null;
    });
    if (!rule?.match.calls) continue;
    clientCalls.add(call);
    // Methods on the client (`client.chat.completions.create`) carry the model names.
    const onClient = model.calls.filter((other) => other.callee.startsWith(`${call.symbol}.`));
    modelCalls.push(call, ...onClient);
    const seen = [...new Set([call, ...onClient].flatMap((site) => modelNamesAt(context, site, modelLiterals, modelArgs)))];
    const direct = host as ProviderHost | null;
    // Through the Vercel AI Gateway the model id names the provider (`anthropic/claude-…`): one use per provider it names.
    if (rule.id === GATEWAY_RULE || pointsAtGateway(context, call)) {
      const instance = model.calls.filter((other) => other === call || other.callee === call.symbol || other.callee.startsWith(`${call.symbol}.`));
      const routed = gatewayModelsAt(context, instance);
      if (routed.length > 0) {
        for (const id of routed) {
          const { provider, model: name } = gatewayProvider(id)!;
          const sdk = `${callName(rule.match.calls, call)} (AI Gateway)`;
          const key = `${rule.id}|${sdk}|${provider}`;
          const existing = byKey.get(key);
          if (existing) existing.models = [...new Set([...existing.models, name])];
          else byKey.set(key, { provider, sdk, models: [name], evidence: context.evidence(call.line, rule) });
        }
        continue;
      }
    }
    const provider = direct?.provider ?? rule.provider ?? providerFromModels(seen, families) ?? (seen.length === 0 ? soleProvider(context, modelLiterals, families) : null) ?? 'unknown';
    const models = seen.length > 0 ? seen : familyModels(modelLiterals, provider, families, rule.modelIdPrefixes);
    const sdk = redactSecrets(direct ? `${callName(rule.match.calls, call)} ${direct.url}` : callName(rule.match.calls, call));
    const key = `${rule.id}|${sdk}`;
    const existing = byKey.get(key);
    if (existing) existing.models = [...new Set([...existing.models, ...models.map((name) => stripProvider(name, families))])];
    else byKey.set(key, { provider, sdk, models: [...new Set(models.map((name) => stripProvider(name, families)))], evidence: context.evidence(call.line, rule) });
  }
  const rulesUsed = new Set([...byKey.values()].map((use) => use.evidence.ruleId));
  return { uses: [...byKey.values(), ...gatewayStringUses(context), ...genkitModelIdUses(context, rulesUsed)], modelCalls, clientCalls, importedUrlCalls };
}

/** Provider → regex of its model names, and the namespaces model ids are written under (a provider's name, a Genkit plugin's). */
interface Families extends Map<string, RegExp> {
  namespaces?: ReadonlySet<string>;
}

interface ProviderHost {
  provider: string;
  /** The URL without its query: "https://api.openai.com/v1/realtime/sessions". */
  url: string;
}

/**
 * The URL constant another module defines that a raw HTTP call's URL is, or starts with: the
 * constant itself (`requests.post(OPENAI_API_URL)`), or a string built on it (`f"{GEMINI_BASE}/models/…"`,
 * `url = f"{GEMINI_API_URL}?key={KEY}"` then `requests.post(url)`), with what the string adds.
 */
function importedUrlOf(context: FindingContext, value: Value | undefined): Pick<ImportedUrlCall, 'constant' | 'path'> | null {
  const constant = importedConstant(context.model, value);
  if (constant) return { constant };
  const built = resolved(context.model, value);
  const base = built?.kind === 'string' && built.lead ? importedConstant(context.model, built.lead) : null;
  if (!base || built?.kind !== 'string' || !built.text.startsWith('{}')) return null;
  const path = built.text.slice(2).replace(/[?#].*$/, '');
  return path && redactSecrets(path) === path ? { constant: base, path } : { constant: base };
}

/** A raw HTTP call's literal URL on a provider's host (its first argument or `url:`), or null. */
function providerHostOf(context: FindingContext, call: CallSite, hosts: Record<string, string>): ProviderHost | null {
  const url = urlText(context.model, call.args[0] ?? call.named.get('url'));
  const host = url === null ? null : /^https?:\/\/([^/:?#{}]+)/i.exec(url)?.[1]?.toLowerCase();
  const provider = host ? hosts[host] : undefined;
  return provider && url ? { provider, url: url.replace(/[?#].*$/, '') } : null;
}

function modelFamilies({ rules }: FindingContext): Families {
  const families: Families = new Map();
  for (const rule of rules.llm) for (const [provider, source] of Object.entries(rule.modelNames ?? {})) families.set(provider, new RegExp(source, 'i'));
  families.namespaces = new Set([...families.keys(), ...rules.llm.flatMap((rule) => rule.modelIdPrefixes ?? [])]);
  return families;
}

function looksLikeModel(text: string, families: Families): boolean {
  const bare = stripProvider(text, families);
  return [...families.values()].some((family) => family.test(bare));
}

/** "anthropic:claude-3-5-sonnet" → "claude-3-5-sonnet", "googleai/gemini-2.5-flash" → "gemini-2.5-flash"; "meta-llama/Llama-3" keeps its organisation. */
function stripProvider(text: string, families: Families): string {
  const match = PROVIDER_PREFIX.exec(text);
  return match && (families.namespaces ?? families).has(match[1] as string) ? (match[2] as string) : text;
}

/** Model names in a call's arguments: `model=` values whatever they say, other literals by shape. */
function modelNamesAt(context: FindingContext, call: CallSite, modelLiterals: readonly StringLiteral[], modelArgs: Array<{ test(text: string): boolean }>): string[] {
  const names: string[] = [];
  for (const [name, value] of call.named) {
    const text = literalText(resolved(context.model, value));
    if (text !== null && text.length <= 80 && modelArgs.some((matcher) => matcher.test(name)) && /^[\w.:/@-]+$/.test(text) && !looksSecret(text)) names.push(text);
  }
  for (const literal of modelLiterals) if (literal.start > call.start && literal.start < call.end) names.push(literal.text);
  return names;
}

function looksSecret(text: string): boolean {
  return redactSecrets(text) !== text;
}

/**
 * With no model at the call, the file's model literals of the provider's family are the best guess.
 * An SDK that writes model ids under plugin namespaces (Genkit) takes only the ids under its own:
 * `ollama/llama3.1` is the Ollama plugin's, `googleai/gemini-2.5-flash` never is.
 */
function familyModels(modelLiterals: readonly StringLiteral[], provider: string, families: Families, ownPrefixes?: readonly string[]): string[] {
  const family = families.get(provider);
  const ownNamespace = (text: string) => {
    const prefix = PROVIDER_PREFIX.exec(text)?.[1] ?? null;
    return !ownPrefixes || prefix === null || !(families.namespaces ?? families).has(prefix) || prefix === provider || ownPrefixes.includes(prefix);
  };
  return [...new Set(modelLiterals.filter((literal) => (!family || family.test(stripProvider(literal.text, families))) && ownNamespace(literal.text)).map((literal) => literal.text))];
}

/**
 * The one provider every model name of the file belongs to, for a call that names none itself
 * (an AG2 agent handed `llm_config=LLM_CONFIG`, its models written in the config): null when the
 * file names none or several providers' models.
 */
function soleProvider(context: FindingContext, modelLiterals: readonly StringLiteral[], families: Families): string | null {
  const providers = new Set(modelLiterals.map((literal) => providerFromModels([literal.text], families)));
  const sole = providers.size === 1 ? [...providers][0]! : null;
  // AG2 and LiteLLM configs serve OpenAI's models from Azure with `"api_type": "azure"` beside them.
  return sole === 'openai' && context.model.namedValues.some((named) => named.name === 'api_type' && literalText(named.value) === 'azure') ? 'azure-openai' : sole;
}

function providerFromModels(models: string[], families: Families): string | null {
  for (const model of models) {
    const prefix = PROVIDER_PREFIX.exec(model)?.[1];
    if (prefix && families.has(prefix)) return prefix;
    for (const [provider, family] of families) if (family.test(model)) return provider;
  }
  return null;
}

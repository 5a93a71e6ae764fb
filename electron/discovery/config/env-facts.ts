import { isConnectionName, isCredentialName, isReference, literalSecretIn, providerOfName, recordLiteralSecret, redactedConnection, upperSnake } from './secrets';
import type { ConfigSource } from './source';
import { addCredential, addEndpoint, addLlm, type UnitFacts } from './units';

/** One environment variable as a config sets it: a literal value, a reference, or no value at all. */
export interface EnvEntry {
  name: string;
  /** The literal or templated value as written; null when the value comes from elsewhere (a secret ref). */
  value: string | null;
  line: number;
}

const LLM_KEY_NAMES: Array<[RegExp, string]> = [
  [/^AZURE_OPENAI_(API_)?KEY$/, 'azure-openai'],
  [/^OPENAI_API_KEY$/, 'openai'],
  [/^(ANTHROPIC|CLAUDE)_API_KEY$|^CLAUDE_CODE_OAUTH_TOKEN$/, 'anthropic'],
  [/^(GEMINI|GOOGLE|GOOGLE_GENERATIVE_AI)_API_KEY$/, 'google'],
  [/^MISTRAL_API_KEY$/, 'mistral'],
  [/^(COHERE|CO)_API_KEY$/, 'cohere'],
  [/^GROQ_API_KEY$/, 'groq'],
  [/^OPENROUTER_API_KEY$/, 'openrouter'],
  [/^TOGETHER(_AI)?_API_KEY$/, 'together'],
  [/^DEEPSEEK_API_KEY$/, 'deepseek'],
  [/^XAI_API_KEY$/, 'xai'],
  [/^PERPLEXITY_API_KEY$/, 'perplexity'],
  [/^FIREWORKS_API_KEY$/, 'fireworks'],
  [/^(HUGGINGFACEHUB_API_TOKEN|HF_TOKEN)$/, 'huggingface'],
  [/^LITELLM_(API|MASTER)_KEY$/, 'litellm'],
];

const MODEL_PROVIDERS: Array<[RegExp, string]> = [
  [/^(gpt-|o[134](-|$)|chatgpt-|text-embedding-)/i, 'openai'],
  [/^claude-/i, 'anthropic'],
  [/^(anthropic|amazon|meta|cohere|mistral)\.[a-z]/i, 'bedrock'],
  [/^gemini-/i, 'google'],
  [/^(mistral|mixtral|codestral|ministral)-/i, 'mistral'],
  [/^command-/i, 'cohere'],
];

const INFERENCE_HOSTS = /(^|\.)(api\.openai\.com|api\.anthropic\.com|openai\.azure\.com|generativelanguage\.googleapis\.com|aiplatform\.googleapis\.com|bedrock-runtime\.[a-z0-9-]+\.amazonaws\.com|api\.mistral\.ai|api\.cohere\.(ai|com)|api\.groq\.com|openrouter\.ai|api-inference\.huggingface\.co)$/i;
const INFERENCE_NAME = /OPENAI|ANTHROPIC|CLAUDE|GEMINI|LLM|OLLAMA|MODEL|INFERENCE|BEDROCK|MISTRAL|VLLM|LITELLM/;
const URL_NAME = /(BASE_URL|_URL|_URI|ENDPOINT|API_BASE|_HOST|WEBHOOK)$/;

function llmProviderOfKeyName(name: string): string | null {
  const upper = upperSnake(name);
  return LLM_KEY_NAMES.find(([pattern]) => pattern.test(upper))?.[1] ?? null;
}

function providerOfModel(model: string): string | null {
  const prefixed = model.match(/^([a-z-]+)\/[\w.:-]+$/i);
  if (prefixed) return prefixed[1]!.toLowerCase();
  return MODEL_PROVIDERS.find(([pattern]) => pattern.test(model))?.[1] ?? null;
}

/** The host of an http(s) URL written as a literal, or null (templated hosts name nothing). */
export function literalHost(value: string): string | null {
  const host = value.match(/^(?:https?|wss?):\/\/(?:[^@/\s]*@)?([A-Za-z0-9.-]+)(?::\d+)?(?:[/?#]|$)/)?.[1];
  return host && /[a-z]/i.test(host) ? host.toLowerCase() : null;
}

/**
 * What one environment variable tells about a unit: the LLM provider behind a key name, a model,
 * an endpoint host, a credential name, and a secret written in clear (kept only as fingerprint).
 */
export function recordEnvEntry(src: ConfigSource, facts: UnitFacts, entry: EnvEntry): void {
  const { name, value, line } = entry;
  const upper = upperSnake(name);
  const llmProvider = llmProviderOfKeyName(name);
  if (llmProvider) addLlm(facts, llmProvider, `${name} environment variable`, [], src.evidence('config.llm.provider-key-env', line));

  const literal = value !== null && !isReference(value) ? value.trim() : null;
  if (literal && /(^|_)(MODEL|MODEL_NAME|MODEL_ID|DEPLOYMENT)$/.test(upper)) {
    const provider = providerOfModel(literal);
    if (provider) addLlm(facts, provider, `${name} environment variable`, [literal], src.evidence('config.llm.model-env', line));
  }

  const host = literal ? literalHost(literal) : null;
  if (host && URL_NAME.test(upper) && !isConnectionName(name)) {
    const purpose = INFERENCE_HOSTS.test(host) || INFERENCE_NAME.test(upper) ? 'inference' : /WEBHOOK/.test(upper) ? 'webhook' : 'api';
    addEndpoint(facts, host, purpose, src.evidence('config.endpoint.env-url', line));
  }

  const secret = value !== null ? literalSecretIn(name, value) : null;
  if (secret) recordLiteralSecret(src, facts, secret, line, name);
  // Too short or plain to be recorded as a secret, a value under a credential name may still be a
  // weak password: it stays out of every snippet of the file all the same.
  else if (literal && literal.length >= 3 && isCredentialName(name) && !isConnectionName(name)) src.noteSecret(literal);

  if (isConnectionName(name)) {
    addCredential(facts, 'connection-string', literal ? redactedConnection(literal) : name, providerOfName(name), src.evidence('config.credential.connection-string', line));
  } else if (isCredentialName(name)) {
    addCredential(facts, 'env-var', name, llmProvider ?? providerOfName(name), src.evidence('config.credential.env-var', line));
  }
}

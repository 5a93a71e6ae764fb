import { fingerprintSecret, SECRET_PATTERNS } from '../evidence';
import type { ConfigSource } from './source';
import { addCredential, type UnitFacts } from './units';

/** Non-global copies: a /g pattern's lastIndex would make `test` skip matches between calls. */
const KNOWN_SECRETS = SECRET_PATTERNS.map(({ provider, pattern }) => ({ provider, pattern: new RegExp(pattern.source) }));

/**
 * Names that hold credentials: API_KEY, DB_PASSWORD, SLACK_BOT_TOKEN, apiKey... but not
 * MAX_TOKENS, TOKEN_LIMIT or SECRET_NAME, which hold numbers and names.
 */
const CREDENTIAL_NAME = /(^|_)(API_?KEYS?|TOKEN|SECRET|SECRET_KEY|PASSWORD|PASSWD|PASS|PWD|PRIVATE_KEY|ACCESS_KEY(_ID)?|CLIENT_SECRET)(_|$)/;
/** Names that often hold credentials (SSH_KEY, GCP_CREDENTIALS) and often do not (CACHE_KEY). */
const VAGUE_CREDENTIAL_NAME = /(^|_)(KEY|CREDENTIALS?)(_|$)/;
const NOT_A_CREDENTIAL = /(LIMIT|MAX|MIN|COUNT|TTL|EXPIR\w*|TIMEOUT|PATH|FILE|DIR|TYPE|HEADER|ENDPOINT|HOST|PORT|URL|URI|NAME|ENABLED|LENGTH|SIZE|ID|REF|ARN)$/;
const CONNECTION_NAME = /(^|_)(DATABASE_UR[LI]|DB_UR[LI]|DSN|CONNECTION_STRING|CONN_STR|(REDIS|MONGO(DB)?|POSTGRES(QL)?|PG|MYSQL|AMQP|BROKER|RABBITMQ)_UR[LI])$/;

/** Placeholders and references a person would not mistake for a real secret. */
const PLACEHOLDER = /^(<[^>]*>|\[[^\]]*\]|x{3,}|\*+|\.{3}|…|changeme|change[-_]me|replace[-_]?me|your[-_ ].*|todo|tbd|none|null|nil|true|false|example|dummy|test|placeholder|redacted)$/i;
/** Template and variable syntax, and pointers into secret stores (ARNs, Key Vault, Secret Manager, Vault). */
const REFERENCE = /\$\{|\$\(|\{\{|%\(|#\{|^\$[A-Za-z_]|^\{\w+\}$|^arn:|^@Microsoft\.KeyVault\(|^projects\/[^/]+\/secrets\/|^vault:/;

export function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

export function isCredentialName(name: string): boolean {
  const upper = upperSnake(name);
  if (CONNECTION_NAME.test(upper)) return true;
  return (CREDENTIAL_NAME.test(upper) || VAGUE_CREDENTIAL_NAME.test(upper)) && !NOT_A_CREDENTIAL.test(upper);
}

export function isConnectionName(name: string): boolean {
  return CONNECTION_NAME.test(upperSnake(name));
}

export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

const NAME_PROVIDERS: Array<[RegExp, string]> = [
  [/AZURE_OPENAI/, 'azure-openai'],
  [/OPENAI/, 'openai'],
  [/ANTHROPIC|CLAUDE/, 'anthropic'],
  [/GEMINI|GOOGLE|GCP|VERTEX/, 'google'],
  [/BEDROCK|AWS/, 'aws'],
  [/MISTRAL/, 'mistral'],
  [/COHERE/, 'cohere'],
  [/GROQ/, 'groq'],
  [/OPENROUTER/, 'openrouter'],
  [/HUGGING|(^|_)HF_/, 'huggingface'],
  [/GITHUB|(^|_)GH_/, 'github'],
  [/GITLAB/, 'gitlab'],
  [/SLACK/, 'slack'],
  [/STRIPE/, 'stripe'],
  [/SENDGRID/, 'sendgrid'],
  [/TWILIO/, 'twilio'],
  [/AZURE/, 'azure'],
  [/POSTGRES|(^|_)PG_/, 'postgres'],
  [/MYSQL/, 'mysql'],
];

/** The service a credential name points at, when the name says so. */
export function providerOfName(name: string): string | null {
  const upper = upperSnake(name);
  return NAME_PROVIDERS.find(([pattern]) => pattern.test(upper))?.[1] ?? null;
}

export interface LiteralSecret {
  value: string;
  provider: string | null;
}

/**
 * A secret written as a literal: a known key shape anywhere in the value, or an opaque value
 * under a credential name. References (`${VAR}`, `{{ secrets.X }}`) and placeholders are not.
 */
export function literalSecretIn(name: string | null, value: string): LiteralSecret | null {
  for (const { provider, pattern } of KNOWN_SECRETS) {
    const match = value.match(pattern);
    if (match) return { value: match[0], provider };
  }
  const password = value.match(/^[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:([^@\s/]{3,})@/i)?.[1];
  if (password && !isReference(password) && !PLACEHOLDER.test(password)) return { value: password, provider: value.split(':')[0]!.toLowerCase() };
  const trimmed = value.trim();
  if (!name || !isCredentialName(name) || isConnectionName(name)) return null;
  const opaque = trimmed.length >= 8 && !/\s/.test(trimmed) && !/^\d+(\.\d+)?$/.test(trimmed);
  if (!opaque || isReference(trimmed) || PLACEHOLDER.test(trimmed)) return null;
  // Under a vague name only a random-looking value is a secret: CACHE_KEY=user-profile-v2 is not.
  const vague = !CREDENTIAL_NAME.test(upperSnake(name));
  if (vague && !(trimmed.length >= 16 && /[A-Za-z]/.test(trimmed) && /\d/.test(trimmed))) return null;
  return { value: trimmed, provider: providerOfName(name) };
}

/** Records a literal secret as fingerprint + last 4 and masks it in every snippet of the file. */
export function recordLiteralSecret(src: ConfigSource, facts: Pick<UnitFacts, 'credentials'>, secret: LiteralSecret, line: number, label: string): void {
  src.noteSecret(secret.value);
  const print = fingerprintSecret(secret.value);
  const name = secret.provider ? `${secret.provider} key …${print.last4}` : `${label} …${print.last4}`;
  addCredential(facts, 'hardcoded-secret', name, secret.provider, src.evidence('config.credential.hardcoded-secret', line), print);
}

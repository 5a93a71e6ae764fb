import { redactUrlPasswords } from '../evidence';
import { secretCredentialName } from '../secret-fingerprint';
import { awsSecretUnderName, knownSecretsIn, secretPreview, type KnownSecret } from '../secret-shapes';
import type { ConfigSource } from './source';
import { addCredential, type UnitFacts } from './units';

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
  /** The value to fingerprint. */
  value: string;
  /** The text as written, masked in every snippet of the file. */
  raw: string;
  provider: string | null;
  /** What it is ("openai key"), for a known shape; else the caller names it after where it was written. */
  label: string | null;
  /** Public prefix and length of a known shape; null for passwords and opaque values. */
  preview: string | null;
  /** For a connection string's password: the connection without it, which names the credential. */
  connection: string | null;
}

/** A key of a known shape, as a literal to record. */
export function knownLiteral(secret: KnownSecret): LiteralSecret {
  return { value: secret.value, raw: secret.raw, provider: secret.provider, label: secret.label, preview: secretPreview(secret), connection: null };
}

/** An opaque value known to be a secret by where it is written; nothing of it is shown. */
export function opaqueSecret(value: string, provider: string | null): LiteralSecret {
  return { value, raw: value, provider, label: null, preview: null, connection: null };
}

/** A connection string without its password (and without its query, which may carry tokens): enough to match it to a data source. */
export function redactedConnection(value: string): string {
  return redactUrlPasswords(value).replace(/:\*\*\*\*@/, '@').replace(/\?.*$/, '');
}

/**
 * A secret written as a literal: a known key shape anywhere in the value, an AWS secret access
 * key under its name, the password of a connection string, or an opaque value under a
 * credential name. References (`${VAR}`, `{{ secrets.X }}`) and placeholders are not.
 */
export function literalSecretIn(name: string | null, value: string): LiteralSecret | null {
  const shaped = knownSecretsIn(value)[0];
  if (shaped) return knownLiteral(shaped);
  const aws = name ? awsSecretUnderName(name, value) : null;
  if (aws) return knownLiteral(aws);
  const url = value.trim();
  const password = url.match(/^[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+:([^@\s/]{3,})@/i)?.[1];
  if (password && !isReference(password) && !PLACEHOLDER.test(password)) {
    return { value: password, raw: password, provider: url.split(':')[0]!.toLowerCase(), label: null, preview: null, connection: redactedConnection(url) };
  }
  const trimmed = value.trim();
  if (!name || !isCredentialName(name) || isConnectionName(name)) return null;
  const opaque = trimmed.length >= 8 && !/\s/.test(trimmed) && !/^\d+(\.\d+)?$/.test(trimmed);
  if (!opaque || isReference(trimmed) || PLACEHOLDER.test(trimmed)) return null;
  // Under a vague name only a random-looking value is a secret: CACHE_KEY=user-profile-v2 is not.
  const vague = !CREDENTIAL_NAME.test(upperSnake(name));
  if (vague && !(trimmed.length >= 16 && /[A-Za-z]/.test(trimmed) && /\d/.test(trimmed))) return null;
  return opaqueSecret(trimmed, providerOfName(name));
}

/**
 * Records a literal secret as its fingerprint under the workspace key (and, for a known shape,
 * its preview), and masks it in every snippet of the file. A connection string's password is
 * recorded under the connection it opens, with nothing of the password but its fingerprint.
 */
export function recordLiteralSecret(src: ConfigSource, facts: Pick<UnitFacts, 'credentials'>, secret: LiteralSecret, line: number, label: string): void {
  src.noteSecret(secret.raw);
  const fingerprint = src.fingerprint(secret.value);
  if (secret.connection !== null) {
    addCredential(facts, 'connection-string', secret.connection, secret.provider, src.evidence('config.credential.connection-string', line), { fingerprint, preview: null });
    return;
  }
  const name = secretCredentialName(secret.label ?? label, secret.preview, fingerprint);
  addCredential(facts, 'hardcoded-secret', name, secret.provider, src.evidence('config.credential.hardcoded-secret', line), { fingerprint, preview: secret.preview });
}

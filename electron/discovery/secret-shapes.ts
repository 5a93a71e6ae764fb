/**
 * The shapes of secrets a scan recognises wherever they are written, and how each is shown
 * without any of its secret characters: its provider, the public prefix that says what kind of
 * key it is, and its length. The formats are the providers' published token formats (the same
 * facts public secret scanners encode).
 */

export interface KnownSecret {
  provider: string;
  /** What it is, for people: "openai key", "slack webhook", "RSA private key". */
  label: string;
  /** The value that is fingerprinted (a private key without its line breaks, so the same key matches however it was written). */
  value: string;
  /** The text as written, to mask it where it appears. */
  raw: string;
  /** Offset of `raw` in the text searched. */
  index: number;
  /** The public start that names the kind of key ("sk-proj-", "AKIA", "ghp_"), or ''. */
  prefix: string;
}

interface SecretShape {
  provider: string;
  label: string | ((raw: string) => string);
  /** Global; matches the secret as written. */
  pattern: RegExp;
  /** Anchored; the public part kept in previews and masks. */
  prefix: RegExp;
  /** The value to fingerprint, when it is not the text as written. */
  canonical?: (raw: string) => string;
  /** False for text the pattern matches that no issued key looks like. */
  plausible?: (raw: string) => boolean;
}

/** Keys end in '-' or '_' as often as in a letter: \b would miss those, so the edges are explicit. */
const START = '(?<![A-Za-z0-9_])';
const END = '(?![A-Za-z0-9_-])';
const shape = (provider: string, label: string, source: string, prefix: RegExp, plausible?: (raw: string) => boolean): SecretShape => ({ provider, label, pattern: new RegExp(`${START}(?:${source})${END}`, 'g'), prefix, ...(plausible ? { plausible } : {}) });

/**
 * `sk-` keys are random: lowercase words joined by dashes (`sk-fastapi-routers-py`, a folder or a
 * bucket name) are a name, not a key, and masking them would garble paths.
 */
const notKebabName = (prefix: RegExp) => (raw: string) => !/^[a-z]+(?:[-_][a-z0-9]+)*$/.test(raw.replace(prefix, ''));

const PEM_BLOCK = /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY(?: BLOCK)?-----([\s\S]{16,}?)-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----/g;

/** The key material without line breaks, written ones (\n in JSON or .env) or real ones. */
function pemBody(raw: string): string {
  const [, kind = '', body = ''] = /^-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY(?: BLOCK)?-----([\s\S]*?)-----END/.exec(raw) ?? [];
  return `${kind.trim()}:${body.replace(/\\[nr]|\s/g, '')}`;
}

/** Most specific first: an Anthropic key is also shaped like an OpenAI one, and the first shape to claim a span keeps it. */
const SHAPES: SecretShape[] = [
  {
    provider: 'private-key',
    label: (raw) => `${/^-----BEGIN ((?:[A-Z0-9]+ ){0,3}?)PRIVATE KEY/.exec(raw)?.[1] ?? ''}private key`,
    pattern: PEM_BLOCK,
    prefix: /^(?!)/,
    canonical: pemBody,
  },
  shape('anthropic', 'anthropic key', 'sk-ant-[A-Za-z0-9_-]{20,}', /^sk-ant-(?:[a-z]+\d\d-)?/, notKebabName(/^sk-ant-(?:[a-z]+\d\d-)?/)),
  shape('openai', 'openai key', 'sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}', /^sk-(?:proj-|svcacct-|admin-)?/, notKebabName(/^sk-(?:proj-|svcacct-|admin-)?/)),
  shape('aws', 'aws access key', '(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}', /^(?:AKIA|ASIA|ABIA|ACCA)/),
  shape('github', 'github token', 'gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}', /^(?:gh[pousr]_|github_pat_)/),
  shape('gitlab', 'gitlab token', 'gl(?:pat|dt|rt|ptt|oas|soat|ft|imt|ffct|cbt|agent)-[A-Za-z0-9_.-]{20,}|GR1348941[A-Za-z0-9_-]{20,}', /^(?:gl[a-z]+-|GR1348941)/),
  {
    provider: 'slack',
    label: 'slack webhook',
    pattern: /(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,}/g,
    prefix: /^(?:https?:\/\/)?hooks\.slack\.com\/[a-z]+\//,
  },
  shape('slack', 'slack token', 'xox[abposre]-[A-Za-z0-9-]{10,}|xoxe\\.xox[bp]-[A-Za-z0-9-]{10,}|xapp-\\d-[A-Za-z0-9-]{10,}', /^(?:xoxe\.xox[bp]-|xox[a-z]-|xapp-)/),
  shape('google', 'google api key', 'AIza[0-9A-Za-z_-]{35}', /^AIza/),
  shape('huggingface', 'huggingface token', 'hf_[A-Za-z0-9]{30,}', /^hf_/),
  shape('stripe', 'stripe key', '[sr]k_(?:live|test)_[A-Za-z0-9]{16,}', /^[sr]k_(?:live|test)_/),
  // Twilio API key SIDs are secrets' names too, but the SID is what grants access with its secret; account SIDs (AC…) are identifiers and are not matched.
  shape('twilio', 'twilio api key', 'SK[0-9a-fA-F]{32}', /^SK/),
  shape('sendgrid', 'sendgrid key', 'SG\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}', /^SG\./),
  shape('groq', 'groq key', 'gsk_[A-Za-z0-9]{40,}', /^gsk_/),
];

/**
 * An AWS secret access key is 40 characters of base64, like a thousand other values: only the
 * name written next to it says what it is (aws_secret_access_key = "…", "SecretAccessKey": "…").
 */
const AWS_SECRET_NAME = /(?:aws[_-]?)?secret[_-]?access[_-]?key/i;
const AWS_SECRET_VALUE = /^[A-Za-z0-9/+=]{40}$/;
const AWS_SECRET_IN_TEXT = /((?:aws[_-]?)?secret[_-]?access[_-]?key["']?\s*(?:[:=,]|=>|:=)\s*["']?)([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi;

function secretOf(found: SecretShape, raw: string, index: number): KnownSecret {
  return {
    provider: found.provider,
    label: typeof found.label === 'function' ? found.label(raw) : found.label,
    value: found.canonical ? found.canonical(raw) : raw,
    raw,
    index,
    prefix: found.prefix.exec(raw)?.[0] ?? '',
  };
}

function awsSecret(raw: string, index: number): KnownSecret {
  return { provider: 'aws', label: 'aws secret access key', value: raw, raw, index, prefix: '' };
}

/**
 * A literal every shape above (and an AWS secret's name) contains. Most texts a scan redacts
 * (paths, rule ids, snippets of ordinary code) hold none, and one pass for these literals is
 * several times cheaper than each shape's pattern in turn. A shape added above must add its
 * literal here (evidence.test.ts plants an example of every shape and checks it is masked).
 */
const SHAPE_HINT = /PRIVATE KEY|sk-|AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|gl[a-z]{2,5}-|GR1348941|hooks\.slack\.com|xox|xapp-|AIza|hf_|k_live_|k_test_|SK[0-9a-fA-F]{32}|SG\.|gsk_|[Ss][Ee][Cc][Rr][Ee][Tt][_-]?[Aa][Cc][Cc][Ee][Ss][Ss]/;

/** Every known secret in a text, without overlaps, in the order they appear. */
export function knownSecretsIn(text: string): KnownSecret[] {
  if (!SHAPE_HINT.test(text)) return [];
  const found: KnownSecret[] = [];
  const overlaps = (start: number, end: number) => found.some((f) => start < f.index + f.raw.length && f.index < end);
  for (const candidate of SHAPES) {
    for (const match of text.matchAll(candidate.pattern)) {
      if (candidate.plausible && !candidate.plausible(match[0])) continue;
      if (!overlaps(match.index, match.index + match[0].length)) found.push(secretOf(candidate, match[0], match.index));
    }
  }
  for (const secret of secretsKnownByNameIn(text)) if (!overlaps(secret.index, secret.index + secret.raw.length)) found.push(secret);
  return found.sort((a, b) => a.index - b.index);
}

/** Secrets only the name written beside them gives away (an AWS secret access key after its name). */
export function secretsKnownByNameIn(text: string): KnownSecret[] {
  return [...text.matchAll(AWS_SECRET_IN_TEXT)].map((match) => awsSecret(match[2]!, match.index + match[1]!.length));
}

/** A value an AWS secret access key name holds (AWS_SECRET_ACCESS_KEY, secretAccessKey), when it has the shape of one. */
export function awsSecretUnderName(name: string, value: string): KnownSecret | null {
  const trimmed = value.trim();
  return AWS_SECRET_NAME.test(name) && AWS_SECRET_VALUE.test(trimmed) ? awsSecret(trimmed, 0) : null;
}

/**
 * What a secret is shown as to people: the public prefix and the length, no character of the
 * secret part ("sk-proj-… (164 chars)", "(40 chars)" for an AWS secret access key).
 */
export function secretPreview(secret: Pick<KnownSecret, 'prefix' | 'value' | 'provider'>): string {
  // A private key's length is that of its key material; its BEGIN line already names it.
  const length = secret.provider === 'private-key' ? secret.value.length - secret.value.indexOf(':') - 1 : secret.value.length;
  return secret.prefix ? `${secret.prefix}… (${length} chars)` : `(${length} chars)`;
}

/** How a secret stands in a snippet: its public prefix and an ellipsis; nothing of the secret part, not even its length. */
export function maskOf(secret: Pick<KnownSecret, 'prefix' | 'raw' | 'provider'>): string {
  if (secret.provider === 'private-key') return `${/^-----BEGIN [^-]*-----/.exec(secret.raw)?.[0] ?? ''}…`;
  return `${secret.prefix}…`;
}

/** The mask of a value known to be a secret (a password, a token under a credential name): its public prefix, if it has a known shape. */
export function maskSecret(value: string): string {
  const known = knownSecretsIn(value).find((s) => s.index === 0 && s.raw.length === value.length);
  return known ? maskOf(known) : '…';
}

/** A private key's BEGIN line and whatever follows it on the same line or string, when its END is not in the text (a snippet of its first line). */
const PEM_START = /(-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----)(?!…)(?:\\[nr]|[^"'`\n])*/g;

/** Replaces every known secret in a text with its mask. */
export function maskKnownSecrets(text: string): string {
  let out = '';
  let at = 0;
  for (const secret of knownSecretsIn(text)) {
    out += text.slice(at, secret.index) + maskOf(secret);
    at = secret.index + secret.raw.length;
  }
  out += text.slice(at);
  return out.includes('PRIVATE KEY') ? out.replace(PEM_START, '$1…') : out;
}

import type { Evidence } from '../../shared/discovery';
import { maskKnownSecrets, maskSecret } from './secret-shapes';
import { CLAUDE_SUBAGENT_FILE, PLUGIN_AGENT_FILE } from './walk/classify-file';

const MAX_SNIPPET = 200;

/** password=..., token: "...", secret = '...' with a literal value, even a short one: a weak password is the one most worth hiding. */
const ASSIGNED_SECRET = /((?:password|passwd|secret|token|api[_-]?key|apikey|access[_-]?key)["']?\s*[:=]\s*["'])([^"'\s]{4,})(["'])/gi;
/** A word ASSIGNED_SECRET needs. */
const ASSIGNMENT_WORD = /passw|secret|token|api[_-]?key|access[_-]?key/i;
/** A URL up to the next space or quote: its userinfo may hold a password ("redis://:pw@host"). */
const URL_TOKEN = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s"'`<>]+)/gi;

/**
 * Masks the password of every URL's userinfo. The userinfo runs to the last '@' of the URL, so
 * an empty user, and passwords holding '/', '+' or '@', are all caught.
 */
export function redactUrlPasswords(text: string): string {
  return text.replace(URL_TOKEN, (whole, scheme: string, rest: string) => {
    const at = rest.lastIndexOf('@');
    if (at <= 0) return whole;
    const userinfo = rest.slice(0, at);
    const colon = userinfo.indexOf(':');
    if (colon < 0 || colon === userinfo.length - 1) return whole;
    return `${scheme}${userinfo.slice(0, colon)}:****@${rest.slice(at + 1)}`;
  });
}

/**
 * Replaces every secret-looking value in a line with its mask: a known key keeps only its public
 * prefix ("sk-proj-…"), anything else becomes "…". No character of the secret part is kept, not
 * even the last ones: of a short password they are most of it.
 */
export function redactSecrets(text: string): string {
  let out = maskKnownSecrets(text);
  // Most texts name no secret and hold no URL: the words are looked for once before the patterns run.
  if (!ASSIGNMENT_WORD.test(out) && !out.includes('://')) return out;
  out = out.replace(ASSIGNED_SECRET, (_m, head: string, value: string, tail: string) => `${head}${value.includes('…') ? value : maskSecret(value)}${tail}`);
  out = redactUrlPasswords(out);
  return out;
}

/** Control characters would let a hostile file forge lines in the UI or a terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '�');
}

export function snippetOf(text: string): string {
  const one = printable(redactSecrets(text.replace(/\r?\n\s*/g, ' ⏎ ').trim()));
  return one.length > MAX_SNIPPET ? `${one.slice(0, MAX_SNIPPET - 1)}…` : one;
}

const LOW_TRUST_PATH = /(^|\/)(tests?|__tests__|spec|specs|e2e|docs?|examples?|samples?|demos?|fixtures?|notebooks?|cookbook|tutorials?)(\/|$)|(^|\/)(test_[^/]*|[^/]*_test\.(py|go)|[^/]*\.(test|spec)\.[jt]sx?|conftest\.py|README[^/]*|[^/]*\.md|[^/]*\.ipynb)$/i;

/**
 * Tests, docs and examples show how a library is used, not what runs in production: keep what
 * they show (a reviewer may disagree) but trust it less.
 */
export function pathTrust(path: string): number {
  // A Claude Code subagent is Markdown but configuration: only its folder can make it an example.
  const judged = CLAUDE_SUBAGENT_FILE.test(path) || PLUGIN_AGENT_FILE.test(path) ? path.slice(0, path.lastIndexOf('/') + 1) : path;
  return LOW_TRUST_PATH.test(judged) ? 0.4 : 1;
}

/**
 * The last line of defence before discovery facts are stored: every text of a candidate (names,
 * details, commands, hosts) passes through the same redaction as snippets, whatever analyzer
 * built it. Fingerprints are hex and pass unchanged.
 */
export function redactDeep<T>(value: T, redacted: Map<string, string> = new Map()): T {
  if (typeof value === 'string') {
    // The same paths, rule ids and snippets recur in every candidate: each distinct text is redacted once.
    let clean = redacted.get(value);
    if (clean === undefined) redacted.set(value, (clean = redactSecrets(value)));
    return clean as T;
  }
  if (typeof value !== 'object' || value === null) return value;
  // Loops rather than map() and fromEntries(entries(…)), and for…in rather than Object.keys(): a
  // scan's items hold hundreds of thousands of small objects, copied after the link while the analyzer threads wait.
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = redactDeep(value[i], redacted);
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const clean = redactDeep((value as Record<string, unknown>)[key], redacted);
    // A key read from a scanned file may be "__proto__": it stays a key, never the copy's prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: clean, enumerable: true, writable: true, configurable: true });
    else copy[key] = clean;
  }
  return copy as T;
}

export function makeEvidence(path: string, line: number, text: string, ruleId: string, confidence: number): Evidence {
  return { path, line, snippet: snippetOf(text), ruleId, confidence: Math.round(confidence * pathTrust(path) * 100) / 100 };
}

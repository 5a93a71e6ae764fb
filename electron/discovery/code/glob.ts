/**
 * Rule packs name symbols with small globs: `*` is any text (dots and parentheses included),
 * `{a,b}` is either word, `()` is a call with any (or no) literal argument, everything else is
 * literal. `subprocess.*`, `os.{system,popen}`, `smtplib.SMTP().send_message`,
 * `boto3.client(bedrock-runtime)`.
 */
export interface GlobMatcher {
  test(text: string): boolean;
}

const NEVER: GlobMatcher = { test: () => false };

/** Past this many words, a pattern's braces stay in the regular expression rather than being spelled out. */
const MAX_SPELLED_OUT = 64;

/**
 * Patterns with no wildcard (after spelling out their braces) are looked up in a set; the rest
 * are one regular expression, so a symbol is tested once per rule field. Most of a pack's
 * patterns are plain names, and V8 compiles a regular expression on its first test: one holding
 * every name of a rule cost a one-file scan about 150 ms before any symbol matched, and the set
 * answers a scan's millions of tests without running a regex at all.
 */
export function globMatcher(patterns: readonly string[], options: { ignoreCase?: boolean } = {}): GlobMatcher {
  if (patterns.length === 0) return NEVER;
  const fold = options.ignoreCase ? (text: string) => text.toLowerCase() : (text: string) => text;
  const exact = new Set<string>();
  const wild: string[] = [];
  for (const pattern of patterns) {
    const words = spelledOut(pattern);
    if (words && words.every((word) => !word.includes('*') && !word.includes('()'))) for (const word of words) exact.add(fold(word));
    else wild.push(pattern);
  }
  const regex = wild.length > 0 ? new RegExp(`^(?:${wild.map(globToRegExpSource).join('|')})$`, options.ignoreCase ? 'i' : '') : null;
  if (!regex) return { test: (text) => exact.has(fold(text)) };
  if (exact.size === 0) return { test: (text) => regex.test(text) };
  return { test: (text) => exact.has(fold(text)) || regex.test(text) };
}

/** Every word a pattern's braces stand for (`os.{system,popen}`: two), or null past MAX_SPELLED_OUT. */
function spelledOut(pattern: string): string[] | null {
  let words = [''];
  for (const part of pattern.split(/(\{[^{}]*\})/)) {
    const alternatives = part.startsWith('{') && part.endsWith('}') ? part.slice(1, -1).split(',') : [part];
    if (words.length * alternatives.length > MAX_SPELLED_OUT) return null;
    words = words.flatMap((word) => alternatives.map((alternative) => word + alternative));
  }
  return words;
}

export function globToRegExpSource(glob: string): string {
  let source = '';
  for (const part of glob.split(/(\*|\{[^{}]*\}|\(\))/)) {
    if (part === '*') source += '.*';
    else if (part === '()') source += '\\([^()]*\\)';
    // A `*` inside an alternative is a wildcard too (`{/me,/users/*}`, `{llamaindex,@llamaindex/*}`).
    else if (part.startsWith('{') && part.endsWith('}')) source += `(?:${part.slice(1, -1).split(',').map((alternative) => alternative.split('*').map(escapeRegExp).join('.*')).join('|')})`;
    else source += escapeRegExp(part);
  }
  return source;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

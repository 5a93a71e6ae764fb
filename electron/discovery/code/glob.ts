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

/** One regular expression for all the patterns, so a symbol is tested once per rule field. */
export function globMatcher(patterns: readonly string[], options: { ignoreCase?: boolean } = {}): GlobMatcher {
  if (patterns.length === 0) return NEVER;
  const regex = new RegExp(`^(?:${patterns.map(globToRegExpSource).join('|')})$`, options.ignoreCase ? 'i' : '');
  return { test: (text) => regex.test(text) };
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

/**
 * IAM wildcards: "*" any run of characters, "?" one character. Each pattern is compiled once and
 * cached, because the same few hundred patterns repeat across thousands of policies.
 */
const caseInsensitive = new Map<string, RegExp>();
const caseSensitive = new Map<string, RegExp>();
const MAX_CACHED = 50_000;

/** Actions compare case-insensitively ("S3:getobject" is s3:GetObject). */
export function actionPattern(pattern: string): RegExp {
  return compile(pattern, caseInsensitive, 'i');
}

/** Resource ARNs compare case-sensitively, as AWS does. */
export function resourcePattern(pattern: string): RegExp {
  return compile(pattern, caseSensitive, '');
}

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

function compile(pattern: string, cache: Map<string, RegExp>, flags: string): RegExp {
  let regex = cache.get(pattern);
  if (regex) return regex;
  // Collapse runs of "*": a hostile "a*****b" must not backtrack exponentially.
  const source = pattern
    .replace(/\*+/g, '*')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  regex = new RegExp(`^${source}$`, flags);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(pattern, regex);
  return regex;
}

/**
 * Does `pattern` cover everything `target` names? Exact for literal targets; for a target that
 * is itself a pattern ("arn:aws:s3:::pay*"), it is covered when the pattern matches it as text,
 * which is sound for the common "prefix*" shapes and errs towards "not covered" otherwise.
 */
export function resourceCovers(pattern: string, target: string): boolean {
  if (pattern === '*') return true;
  // A pattern without wildcards matches only itself (no regex to look up and run).
  if (!hasWildcard(pattern)) return pattern === target;
  return resourcePattern(pattern).test(target);
}

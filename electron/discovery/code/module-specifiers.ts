/**
 * Deno (and Supabase Edge Functions, Deno Deploy, Val Town) import npm packages by URL or with an
 * `npm:` prefix: `https://esm.sh/ai@4.2.6`, `npm:@ai-sdk/openai@1/edge`, `https://cdn.jsdelivr.net/npm/openai@4`.
 * Each names the same package a Node import names bare, so rules written for `ai` or `openai` must
 * read them as that package; without this a Deno agent matched no rule at all.
 */
const NPM_CDN = /^(?:npm:|https?:\/\/(?:esm\.sh|cdn\.skypack\.dev|esm\.run|cdn\.jsdelivr\.net\/npm|unpkg\.com)\/(?:v\d+\/|stable\/)?)/;

/**
 * The regex fragment the prefilter puts before a package name and after it, so that the same
 * Deno specifiers let a file through: the npm-or-CDN prefix (optional), and a version (`@4.2.6`).
 * Kept beside `npmPackageOf` so the gate and the parser read the same specifiers.
 */
export const NPM_CDN_PREFIX_SOURCE = String.raw`(?:npm:|https?://(?:esm\.sh|cdn\.skypack\.dev|esm\.run|cdn\.jsdelivr\.net/npm|unpkg\.com)/(?:v[0-9]+/|stable/)?)?`;
export const PACKAGE_VERSION_SOURCE = String.raw`(?:@[^'"/\n]*)?`;

/** The package path a Deno npm or CDN specifier names (`ai`, `@ai-sdk/amazon-bedrock/edge`), or the specifier unchanged. */
export function npmPackageOf(specifier: string): string {
  const prefix = NPM_CDN.exec(specifier);
  if (!prefix) return specifier;
  const rest = specifier.slice(prefix[0].length).replace(/[?#].*$/, '');
  const parts = rest.split('/');
  const nameParts = parts[0]?.startsWith('@') ? 2 : 1;
  if (parts.length < nameParts || !parts[nameParts - 1]) return specifier;
  // The version rides on the package name's last part: `ai@4.2.6`, `@ai-sdk/openai@1.0.0`.
  parts[nameParts - 1] = parts[nameParts - 1]!.replace(/@.*$/, '');
  return parts.filter((part, i) => i < nameParts || part !== '').join('/');
}

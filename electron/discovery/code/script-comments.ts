/**
 * A script's text with its comments blanked (newlines kept, so line numbers stay true). For the
 * few line regexes that read files the parser never sees (code-stub.ts): a commented-out
 * `// import { x } from './agent'` is not an import, and a commented-out handler is not an
 * entry point. Strings, template literals and regex literals are left as they are, so `'//'`
 * inside a URL is not taken for a comment.
 */
export function withoutScriptComments(text: string): string {
  // Every comment starts with a slash: most files without one come back as they are.
  if (!text.includes('/')) return text;
  // Text between comments is copied in slices, not a character at a time (a stub reads every script of a tree).
  let out = '';
  let copied = 0;
  let i = 0;
  let quote: string | null = null;
  while (i < text.length) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (quote) {
      if (ch === '\\' && next !== undefined) {
        i += 2;
        continue;
      }
      if (ch === quote || (ch === '\n' && quote !== '`')) quote = null;
      i++;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
      i++;
      continue;
    }
    if (ch === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      out += text.slice(copied, i) + ' '.repeat(stop - i);
      i = copied = stop;
      continue;
    }
    if (ch === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(copied, i) + text.slice(i, stop).replace(/[^\n]+/g, (run) => ' '.repeat(run.length));
      i = copied = stop;
      continue;
    }
    i++;
  }
  return out + text.slice(copied);
}

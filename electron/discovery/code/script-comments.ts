/**
 * A script's text with its comments blanked (newlines kept, so line numbers stay true). For the
 * few line regexes that read files the parser never sees (code-stub.ts): a commented-out
 * `// import { x } from './agent'` is not an import, and a commented-out handler is not an
 * entry point. Strings and template literals are left as they are, so `'//'` inside a URL is not
 * taken for a comment. Unchanged runs are copied whole: linear in the file's size.
 */
export function withoutScriptComments(text: string): string {
  const parts: string[] = [];
  let copiedUpTo = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 34 || ch === 39 || ch === 96) {
      i = endOfString(text, i);
      continue;
    }
    if (ch === 47 && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const line = text[i + 1] === '/';
      const close = line ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
      const stop = close === -1 ? text.length : line ? close : close + 2;
      parts.push(text.slice(copiedUpTo, i), blank(text.slice(i, stop)));
      copiedUpTo = i = stop;
      continue;
    }
    i++;
  }
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}

/** The index after a string starting at `start`: its closing quote, or the line's end for an unclosed '…' or "…". */
function endOfString(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === quote) return i + 1;
    else if (ch === '\n' && quote !== '`') return i + 1;
    else i++;
  }
  return text.length;
}

/** Spaces in place of every character but newlines. */
export function blank(text: string): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(line.length))
    .join('\n');
}

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
  for (;;) {
    // Jump to the next quote or slash: the regex engine's scan is about three times faster than
    // a loop over every character (most characters of a file are neither).
    NEXT_QUOTE_OR_SLASH.lastIndex = i;
    const found = NEXT_QUOTE_OR_SLASH.exec(text);
    if (!found) break;
    i = found.index;
    const ch = text.charCodeAt(i);
    if (ch !== SLASH) {
      i = endOfString(text, i, ch);
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (next === SLASH || next === STAR) {
      const line = next === SLASH;
      const close = line ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
      const stop = close === -1 ? text.length : line ? close : close + 2;
      parts.push(text.slice(copiedUpTo, i), blank(text.slice(i, stop)));
      copiedUpTo = i = stop;
      continue;
    }
    i++;
  }
  if (copiedUpTo === 0) return text;
  parts.push(text.slice(copiedUpTo));
  return parts.join('');
}

const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const NEXT_QUOTE_OR_SLASH = /["'`/]/g;
/** What ends a string of each quote, or escapes in it: a '…' or "…" left open ends with its line. */
const STRING_STOPS: Record<number, RegExp> = { 34: /["\\\n]/g, 39: /['\\\n]/g, 96: /[`\\]/g };

/** The index after a string starting at `start` with `quote`: its closing quote, or the line's end for an unclosed '…' or "…". */
function endOfString(text: string, start: number, quote: number): number {
  const stops = STRING_STOPS[quote]!;
  let i = start + 1;
  for (;;) {
    stops.lastIndex = i;
    const found = stops.exec(text);
    if (!found) return text.length;
    if (text.charCodeAt(found.index) !== BACKSLASH) return found.index + 1;
    i = found.index + 2;
  }
}

/** Spaces in place of every character but newlines. */
export function blank(text: string): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(line.length))
    .join('\n');
}

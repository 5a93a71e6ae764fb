/**
 * For formats read as text (Jenkinsfile, Celery and Airflow Python): blank out comments so a
 * commented-out schedule is not reported, keeping every offset and line where it was.
 */
export function blankComments(text: string, language: 'groovy' | 'python'): string {
  const out = text.split('');
  const lineComment = language === 'groovy' ? '//' : '#';
  let i = 0;
  while (i < text.length) {
    const quote = stringOpening(text, i);
    if (quote) {
      i = stringEnd(text, i, quote);
    } else if (text.startsWith(lineComment, i)) {
      for (; i < text.length && text[i] !== '\n'; i++) out[i] = ' ';
    } else if (language === 'groovy' && text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) if (text[i] !== '\n') out[i] = ' ';
    } else {
      i++;
    }
  }
  return out.join('');
}

function stringOpening(text: string, i: number): string | null {
  for (const quote of ["'''", '"""', "'", '"']) if (text.startsWith(quote, i)) return quote;
  return null;
}

/** Offset just after the string that opens at `start`. */
function stringEnd(text: string, start: number, quote: string): number {
  let i = start + quote.length;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text.startsWith(quote, i)) return i + quote.length;
    else if (quote.length === 1 && text[i] === '\n') return i; // an unclosed one-line string ends at the line
    else i++;
  }
  return i;
}

/**
 * The text of the balanced bracket group that opens at `open` (the offset of `(`, `[` or `{`),
 * skipping brackets inside strings; null when it never closes.
 */
export function bracketGroup(text: string, open: number): { inner: string; start: number; end: number } | null {
  const closing: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  let i = open;
  while (i < text.length) {
    const ch = text[i]!;
    const quote = stringOpening(text, i);
    if (quote) {
      i = stringEnd(text, i, quote);
      continue;
    }
    if (closing[ch]) stack.push(closing[ch]);
    else if (ch === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return { inner: text.slice(open + 1, i), start: open + 1, end: i };
    }
    i++;
  }
  return null;
}

/** A Python/Groovy string literal's content ('x', "x", '''x''', r"x"), or null when `text` is not one. */
export function stringLiteral(text: string): string | null {
  const match = text.trim().match(/^[rRbBuUfF]?('''([\s\S]*)'''|"""([\s\S]*)"""|'([^'\n]*)'|"([^"\n]*)")$/);
  return match ? (match[2] ?? match[3] ?? match[4] ?? match[5] ?? '') : null;
}

/** Splits call arguments at top-level commas: `a, f(b, c), d='x,y'` → three parts. */
function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const quote = stringOpening(text, i);
    if (quote) {
      i = stringEnd(text, i, quote);
      continue;
    }
    const ch = text[i]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Positional and keyword arguments of a call, as source text. */
export function callArguments(text: string): { positional: string[]; keywords: Map<string, string> } {
  const positional: string[] = [];
  const keywords = new Map<string, string>();
  for (const part of splitArguments(text)) {
    const keyword = part.match(/^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]+)$/);
    if (keyword) keywords.set(keyword[1]!, keyword[2]!.trim());
    else positional.push(part);
  }
  return { positional, keywords };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

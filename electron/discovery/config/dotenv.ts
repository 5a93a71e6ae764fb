import type { ConfigFindings } from '../findings';
import type { ConfigContext } from './context';
import { secretFileFindings, type FileEntry } from './secret-file';

const ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]?(.*)$/;
/** A quoted value may run over lines (a private key); one that never closes is read as one line. */
const MAX_VALUE_LINES = 200;

/** Index of the quote that closes a value opened with `quote`, or -1; `\"` does not close a double-quoted one. */
function closingQuote(body: string, quote: string): number {
  for (let i = 0; i < body.length; i++) {
    if (quote === '"' && body[i] === '\\') i++;
    else if (body[i] === quote) return i;
  }
  return -1;
}

/** Escapes dotenv expands in double quotes. */
function unescapeDoubleQuoted(raw: string): string {
  return raw.replace(/\\([nrt"\\])/g, (_m, ch: string) => ({ n: '\n', r: '\r', t: '\t' })[ch] ?? ch);
}

/**
 * The assignments of a .env file as dotenv libraries read them: `NAME=value`, an optional
 * `export`, single, double or backtick quotes (double quotes expand \n, and any quotes may span
 * lines), and ` # comments` after unquoted values.
 */
export function parseDotenv(text: string): FileEntry[] {
  const lines = text.split(/\r\n|\r|\n/);
  const entries: FileEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = ASSIGNMENT.exec(lines[i]!);
    if (!match) continue;
    const name = match[1]!;
    const rest = match[2]!.trim();
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      let body = rest.slice(1);
      let last = i;
      let end = closingQuote(body, quote);
      while (end < 0 && last + 1 < lines.length && last - i < MAX_VALUE_LINES) {
        body += `\n${lines[++last]!}`;
        end = closingQuote(body, quote);
      }
      if (end >= 0) {
        const raw = body.slice(0, end);
        entries.push({ name, value: quote === '"' ? unescapeDoubleQuoted(raw) : raw, line: i + 1 });
        i = last;
        continue;
      }
    }
    entries.push({ name, value: rest.replace(/(^|[ \t]+)#.*$/, '').trim(), line: i + 1 });
  }
  return entries;
}

/** A .env file: the credentials it sets, by name and fingerprint (see secretFileFindings). */
export function analyzeDotenv(path: string, text: string, ctx: ConfigContext): ConfigFindings {
  return secretFileFindings(path, text, { format: 'dotenv', entries: parseDotenv(text), shownAs: (name) => `${name}=…` }, ctx);
}

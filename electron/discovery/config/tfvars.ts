import type { ConfigFindings } from '../findings';
import type { ConfigContext } from './context';
import { parseJsonDocument } from './json-document';
import { secretFileFindings, type FileEntry } from './secret-file';
import { ConfigSource } from './source';
import { entriesOf } from './values';

/** `name = value` at any depth (`db = { password = "…" }` puts `password` on a line of its own), or `"name": value` in a map. */
const ATTRIBUTE = /^[ \t]*"?([A-Za-z_][\w-]*)"?[ \t]*[=:][ \t]*(.*)$/;
const HEREDOC = /^<<-?[ \t]*([A-Za-z_][\w]*)[ \t]*$/;

/** A one-line HCL string: its text with escapes read, or null when it does not close on the line. */
function hclString(rest: string): string | null {
  let out = '';
  for (let i = 1; i < rest.length; i++) {
    const ch = rest[i]!;
    if (ch === '"') return out;
    if (ch === '\\' && i + 1 < rest.length) {
      const next = rest[++i]!;
      out += ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[next] ?? next;
    } else out += ch;
  }
  return null;
}

/**
 * The string values of a terraform.tfvars file, line by line: quoted strings and heredocs, with
 * the attribute name they are set under. Numbers, booleans and references are not secrets, and
 * the entries of maps and objects are attributes on their own lines, so no HCL parser is needed.
 */
export function parseTfvars(text: string): FileEntry[] {
  const lines = text.split(/\r\n|\r|\n/);
  const entries: FileEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = ATTRIBUTE.exec(lines[i]!);
    if (!match) continue;
    const name = match[1]!;
    const rest = match[2]!.trim();
    const heredoc = HEREDOC.exec(rest);
    if (heredoc) {
      const start = i;
      const body: string[] = [];
      while (++i < lines.length && lines[i]!.trim() !== heredoc[1]) body.push(lines[i]!);
      entries.push({ name, value: body.join('\n'), line: start + 1 });
    } else if (rest.startsWith('"')) {
      const value = hclString(rest);
      if (value !== null) entries.push({ name, value, line: i + 1 });
    }
  }
  return entries;
}

/** The string leaves of a terraform.tfvars.json file, each under the name of its key. */
function tfvarsJsonEntries(path: string, text: string, ctx: ConfigContext): FileEntry[] {
  const document = parseJsonDocument(new ConfigSource(path, text, ctx));
  const entries: FileEntry[] = [];
  const stack: Array<{ name: string; value: unknown; at: Array<string | number> }> = entriesOf(document.value).map(([name, value]) => ({ name, value, at: [name] }));
  while (stack.length > 0) {
    const { name, value, at } = stack.pop()!;
    if (typeof value === 'string') entries.push({ name, value, line: document.lineOf(at) });
    else if (Array.isArray(value)) value.forEach((item, i) => stack.push({ name, value: item, at: [...at, i] }));
    else for (const [key, item] of entriesOf(value)) stack.push({ name: key, value: item, at: [...at, key] });
  }
  return entries.sort((a, b) => a.line - b.line);
}

/** A Terraform variables file (*.tfvars, *.tfvars.json): the credentials it sets, by name and fingerprint (see secretFileFindings). */
export function analyzeTfvars(path: string, text: string, ctx: ConfigContext): ConfigFindings {
  const json = /\.json$/i.test(path);
  const entries = json ? tfvarsJsonEntries(path, text, ctx) : parseTfvars(text);
  return secretFileFindings(path, text, { format: 'tfvars', entries, shownAs: (name) => (json ? `"${name}": …` : `${name} = …`) }, ctx);
}

import { PackageList, type LockfileParseResult } from './lockfile-result';

interface Block {
  header: string;
  lineNumber: number;
  fields: Map<string, string>;
}

/**
 * yarn.lock, both dialects, read line by line (classic v1 is not YAML, and a scanner also keeps
 * what precedes a truncation):
 *   classic  `"lodash@^4.17.20", lodash@^4.17.21:` then `  version "4.17.21"`
 *   berry    `"lodash@npm:^4.17.20":` then `  version: 4.17.21` and `  resolution: "lodash@npm:4.17.21"`
 * Berry's `resolution` names the protocol, so workspace:, patch:, link:, portal: and git entries
 * (not registry packages, or duplicates of one) are skipped there.
 */
export function parseYarnLock(path: string, text: string): LockfileParseResult {
  const { blocks, strayLines } = readBlocks(text);
  const berry = blocks.some((block) => block.header === '__metadata');
  const list = new PackageList('npm', path);
  const unreadable = [...strayLines];

  for (const block of blocks) {
    if (block.header === '__metadata') continue;
    const resolved = berry ? fromResolution(block.fields.get('resolution')) : fromClassicBlock(block);
    if (resolved === undefined) unreadable.push(block.lineNumber);
    else if (resolved !== null) list.add(resolved.name, resolved.version);
  }

  if (blocks.length === 0 && strayLines.length > 0) {
    return { packages: [], warning: 'expected yarn.lock entries ("name@range:" followed by an indented version)' };
  }
  const result: LockfileParseResult = { packages: list.packages };
  if (unreadable.length > 0) {
    unreadable.sort((a, b) => a - b);
    const more = unreadable.length > 1 ? ` (and ${unreadable.length - 1} more)` : '';
    result.warning = `the entry at line ${unreadable[0]} has no readable version${more}; the file may be truncated or hand-edited`;
  }
  return result;
}

/**
 * Top-level `key:` lines open a block; its two-space-indented `field value` / `field: value` lines
 * fill it. Other top-level lines (a header cut before its colon) are stray.
 */
function readBlocks(text: string): { blocks: Block[]; strayLines: number[] } {
  const blocks: Block[] = [];
  const strayLines: number[] = [];
  let current: Block | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = line.endsWith(':') ? { header: line.slice(0, -1), lineNumber: i + 1, fields: new Map() } : null;
      if (current) blocks.push(current);
      else strayLines.push(i + 1);
      continue;
    }
    const field = /^ {2}([A-Za-z]+):? (.*)$/.exec(line);
    if (current && field) current.fields.set(field[1]!, field[2]!);
  }
  return { blocks, strayLines };
}

/** undefined = unreadable, null = readable but not a registry package. */
type Resolved = { name: string; version: string } | null | undefined;

function fromClassicBlock(block: Block): Resolved {
  const version = scalar(block.fields.get('version'));
  const firstSpec = scalar(block.header.split(',')[0]!.trim());
  const at = firstSpec?.indexOf('@', 1) ?? -1;
  if (!version || !firstSpec || at === -1) return undefined;
  const range = firstSpec.slice(at + 1);
  // "string-width-cjs@npm:string-width@^4.2.0" installs string-width under another name.
  const alias = /^npm:((?:@[^/]+\/)?[^@]+)@/.exec(range);
  return { name: alias ? alias[1]! : firstSpec.slice(0, at), version };
}

function fromResolution(resolution: string | undefined): Resolved {
  const value = scalar(resolution);
  const at = value?.indexOf('@', 1) ?? -1;
  if (!value || at === -1) return undefined;
  const reference = value.slice(at + 1);
  if (!reference.startsWith('npm:')) return null;
  const target = reference.slice('npm:'.length);
  const aliasAt = target.indexOf('@', 1);
  return aliasAt === -1 ? { name: value.slice(0, at), version: target } : { name: target.slice(0, aliasAt), version: target.slice(aliasAt + 1) };
}

/** A quoted or bare value; a quote left open (a file cut mid-line) is unreadable, not a name. */
function scalar(value: string | undefined): string | undefined {
  const match = /^"([^"]+)"$|^([^"\s]+)$/.exec(value ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

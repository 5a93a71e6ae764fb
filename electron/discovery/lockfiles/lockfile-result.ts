import type { PackageVersion } from '../../../shared/discovery';
import { normalizePackageName, type Ecosystem } from './package-name';

/**
 * What a lockfile parser returns. A damaged lockfile never stops a scan: the parser returns the
 * packages it could read and one warning that says where it stopped and why.
 */
export interface LockfileParseResult {
  packages: PackageVersion[];
  warning?: string;
  /** Files a requirements file pulls in with -r/-c: named here, not followed, so the user knows they were not read through it. */
  includes?: string[];
}

/** Collects the packages of one lockfile: names normalised, each name@version once. */
export class PackageList {
  private readonly seen = new Set<string>();
  readonly packages: PackageVersion[] = [];

  constructor(
    private readonly ecosystem: Ecosystem,
    private readonly lockfile: string,
  ) {}

  add(name: string, version: string): void {
    const normalized = normalizePackageName(this.ecosystem, name);
    const trimmedVersion = version.trim();
    if (normalized === '' || trimmedVersion === '') return;
    const key = `${normalized}@${trimmedVersion}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.packages.push({ ecosystem: this.ecosystem, name: normalized, version: trimmedVersion, lockfile: this.lockfile });
  }
}

/** Line and column (1-based) of an offset into text, which is what a person looks for in an editor. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * JSON.parse that reports failure as a sentence with a line and column instead of throwing: V8
 * names only an offset ("at position 1234"), and an error at the very end means the file was cut short.
 */
export function parseJsonLockfile(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message)?.[1];
    const offset = position === undefined ? text.length : Number(position);
    const { line, column } = positionOf(text, offset);
    if (offset >= text.trimEnd().length) return { error: `the file ends in the middle of the JSON at line ${line} (truncated?)` };
    return { error: `${message.replace(/ in JSON at position \d+.*/s, '')} at line ${line}, column ${column}` };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === 'string' ? field : undefined;
}

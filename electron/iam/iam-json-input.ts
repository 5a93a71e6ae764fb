import { BackendError } from '../../shared/errors';

/**
 * Strict, prototype-safe reading of an IAM export that was parsed from JSON: every field is read
 * as an own property (a "__proto__" key is data, never a prototype), and every wrong shape becomes
 * one import-invalid error naming the file and the JSON path.
 */
export type JsonRecord = Record<string, unknown>;

export function isJsonRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own property `key` of `record`, never one inherited from Object.prototype. */
export function ownField(record: JsonRecord, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * `target.push(...items)` without the spread: a spread passes every item as an argument, and a
 * list of a few hundred thousand (a ClusterRole of 300,000 rules, a trust policy naming as many
 * principals, a large account's resolved trusts) overflowed the stack with a RangeError.
 */
export function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Shortens a value that may be megabytes long before it goes into a message or a name. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

export function jsonPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const safeKey = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(clipText(key, 60));
  if (!parent) return safeKey;
  return safeKey.startsWith('"') ? `${parent}[${safeKey}]` : `${parent}.${safeKey}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export class IamJsonInput {
  constructor(
    readonly fileName: string,
    /** Says what to do about any error in this file, e.g. "Export it again with gcloud ... --format=json". */
    private readonly remedy: string,
  ) {}

  invalid(path: string, problem: string): BackendError {
    return new BackendError('import-invalid', `${clipText(this.fileName, 200)}: ${path || '(top level)'}: ${problem}. ${this.remedy}.`);
  }

  record(value: unknown, path: string): JsonRecord {
    if (value === undefined) throw this.invalid(path, 'is missing');
    if (!isJsonRecord(value)) throw this.invalid(path, `expected an object, found ${describe(value)}`);
    return value;
  }

  list(value: unknown, path: string): unknown[] {
    if (value === undefined) throw this.invalid(path, 'is missing');
    if (!Array.isArray(value)) throw this.invalid(path, `expected a list, found ${describe(value)}`);
    return value;
  }

  /** A list that may be absent or null (read as empty). */
  optionalList(record: JsonRecord, key: string, path: string): unknown[] {
    const value = ownField(record, key);
    if (value === undefined || value === null) return [];
    return this.list(value, jsonPath(path, key));
  }

  optionalRecord(record: JsonRecord, key: string, path: string): JsonRecord | undefined {
    const value = ownField(record, key);
    if (value === undefined || value === null) return undefined;
    return this.record(value, jsonPath(path, key));
  }

  requiredText(record: JsonRecord, key: string, path: string): string {
    const value = ownField(record, key);
    if (value === undefined || value === null) throw this.invalid(jsonPath(path, key), 'is missing');
    if (typeof value !== 'string') throw this.invalid(jsonPath(path, key), `expected text, found ${describe(value)}`);
    if (!value.trim()) throw this.invalid(jsonPath(path, key), 'is empty');
    return value;
  }

  /** Text that may be absent or null; numbers and booleans are read as their text, objects are errors. */
  optionalText(record: JsonRecord, key: string, path: string): string | undefined {
    const value = ownField(record, key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw this.invalid(jsonPath(path, key), `expected text, found ${describe(value)}`);
  }

  textItem(value: unknown, path: string): string {
    if (typeof value !== 'string') throw this.invalid(path, `expected text, found ${describe(value)}`);
    return value;
  }

  optionalBoolean(record: JsonRecord, key: string, path: string): boolean | undefined {
    const value = ownField(record, key);
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    throw this.invalid(jsonPath(path, key), `expected true or false, found ${describe(value)}`);
  }
}

/**
 * JSON text of a value for StatementRef.text, at most `max` characters, built without recursing
 * past a fixed depth so a hostile, deeply nested value can neither overflow the stack nor build a
 * multi-megabyte intermediate string.
 */
export function boundedJson(value: unknown, max = 2000): string {
  let out = '';
  const budget = max + 1;
  const write = (text: string): boolean => {
    out += text.length > budget - out.length ? text.slice(0, Math.max(0, budget - out.length)) : text;
    return out.length < budget;
  };
  const visit = (item: unknown, depth: number): boolean => {
    if (item === null || typeof item === 'number' || typeof item === 'boolean') return write(String(item));
    if (typeof item === 'string') return write(JSON.stringify(clipText(item, budget)));
    if (depth > 12 || typeof item !== 'object') return write('"…"');
    if (Array.isArray(item)) {
      if (!write('[')) return false;
      for (let i = 0; i < item.length; i++) {
        if ((i > 0 && !write(',')) || !visit(item[i], depth + 1)) return false;
      }
      return write(']');
    }
    if (!write('{')) return false;
    let first = true;
    for (const key of Object.keys(item)) {
      const child = (item as JsonRecord)[key];
      if (child === undefined) continue;
      if ((!first && !write(',')) || !write(`${JSON.stringify(clipText(key, 200))}:`) || !visit(child, depth + 1)) return false;
      first = false;
    }
    return write('}');
  };
  visit(value, 0);
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}

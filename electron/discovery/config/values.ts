/** Narrowing of parsed YAML/JSON/TOML values, which are untrusted and may have any shape. */

export type Json = Record<string, unknown>;

export function asRecord(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Strings, numbers and booleans as text (`PORT: 8080` is a value people read as "8080"). */
export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** A string, or the strings of a list: `command: x` and `command: [x, y]` are both common. */
export function textList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(asText).filter((v): v is string => v !== null);
  const text = asText(value);
  return text === null ? [] : [text];
}

export function entriesOf(value: unknown): Array<[string, unknown]> {
  const record = asRecord(value);
  return record ? Object.entries(record) : [];
}

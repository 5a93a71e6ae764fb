import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

// Random bytes drawn in bulk: one crypto call per id cost about 5 µs, a third of an imported row.
const POOL_IDS = 4096;
const RANDOM_BYTES_PER_ID = 8;
let pool = Buffer.alloc(0);
let offset = 0;

// Hex digits per byte from a table: a Buffer per id (alloc, copy, toString, five slices) cost
// microseconds per id while the JIT is cold, as it is through most of a one-shot import.
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * RFC 9562 UUIDv7: time-ordered, so new rows append to the end of the id indexes instead of
 * landing on random pages, and ids sort in creation order.
 * A 12-bit counter keeps ids created in the same millisecond in order.
 */
export function newId(now = Date.now()): string {
  if (now === lastMs) counter = (counter + 1) & 0xfff;
  else {
    lastMs = now;
    counter = 0;
  }
  if (offset + RANDOM_BYTES_PER_ID > pool.length) {
    pool = randomBytes(POOL_IDS * RANDOM_BYTES_PER_ID);
    offset = 0;
  }
  const r = pool;
  const o = offset;
  offset += RANDOM_BYTES_PER_ID;
  // 48 bits of milliseconds, then version 7 and the counter, then the variant and 62 random bits.
  const time = now.toString(16).padStart(12, '0');
  const version = `${HEX[0x70 | (counter >> 8)]}${HEX[counter & 0xff]}`;
  const variant = `${HEX[0x80 | (r[o]! & 0x3f)]}${HEX[r[o + 1]!]}`;
  const node = `${HEX[r[o + 2]!]}${HEX[r[o + 3]!]}${HEX[r[o + 4]!]}${HEX[r[o + 5]!]}${HEX[r[o + 6]!]}${HEX[r[o + 7]!]}`;
  return `${time.slice(0, 8)}-${time.slice(8)}-${version}-${variant}-${node}`;
}

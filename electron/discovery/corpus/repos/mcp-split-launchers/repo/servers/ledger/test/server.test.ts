import { describe, expect, it } from 'vitest';
import { createLedgerServer } from '../src/server.js';

describe('ledger server', () => {
  it('builds', () => {
    expect(createLedgerServer()).toBeDefined();
  });
});

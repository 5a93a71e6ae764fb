import { describe, expect, it } from 'vitest';
import { hostMatches } from './platform-hosts';

describe('hostMatches', () => {
  it('matches a workers.dev host whatever the account subdomain, one label only', () => {
    expect(hostMatches('ledger-mcp.*.workers.dev', 'ledger-mcp.northwind.workers.dev')).toBe(true);
    expect(hostMatches('ledger-mcp.*.workers.dev', 'payments-mcp.northwind.workers.dev')).toBe(false);
    expect(hostMatches('ledger-mcp.*.workers.dev', 'ledger-mcp.a.b.workers.dev')).toBe(false);
    expect(hostMatches('ledger-mcp.*.workers.dev', 'ledger-mcp.northwind.workers.dev.evil.example')).toBe(false);
  });

  it('matches a route host exactly', () => {
    expect(hostMatches('mcp.northwind.example', 'mcp.northwind.example')).toBe(true);
    expect(hostMatches('mcp.northwind.example', 'www.mcp.northwind.example')).toBe(false);
  });
});

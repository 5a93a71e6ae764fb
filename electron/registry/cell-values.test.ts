import { describe, expect, it } from 'vitest';
import { parseCredentials, parseDataAccess, parseOwnerCell, parseOwnerEmail, parseRegistryDate, parseStatus, parseTrigger } from './cell-values';

const value = <T>(parsed: { ok: true; value: T } | { ok: false; error: string }) => (parsed.ok ? parsed.value : `error: ${parsed.error}`);

describe('parseStatus', () => {
  it.each([
    ['Confirmed', 'confirmed'],
    ['LIVE', 'confirmed'],
    ['in production', 'confirmed'],
    ['Active', 'confirmed'],
    ['Decommissioned', 'retired'],
    ['inactive', 'retired'],
    ['Not an agent', 'dismissed'],
    ['false-positive', 'dismissed'],
    ['Proposed', 'candidate'],
    ['unknown', 'candidate'],
    ['', undefined],
  ])('%j -> %j', (text, status) => {
    expect(value(parseStatus(text))).toBe(status);
  });

  it('lists the accepted statuses when it does not know the word', () => {
    expect(value(parseStatus('paused'))).toMatch(/^error: "paused" is not a status; accepted: candidate, confirmed, dismissed, retired/);
  });
});

describe('parseTrigger', () => {
  it.each([
    ['cron', { kind: 'cron' }],
    ['Scheduled', { kind: 'cron' }],
    ['cron: 0 6 * * 1', { kind: 'cron', schedule: '0 6 * * 1' }],
    ['0 */4 * * MON-FRI', { kind: 'cron', schedule: '0 */4 * * MON-FRI' }],
    ['@daily', { kind: 'cron', schedule: '@daily' }],
    ['Nightly', { kind: 'cron', schedule: 'nightly' }],
    ['webhook: https://api.example/hooks/refund', { kind: 'webhook', schedule: 'https://api.example/hooks/refund' }],
    ['Webhook (POST /hooks/refund)', { kind: 'webhook', schedule: 'POST /hooks/refund' }],
    ['On-demand', { kind: 'user' }],
    ['manual', { kind: 'user' }],
    ['queue: kyc-uploads', { kind: 'event', schedule: 'kyc-uploads' }],
    ['stream', { kind: 'event' }],
    ['agent: Refund Triage Bot', { kind: 'chained', schedule: 'Refund Triage Bot' }],
    ['', { kind: 'unknown' }],
  ])('%j', (text, trigger) => {
    expect(value(parseTrigger(text))).toEqual(trigger);
  });

  it('explains the accepted kinds, and five ordinary words are not a cron expression', () => {
    expect(value(parseTrigger('when the CFO asks nicely'))).toMatch(/^error: "when the CFO asks nicely" is not a trigger; accepted: cron, webhook, user, event, chained or unknown/);
  });
});

describe('parseDataAccess', () => {
  const accessOf = (text: string) => {
    const parsed = parseDataAccess(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.value;
  };

  it('accepts source:access, source (access) and access: source, separated by ; or new lines', () => {
    expect(accessOf('crm.customers:read; s3://exports:rw\nledger (Write)\nread: postgres://db:5432/app;;')).toEqual({
      value: [
        { source: 'crm.customers', access: 'read' },
        { source: 's3://exports', access: 'write' },
        { source: 'ledger', access: 'write' },
        { source: 'postgres://db:5432/app', access: 'read' },
      ],
      warnings: [],
    });
  });

  it.each(['', 'none', 'None', 'n/a', 'N/A', 'na', '-', '—', 'no access', 'none; n/a', 'NOT-APPLICABLE', '__No__Data__Access__', ' nil ', 'null\nnothing'])('%j means no data access, without a warning', (text) => {
    expect(accessOf(text)).toEqual({ value: [], warnings: [] });
  });

  it('keeps an access that is neither read nor write as "other: <word>", with a warning naming the item', () => {
    const { value, warnings } = accessOf('sendgrid: send; orders-topic:publish\ncrm (Delete); export: s3://reports; ledger:admin; jobs:execute; crm:read');
    expect(value).toEqual([
      { source: 'sendgrid', access: 'other: send' },
      { source: 'orders-topic', access: 'other: publish' },
      { source: 'crm', access: 'other: delete' },
      { source: 's3://reports', access: 'other: export' },
      { source: 'ledger', access: 'other: admin' },
      { source: 'jobs', access: 'other: execute' },
      { source: 'crm', access: 'read' },
    ]);
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toBe('"sendgrid: send": "send" is neither read nor write; kept as access "other: send".');
  });

  it('reads a cell of one source as one entry, also when its name looks like "none" words', () => {
    expect(accessOf('notion-db:read')).toEqual({ value: [{ source: 'notion-db', access: 'read' }], warnings: [] });
    expect(accessOf('nothing-bucket (write)')).toEqual({ value: [{ source: 'nothing-bucket', access: 'write' }], warnings: [] });
    expect(accessOf('nil')).toEqual({ value: [], warnings: [] });
  });

  it('keeps a source that names no access as "other: not stated", and reads back what an export writes', () => {
    const { value, warnings } = accessOf('crm; s3://exports');
    expect(value).toEqual([
      { source: 'crm', access: 'other: not stated' },
      { source: 's3://exports', access: 'other: not stated' },
    ]);
    expect(warnings[0]).toMatch(/^"crm" does not say read or write; kept as access "other: not stated"/);
    expect(accessOf('sendgrid:other: send; ledger (other: full access)')).toEqual({
      value: [
        { source: 'sendgrid', access: 'other: send' },
        { source: 'ledger', access: 'other: full access' },
      ],
      warnings: [],
    });
  });
});

describe('parseCredentials', () => {
  it('splits on ; , and new lines and drops blanks', () => {
    expect(parseCredentials('OPENAI_API_KEY; svc-bot@proj.iam, STRIPE_KEY\n\n ;')).toEqual(['OPENAI_API_KEY', 'svc-bot@proj.iam', 'STRIPE_KEY']);
  });

  it('reads a cell of one credential as that credential, and a blank one as none', () => {
    expect(parseCredentials(' OPENAI_API_KEY ')).toEqual(['OPENAI_API_KEY']);
    expect(parseCredentials('  ')).toEqual([]);
  });
});

describe('owner cells', () => {
  it.each([
    ['Jane Doe <jane.doe@x.example>', { name: 'Jane Doe', email: 'jane.doe@x.example' }],
    ['"Doe, Jane" <jane.doe@x.example>', { name: 'Doe, Jane', email: 'jane.doe@x.example' }],
    ['jane.doe@x.example', { email: 'jane.doe@x.example' }],
    ['Jane Doe', { name: 'Jane Doe' }],
    ['', {}],
  ])('%j', (text, owner) => {
    expect(value(parseOwnerCell(text))).toEqual(owner);
  });

  it('refuses an email that is not one', () => {
    expect(value(parseOwnerCell('Jane <jane@>'))).toMatch(/^error: "jane@" is not an email address/);
    expect(value(parseOwnerEmail('call Jane'))).toMatch(/^error: "call Jane" is not an email address; expected e.g. jane.doe@example.com, or leave it blank\./);
    expect(value(parseOwnerEmail(''))).toBe('');
  });
});

describe('owner cells written to hang a parser', () => {
  // Each of these made the old regular expressions backtrack quadratically (minutes for a cell
  // of a million characters); the test's time limit is what fails if that comes back.
  it.each([
    ['quotes before a name', `${'"'.repeat(1_000_000)}x`],
    ['spaces before an address', `a${' '.repeat(1_000_000)}x <a@b.example`],
    ['many angle brackets', `${'<'.repeat(500_000)}a@b.example>`],
  ])('%s', (_label, cell) => {
    const parsed = parseOwnerCell(cell);
    expect(parsed.ok ? Object.keys(parsed.value).length : parsed.error.length).toBeGreaterThan(0);
  });
});

describe('parseRegistryDate', () => {
  it.each([
    ['2025-03-09', '2025-03-09'],
    ['2025/3/9', '2025-03-09'],
    ['2024-03-09T10:00:00Z', '2024-03-09'],
    ['2024-03-09 23:30:00+02:00', '2024-03-09'],
    ['2024-02-29', '2024-02-29'],
    ['', null],
  ])('%j -> %j', (text, date) => {
    expect(value(parseRegistryDate(text))).toBe(date);
  });

  it.each([
    ['03/09/2024', 'error: "03/09/2024" is ambiguous; write dates as YYYY-MM-DD (2024-09-03 if it is day/month, 2024-03-09 if month/day).'],
    ['25/03/2024', 'error: "25/03/2024" is ambiguous; write dates as YYYY-MM-DD (2024-03-25 if it is day/month).'],
    ['2023-02-29', 'error: "2023-02-29" is not a real calendar date; expected YYYY-MM-DD.'],
    ['last spring', 'error: "last spring" is not a date; expected YYYY-MM-DD, e.g. 2025-03-31.'],
    ['45360', 'error: "45360" is not a date; expected YYYY-MM-DD, e.g. 2025-03-31.'],
  ])('refuses %j', (text, message) => {
    expect(value(parseRegistryDate(text))).toBe(message);
  });
});

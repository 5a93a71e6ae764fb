import { describe, expect, it } from 'vitest';
import { mapRegistryColumns } from './columns';
import { parseRegistryRow } from './parse-row';

function parse(headers: string[], cells: string[], rowNumber = 2) {
  return parseRegistryRow({ rowNumber, cells }, mapRegistryColumns('r.csv', headers));
}

describe('parseRegistryRow', () => {
  it('types every registry column and keeps unknown columns as notes', () => {
    const row = parse(
      ['Agent ID', 'Agent Name', 'Status', 'Trigger', 'Data Access', 'Credentials', 'Owner', 'Last Reviewed', 'Rollback', 'Last Rehearsed', 'Vendor', 'Env', 'Cost Center'],
      [
        'agt_1',
        ' Refund Bot ',
        'Live',
        'cron: 0 6 * * 1',
        'refunds:write; crm:read',
        'STRIPE_KEY, OPENAI_KEY',
        'Priya Raman <priya@kestrelpay.example>',
        '2025-01-14',
        'Disable the webhook',
        '2025-02-02T08:00:00Z',
        'internal',
        'prod',
        'CC-4410',
      ],
    );
    expect(row).toEqual({
      rowNumber: 2,
      id: 'agt_1',
      fields: {
        name: 'Refund Bot',
        status: 'confirmed',
        trigger: { kind: 'cron', schedule: '0 6 * * 1' },
        dataAccess: [
          { source: 'refunds', access: 'write' },
          { source: 'crm', access: 'read' },
        ],
        credentials: ['STRIPE_KEY', 'OPENAI_KEY'],
        owner: { name: 'Priya Raman', email: 'priya@kestrelpay.example' },
        lastReviewed: '2025-01-14',
        rollback: { procedure: 'Disable the webhook', lastRehearsed: '2025-02-02' },
        vendor: 'internal',
        environment: 'prod',
      },
      notes: { 'Cost Center': 'CC-4410' },
      errors: [],
      warnings: [],
    });
  });

  it('fills only the fields whose columns the file has', () => {
    expect(parse(['Name', 'Owner'], ['Bot', 'Jane Doe']).fields).toEqual({ name: 'Bot', owner: { name: 'Jane Doe' } });
    expect(parse(['Name', 'Last Rehearsed'], ['Bot', '']).fields).toEqual({ name: 'Bot', rollback: { lastRehearsed: null } });
  });

  it('takes the schedule from a filled schedule column over the trigger cell, and clears it when both are blank', () => {
    expect(parse(['Name', 'Trigger', 'Schedule'], ['Bot', 'cron: 0 1 * * *', '0 6 * * 1']).fields.trigger).toEqual({ kind: 'cron', schedule: '0 6 * * 1' });
    expect(parse(['Name', 'Trigger', 'Schedule'], ['Bot', 'cron: 0 1 * * *', '']).fields.trigger).toEqual({ kind: 'cron', schedule: '0 1 * * *' });
    expect(parse(['Name', 'Trigger', 'Schedule'], ['Bot', 'webhook', '']).fields.trigger).toEqual({ kind: 'webhook', schedule: null });
    expect(parse(['Name', 'Trigger'], ['Bot', '']).fields.trigger).toEqual({ kind: 'unknown' });
  });

  it('combines an owner cell with an email column, and a blank owner means no owner', () => {
    const headers = ['Name', 'Owner', 'Owner E-mail'];
    expect(parse(headers, ['Bot', 'Jane Doe', 'jane@x.example']).fields.owner).toEqual({ name: 'Jane Doe', email: 'jane@x.example' });
    expect(parse(headers, ['Bot', '', 'jane@x.example']).fields.owner).toEqual({ email: 'jane@x.example' });
    expect(parse(headers, ['Bot', 'Jane Doe', '']).fields.owner).toEqual({ name: 'Jane Doe', email: '' });
    expect(parse(headers, ['Bot', '', '']).fields.owner).toBeNull();
    expect(parse(['Name', 'Contact'], ['Bot', '']).fields.owner).toEqual({ email: '' });
    expect(parse(headers, ['Bot', 'Jane <jane@x.example>', 'bob@x.example']).errors).toEqual([
      { row: 2, column: 'Owner E-mail', message: '"bob@x.example" differs from the email in the owner cell ("jane@x.example"); keep one of the two.' },
    ]);
  });

  it('reports each bad cell with its row number, column header and what is accepted', () => {
    const row = parse(['Agent Name', 'Status', 'Trigger Type', 'Data Access Scope', 'Owner E-mail', 'Last Reviewed'], ['Bot', 'paused', 'whenever', 'crm', 'nobody', '03/04/2025'], 7);
    expect(row.errors.map((e) => [e.row, e.column])).toEqual([
      [7, 'Status'],
      [7, 'Trigger Type'],
      [7, 'Owner E-mail'],
      [7, 'Last Reviewed'],
    ]);
    expect(row.fields).toEqual({ name: 'Bot', dataAccess: [{ source: 'crm', access: 'other: not stated' }] });
    expect(row.warnings).toEqual([{ row: 7, column: 'Data Access Scope', message: expect.stringMatching(/^"crm" does not say read or write; kept as access "other: not stated"/) }]);
  });

  it('warns, without an error, about access that is neither read nor write and about a team as owner', () => {
    const row = parse(['Name', 'Data Access', 'Owner'], ['Mailer', 'sendgrid: send; crm:read', 'Payments Team'], 4);
    expect(row.errors).toEqual([]);
    expect(row.fields).toMatchObject({ dataAccess: [{ source: 'sendgrid', access: 'other: send' }, { source: 'crm', access: 'read' }], owner: { name: 'Payments Team' } });
    expect(row.warnings).toEqual([
      { row: 4, column: 'Data Access', message: '"sendgrid: send": "send" is neither read nor write; kept as access "other: send".' },
      { row: 4, column: 'Owner', message: '"Payments Team" looks like a team, not a person; imported as it is, and flagged until a person owns the agent.' },
    ]);
    expect(parse(['Name', 'Data Access', 'Owner'], ['Quiet', 'none', '']).warnings).toEqual([]);
  });

  it('maps schema issues to the column they came from', () => {
    const long = 'x'.repeat(201);
    const row = parse(['Name', 'Vendor', 'Data Access', 'Owner', 'Cost Center', long], ['', long, ':read', long, 'y'.repeat(10_001), 'z'], 4);
    expect(row.errors).toEqual([
      { row: 4, column: 'Name', message: 'name is empty.' },
      { row: 4, column: 'Data Access', message: 'data source name is empty.' },
      { row: 4, column: 'Owner', message: 'too long: at most 200 characters.' },
      { row: 4, column: 'Vendor', message: 'too long: at most 200 characters.' },
      { row: 4, column: 'Cost Center', message: 'too long: at most 10000 characters.' },
      { row: 4, column: long, message: 'this header is too long to keep as a note: at most 200 characters.' },
    ]);
  });

  it('keeps hostile text as text, stripping only control characters', () => {
    const hostile = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil.example","x")', '<script>alert(1)</script>'];
    const row = parse(['Name', 'Description', 'Vendor', 'Notes'], [hostile[0]!, hostile[1]!, `Acme\u0000\u001b[31m AI\u0007`, `line 1\r\nline\t2\u000b`]);
    expect(row.errors).toEqual([]);
    expect(row.fields).toMatchObject({ name: hostile[0], description: hostile[1], vendor: 'Acme[31m AI' });
    expect(row.notes).toEqual({ Notes: 'line 1\nline\t2' });
  });

  it('removes only the apostrophe an export put in front of a formula character', () => {
    const cells = ["'=1+1", "'+44 20", "'-draft", "'@here", "'quoted", "''=double"];
    const row = parse(['Name', 'A', 'B', 'C', 'D', 'E', 'F'], ['Bot', ...cells]);
    expect(Object.values(row.notes)).toEqual(['=1+1', '+44 20', '-draft', '@here', "'quoted", "''=double"]);
  });

  it('keeps a note column header such as __proto__ as an ordinary note', () => {
    const row = parse(['Name', '__proto__'], ['Bot', 'polluted?']);
    expect(Object.keys(row.notes)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(row.notes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { BackendError } from '../../shared/errors';
import { columnMappings, mapRegistryColumns, normaliseHeader } from './columns';

describe('mapRegistryColumns', () => {
  it('matches loose headers case- and punctuation-insensitively, in any order', () => {
    const headers = [
      'OWNER E-MAIL',
      'Data Access Scope',
      'agent_name',
      'Runs On',
      'Cron',
      'Credentials Held',
      'Responsible Person',
      'Last Review Date',
      'Undo procedure',
      'Rollback tested',
      'Agent ID',
      'STATUS',
      'Description',
      'Vendor',
      'Env',
      'Cost Center',
    ];
    const map = mapRegistryColumns('r.csv', headers);
    expect(columnMappings(map)).toEqual([
      { header: 'OWNER E-MAIL', field: 'ownerEmail' },
      { header: 'Data Access Scope', field: 'dataAccess' },
      { header: 'agent_name', field: 'name' },
      { header: 'Runs On', field: 'trigger' },
      { header: 'Cron', field: 'schedule' },
      { header: 'Credentials Held', field: 'credentials' },
      { header: 'Responsible Person', field: 'owner' },
      { header: 'Last Review Date', field: 'lastReviewed' },
      { header: 'Undo procedure', field: 'rollbackProcedure' },
      { header: 'Rollback tested', field: 'rollbackLastRehearsed' },
      { header: 'Agent ID', field: 'id' },
      { header: 'STATUS', field: 'status' },
      { header: 'Description', field: 'description' },
      { header: 'Vendor', field: 'vendor' },
      { header: 'Env', field: 'environment' },
      { header: 'Cost Center', field: null },
    ]);
    expect(map.errors).toEqual([]);
    expect(map.noteColumns.map((c) => c.header)).toEqual(['Cost Center']);
  });

  it('reports a second column for the same field on the header row and ignores it', () => {
    const map = mapRegistryColumns('r.csv', ['Name', 'Owner', 'Owner Name', 'Notes', 'Notes'], 3);
    expect(map.errors).toEqual([
      { row: 3, column: 'Owner Name', message: '"Owner Name" and "Owner" both fill the owner field; keep one of the two columns.' },
      { row: 3, column: 'Notes', message: 'two columns are named "Notes"; rename or remove one so each note keeps its own column.' },
    ]);
    expect(map.byField.owner?.header).toBe('Owner');
    expect(map.noteColumns.map((c) => c.index)).toEqual([3]);
  });

  it('refuses a file without a name column, saying what it found', () => {
    let error: unknown;
    try {
      mapRegistryColumns('agents.csv', ['Owner', 'Trigger']);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).code).toBe('import-invalid');
    expect((error as BackendError).message).toBe(
      'agents.csv has no agent name column: expected a header such as "Name" or "Agent Name" in the header row (found "Owner", "Trigger").',
    );
  });

  // Found by the IAM fuzz targets: a credential report with a 4 MB header cell was echoed whole.
  it('names at most ten headers, each cut to 60 characters, when there is no name column', () => {
    const headers = ['user', 'A'.repeat(4_000_000), ...Array.from({ length: 20 }, (_, i) => `extra ${i}`)];
    let error: unknown;
    try {
      mapRegistryColumns('report.csv', headers);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(BackendError);
    expect((error as BackendError).message).toBe(
      `report.csv has no agent name column: expected a header such as "Name" or "Agent Name" in the header row (found "user", "${'A'.repeat(59)}…", "extra 0", "extra 1", "extra 2", "extra 3", "extra 4", "extra 5", "extra 6", "extra 7", and 12 more).`,
    );
  });

  it('undoes export neutralisation and strips control characters in headers', () => {
    const map = mapRegistryColumns('r.csv', ['name', "'=cmd|' /C calc'!A0", 'Cost\u0007 Center']);
    expect(map.noteColumns.map((c) => c.header)).toEqual(["=cmd|' /C calc'!A0", 'Cost Center']);
  });
});

describe('normaliseHeader', () => {
  it('ignores case, punctuation, spaces and accents', () => {
    expect(['Owner E-mail', 'owner_email', ' OWNER  EMAIL ', 'Öwner.Émail'].map(normaliseHeader)).toEqual(Array(4).fill('owneremail'));
  });
});

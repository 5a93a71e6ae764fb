import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendErrorOf } from '../../testing/backend-errors';
import { looksLikeAwsCredentialReport, readAwsCredentialReport } from './credential-report';

const csv = readFileSync(join(__dirname, 'fixtures', 'credential-report.csv'), 'utf8');
const raw = JSON.stringify({ Content: Buffer.from(csv).toString('base64'), ReportFormat: 'text/csv', GeneratedTime: '2024-06-02T10:00:00Z' });

describe('readAwsCredentialReport', () => {
  it.each([
    ['the CSV', csv],
    ['the raw get-credential-report JSON', raw],
  ])('reads %s', (_, text) => {
    expect(looksLikeAwsCredentialReport(text)).toBe(true);
    const facts = readAwsCredentialReport('report', text);
    expect(facts).toMatchObject({ provider: 'aws', format: 'aws-credential-report', scope: '111122223333' });
    expect(facts.counts).toEqual({ users: 2, rootAccounts: 1, accessKeys: 2, activeAccessKeys: 1, passwords: 2, certificates: 1 });
  });

  const facts = readAwsCredentialReport('report.csv', csv);
  const byKey = new Map(facts.principals.map((p) => [p.key, p]));

  it('reads the <root_account> row as the root principal', () => {
    expect(byKey.get('arn:aws:iam::111122223333:root')).toMatchObject({ kind: 'root', name: 'root account 111122223333', createdAt: '2019-05-01T08:00:00.000Z', attributes: { mfa: 'true', password: 'root password' } });
    expect(facts.credentials.find((c) => c.key === 'aws-password:arn:aws:iam::111122223333:root')).toMatchObject({ active: true, lastUsedAt: '2024-01-03T10:00:00.000Z', lastRotatedAt: null });
  });

  it('reads access keys, active or not, with last use; N/A and no_information are empty', () => {
    const bot = 'arn:aws:iam::111122223333:user/deploy-bot';
    expect(facts.credentials.filter((c) => c.principalKey === bot)).toEqual([
      { key: `aws-access-key:${bot}:1`, principalKey: bot, kind: 'access-key', name: 'access key 1 of deploy-bot', active: true, createdAt: '2023-03-09T10:45:00.000Z', lastRotatedAt: '2023-03-09T10:45:00.000Z', lastUsedAt: '2024-05-30T17:00:00.000Z', attributes: { 'last used': 'by s3 in eu-west-1' } },
      { key: `aws-access-key:${bot}:2`, principalKey: bot, kind: 'access-key', name: 'access key 2 of deploy-bot', active: false, createdAt: '2022-01-01T00:00:00.000Z', lastRotatedAt: '2022-01-01T00:00:00.000Z', lastUsedAt: null, attributes: {} },
    ]);
    expect(byKey.get(bot)).toMatchObject({ lastUsedAt: '2024-05-30T17:00:00.000Z', attributes: { mfa: 'false', password: 'disabled' } });
  });

  it('reads quoted fields, passwords and certificates', () => {
    const jane = 'arn:aws:iam::111122223333:user/people/jane';
    expect(byKey.get(jane)?.name).toBe('jane');
    expect(facts.credentials.filter((c) => c.principalKey === jane).map((c) => [c.kind, c.active, c.lastRotatedAt])).toEqual([
      ['password', true, '2024-03-01T09:00:00.000Z'],
      ['certificate', true, '2022-02-02T00:00:00.000Z'],
    ]);
  });

  it.each([
    ['a header that is not a credential report', 'name,owner\nbot,jane\n', 'report.csv: is not an AWS credential report: its header starts "name,owner"'],
    ['an empty file', '', 'report.csv: is empty'],
    ['a bad flag', csv.replace('false,N/A,N/A,N/A,false,true,2023', 'maybe,N/A,N/A,N/A,false,true,2023'), 'report.csv: row 3, column password_enabled: "maybe"'],
    ['a bad date', csv.replace('2019-05-01T08:00:00+00:00', 'soon'), 'report.csv: row 2, column user_creation_time: "soon" is not a date'],
    ['JSON without Content', '{"ReportFormat":"text/csv"}', 'report.csv: has no Content text'],
    ['truncated JSON', '{"Content":"dXNlc', 'report.csv: starts like JSON but is not valid JSON'],
  ])('refuses %s', (_, text, message) => {
    const error = backendErrorOf(() => readAwsCredentialReport('report.csv', text));
    expect(error.code).toBe('import-invalid');
    expect(error.message).toContain(message);
  });

  it('is not fooled by other files', () => {
    expect(looksLikeAwsCredentialReport('name,owner\n')).toBe(false);
    expect(looksLikeAwsCredentialReport('{"bindings":[]}')).toBe(false);
  });

  // Found by the IAM fuzz targets (electron/fuzz/iam-fuzz-targets.ts) at full size.
  it('refuses a second, hostile ReportFormat after the one detection reads, naming the file', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    for (const second of [deep, JSON.stringify('R'.repeat(4_000_000))]) {
      const text = raw.replace(/}$/, `,"ReportFormat":${second}}`);
      expect(looksLikeAwsCredentialReport(text)).toBe(true);
      const error = backendErrorOf(() => readAwsCredentialReport('report.json', text));
      expect(error.code).toBe('import-invalid');
      expect(error.message).toMatch(/^report\.json: ReportFormat is /);
      expect(error.message.length).toBeLessThan(300);
    }
  });

  it('shows at most 80 characters of a cell it refuses', () => {
    const text = csv.replace('2023-03-09T10:41:45+00:00', 'X'.repeat(4_000_000));
    const error = backendErrorOf(() => readAwsCredentialReport('report.csv', text));
    expect(error.message).toMatch(/^report\.csv: row 3, column user_creation_time: "X{79}…" is not a date\./);
  });
});

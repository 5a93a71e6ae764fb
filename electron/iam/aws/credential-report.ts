import { Buffer } from 'node:buffer';
import { BackendError } from '../../../shared/errors';
import type { CloudCredentialFact, IamFacts, PrincipalFact } from '../../../shared/iam';
import { readRegistryCsv } from '../../registry/read-csv';
import { boundedJson, clipText } from '../iam-json-input';
import { accountOfArn } from './aws-resources';

/** Recognised without loading this reader (iam-detector.ts); re-exported where the reader's tests look for it. */
export { looksLikeAwsCredentialReport } from '../iam-export-shapes';
import { HEADER_START } from '../iam-export-shapes';

const ROOT_ROW = '<root_account>';
/** Values the report writes where there is nothing to say. */
const NO_VALUE = new Set(['', 'N/A', 'not_supported', 'no_information']);


/** Reads an IAM credential report: users and the root account, their passwords, access keys and certificates. */
export function readAwsCredentialReport(fileName: string, text: string): IamFacts {
  const csv = reportCsv(fileName, text.replace(/^\ufeff/, ''));
  if (!csv.trim()) throw invalid(fileName, 'is empty', 'Save the output of "aws iam get-credential-report" again');
  // The project's CSV reader, not a new dependency: it is synchronous, tested and handles quoted cells;
  // fast-csv is only present as exceljs's streaming, asynchronous dependency.
  const table = readRegistryCsv(fileName, csv, ',');
  const column = new Map(table.headers.map((h, i) => [h.trim().toLowerCase(), i]));
  if (!['user', 'arn', 'user_creation_time'].every((h) => column.has(h)) || table.headers[0]?.trim().toLowerCase() !== 'user') {
    throw invalid(
      fileName,
      `is not an AWS credential report: its header starts ${shown(table.headers.slice(0, 3).join(','))}, expected "${HEADER_START},..."`,
      'Export it with "aws iam generate-credential-report" then "aws iam get-credential-report"',
    );
  }
  const principals: PrincipalFact[] = [];
  const credentials: CloudCredentialFact[] = [];
  let scope = '';
  for (const row of table.rows) {
    const cell = (name: string): string | null => {
      const index = column.get(name);
      const value = index === undefined ? undefined : row.cells[index]?.trim();
      return value === undefined || NO_VALUE.has(value) ? null : value;
    };
    const date = (name: string): string | null => {
      const value = cell(name);
      if (value === null) return null;
      const time = Date.parse(value.replace(' ', 'T'));
      if (Number.isNaN(time)) throw invalid(fileName, `row ${row.rowNumber}, column ${name}: ${shown(value)} is not a date`, 'Expected a date like 2023-03-09T10:41:45+00:00, N/A or no_information');
      return new Date(time).toISOString();
    };
    const flag = (name: string): boolean | null => {
      const value = cell(name);
      if (value === null) return null;
      if (value === 'true' || value === 'false') return value === 'true';
      throw invalid(fileName, `row ${row.rowNumber}, column ${name}: ${shown(value)}`, 'Expected true, false, N/A or not_supported');
    };
    const user = cell('user');
    const arn = cell('arn');
    if (!user || !arn) throw invalid(fileName, `row ${row.rowNumber} has no user or arn`, 'Every row of a credential report names a user and its ARN');
    scope ||= accountOfArn(arn) ?? '';
    const isRoot = user === ROOT_ROW;
    const name = isRoot ? `root account ${accountOfArn(arn) ?? ''}`.trim() : user;
    const mfa = flag('mfa_active');
    const passwordEnabled = flag('password_enabled');
    const passwordLastUsed = date('password_last_used');
    const attributes: Record<string, string> = {};
    if (mfa !== null) attributes.mfa = String(mfa);
    // The root row says not_supported for password_enabled: the root user always has a password.
    attributes.password = isRoot ? 'root password' : passwordEnabled ? 'enabled' : 'disabled';
    const lastUses: (string | null)[] = [passwordLastUsed];

    if (passwordEnabled || (isRoot && passwordLastUsed)) {
      credentials.push({
        key: `aws-password:${arn}`,
        principalKey: arn,
        kind: 'password',
        name: `console password of ${name}`,
        active: true,
        createdAt: null,
        lastRotatedAt: date('password_last_changed'),
        lastUsedAt: passwordLastUsed,
        attributes: withoutNulls({ mfa: mfa === null ? null : String(mfa), 'next rotation': date('password_next_rotation') }),
      });
    }
    for (const n of [1, 2] as const) {
      const active = flag(`access_key_${n}_active`);
      const rotated = date(`access_key_${n}_last_rotated`);
      if (!active && !rotated) continue;
      const lastUsed = date(`access_key_${n}_last_used_date`);
      lastUses.push(lastUsed);
      const service = cell(`access_key_${n}_last_used_service`);
      const region = cell(`access_key_${n}_last_used_region`);
      credentials.push({
        key: `aws-access-key:${arn}:${n}`,
        principalKey: arn,
        kind: 'access-key',
        name: `access key ${n} of ${name}`,
        active: active === true,
        // The report's last_rotated is when the key was created (AWS keys are replaced, not changed).
        createdAt: rotated,
        lastRotatedAt: rotated,
        lastUsedAt: lastUsed,
        attributes: withoutNulls({ 'last used': service ? `by ${service}${region ? ` in ${region}` : ''}` : null }),
      });
    }
    for (const n of [1, 2] as const) {
      const active = flag(`cert_${n}_active`);
      const rotated = date(`cert_${n}_last_rotated`);
      if (!active && !rotated) continue;
      credentials.push({
        key: `aws-certificate:${arn}:${n}`,
        principalKey: arn,
        kind: 'certificate',
        name: `signing certificate ${n} of ${name}`,
        active: active === true,
        createdAt: rotated,
        lastRotatedAt: rotated,
        lastUsedAt: null,
        attributes: {},
      });
    }
    principals.push({
      key: arn,
      provider: 'aws',
      kind: isRoot ? 'root' : 'user',
      name,
      scope: accountOfArn(arn) ?? '',
      createdAt: date('user_creation_time'),
      lastUsedAt: latest(lastUses),
      tags: {},
      attributes,
    });
  }
  const accessKeys = credentials.filter((c) => c.kind === 'access-key');
  return {
    provider: 'aws',
    format: 'aws-credential-report',
    scope,
    principals,
    memberships: [],
    trusts: [],
    credentials,
    dataSources: [],
    grants: [],
    risks: [],
    counts: {
      users: principals.filter((p) => p.kind === 'user').length,
      rootAccounts: principals.filter((p) => p.kind === 'root').length,
      accessKeys: accessKeys.length,
      activeAccessKeys: accessKeys.filter((c) => c.active).length,
      passwords: credentials.filter((c) => c.kind === 'password').length,
      certificates: credentials.filter((c) => c.kind === 'certificate').length,
    },
    warnings: [],
  };
}

function reportCsv(fileName: string, text: string): string {
  if (!text.trimStart().startsWith('{')) return text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid(fileName, 'starts like JSON but is not valid JSON', 'Save the output of "aws iam get-credential-report --output json" again, or save the decoded CSV');
  }
  const content = typeof json === 'object' && json !== null ? (json as Record<string, unknown>).Content : undefined;
  if (typeof content !== 'string') throw invalid(fileName, 'has no Content text', 'Expected the JSON of "aws iam get-credential-report" ({"Content": "<base64>", "ReportFormat": "text/csv"})');
  const format = (json as Record<string, unknown>).ReportFormat;
  if (format !== undefined && format !== 'text/csv') throw invalid(fileName, `ReportFormat is ${shown(format)}`, 'Expected "text/csv"');
  return Buffer.from(content, 'base64').toString('utf8');
}

function latest(dates: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (!best || d > best)) best = d;
  return best;
}

function withoutNulls(record: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) if (v !== null) out[k] = v;
  return out;
}

/**
 * A value from the file as a message shows it: at most 80 characters. JSON.stringify of the value
 * itself echoed a 4 MB cell back into the refusal, and threw a RangeError (stack overflow) on a
 * ReportFormat nested 200,000 deep (a second "ReportFormat" key after the one detection reads).
 */
function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(clipText(value, 80)) : boundedJson(value, 80);
}

function invalid(fileName: string, what: string, toDo: string): BackendError {
  return new BackendError('import-invalid', `${fileName}: ${what}. ${toDo}.`);
}

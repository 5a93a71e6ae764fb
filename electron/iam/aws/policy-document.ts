import { BackendError } from '../../../shared/errors';
import { boundedJson } from '../iam-json-input';

export type Effect = 'Allow' | 'Deny';

/** A trust policy's Principal / NotPrincipal: "*" or per type ("AWS", "Service", "Federated", "CanonicalUser") a list. */
export type PrincipalBlock = '*' | Record<string, string[]>;

/** One statement with every string-or-list field made a list, and the text a reviewer reads. */
export interface PolicyStatement {
  /** 1-based position in the document, for "#3" when there is no Sid. */
  position: number;
  sid: string | null;
  effect: Effect;
  actions: string[] | null;
  notActions: string[] | null;
  resources: string[] | null;
  notResources: string[] | null;
  principal: PrincipalBlock | null;
  notPrincipal: PrincipalBlock | null;
  condition: Record<string, unknown> | null;
  /** The statement as written (JSON), cut to 2,000 characters. */
  text: string;
}

export interface PolicyDocument {
  version: string | null;
  statements: PolicyStatement[];
}

export const MAX_STATEMENT_TEXT = 2000;

/**
 * Decodes a policy document as AWS hands it out: an object (get-account-authorization-details
 * with the CLI), JSON text, or URL-encoded JSON text (the IAM query API, GetRolePolicy).
 * `where` is the JSON path of the document in the file, so an error says what to open.
 */
export function readPolicyDocument(fileName: string, where: string, raw: unknown): PolicyDocument {
  const fail = (what: string, path = where): never => {
    throw new BackendError('import-invalid', `${fileName}: ${path}: ${what}. Re-export it with "aws iam get-account-authorization-details" or fix that policy.`);
  };
  const doc = typeof raw === 'string' ? parseDocumentText(raw, () => fail('is text that is neither JSON nor URL-encoded JSON')) : raw;
  if (!isPlainObject(doc)) return fail(`is ${describe(doc)}, expected a policy document object with a Statement`);
  const version = doc.Version;
  if (version !== undefined && typeof version !== 'string') fail(`is ${describe(version)}, expected a string like "2012-10-17"`, `${where}.Version`);
  const rawStatements = doc.Statement;
  if (rawStatements === undefined) return fail('has no Statement');
  const list = Array.isArray(rawStatements) ? rawStatements : [rawStatements];
  const statements = list.map((statement, index) =>
    readStatement(statement, index + 1, Array.isArray(rawStatements) ? `${where}.Statement[${index}]` : `${where}.Statement`, fail),
  );
  return { version: (version as string | undefined) ?? null, statements };
}

function readStatement(raw: unknown, position: number, path: string, fail: (what: string, path?: string) => never): PolicyStatement {
  if (!isPlainObject(raw)) return fail(`is ${describe(raw)}, expected a statement object`, path);
  const effect = raw.Effect;
  if (effect === undefined) fail('has no Effect; expected "Allow" or "Deny"', path);
  if (effect !== 'Allow' && effect !== 'Deny') fail(`is ${describe(effect)}, expected "Allow" or "Deny"`, `${path}.Effect`);
  const sid = raw.Sid;
  if (sid !== undefined && typeof sid !== 'string' && typeof sid !== 'number') fail(`is ${describe(sid)}, expected a string`, `${path}.Sid`);
  const condition = raw.Condition;
  if (condition !== undefined && !isPlainObject(condition)) fail(`is ${describe(condition)}, expected an object of condition operators`, `${path}.Condition`);
  const statement: PolicyStatement = {
    position,
    sid: sid === undefined || sid === '' ? null : String(sid),
    effect: effect as Effect,
    actions: stringList(raw.Action, `${path}.Action`, fail),
    notActions: stringList(raw.NotAction, `${path}.NotAction`, fail),
    resources: stringList(raw.Resource, `${path}.Resource`, fail),
    notResources: stringList(raw.NotResource, `${path}.NotResource`, fail),
    principal: principalBlock(raw.Principal, `${path}.Principal`, fail),
    notPrincipal: principalBlock(raw.NotPrincipal, `${path}.NotPrincipal`, fail),
    condition: condition === undefined || Object.keys(condition as object).length === 0 ? null : (condition as Record<string, unknown>),
    text: statementText(raw),
  };
  return statement;
}

/**
 * AWS accepts no policy longer than 10,240 characters, so no action, resource or principal of a
 * real one is longer. A longer one is refused here: wildcard matching compiles each pattern to a
 * RegExp, and a 3.5-million-character "Action" made `new RegExp` throw a SyntaxError (regular
 * expression too large) in the middle of the import.
 */
export const MAX_POLICY_ELEMENT_CHARS = 10_240;

function stringList(value: unknown, path: string, fail: (what: string, path?: string) => never): string[] | null {
  if (value === undefined) return null;
  const checked = (item: string, at: string): string =>
    item.length > MAX_POLICY_ELEMENT_CHARS ? fail(`is ${item.length.toLocaleString('en-US')} characters long; no IAM policy is longer than ${MAX_POLICY_ELEMENT_CHARS.toLocaleString('en-US')}`, at) : item;
  if (typeof value === 'string') return [checked(value, path)];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] !== 'string') fail(`is ${describe(value[i])}, expected a string`, `${path}[${i}]`);
      checked(value[i] as string, `${path}[${i}]`);
    }
    return value as string[];
  }
  return fail(`is ${describe(value)}, expected a string or a list of strings`, path);
}

function principalBlock(value: unknown, path: string, fail: (what: string, path?: string) => never): PrincipalBlock | null {
  if (value === undefined) return null;
  if (value === '*') return '*';
  if (!isPlainObject(value)) return fail(`is ${describe(value)}, expected "*" or an object like {"AWS": "arn:aws:iam::123456789012:root"}`, path);
  const block: Record<string, string[]> = {};
  for (const [type, names] of Object.entries(value)) block[type] = stringList(names, `${path}.${type}`, fail) ?? [];
  return block;
}

function parseDocumentText(text: string, fail: () => never): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return parseJson(trimmed) ?? fail();
  // URL-encoded JSON starts with %7B; a "+" there means a space (form encoding).
  if (/^%7B/i.test(trimmed)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(trimmed.replace(/\+/g, '%20'));
    } catch {
      return fail();
    }
    return parseJson(decoded) ?? fail();
  }
  return fail();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The statement's JSON for a reviewer, cut to MAX_STATEMENT_TEXT. Not JSON.stringify: a hostile
 * statement nested 200,000 deep (a Condition value, a stray field) overflowed the stack with a
 * RangeError, and a multi-megabyte one was stringified whole only to be cut; boundedJson stops
 * at a fixed depth and at the length limit.
 */
function statementText(raw: Record<string, unknown>): string {
  return boundedJson(raw, MAX_STATEMENT_TEXT);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "a number (42)", "a list", "null": what a person sees was in the file. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `a number (${value})`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

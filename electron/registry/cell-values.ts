import { DATA_ACCESS_NOT_STATED, Owner, otherAccessWord, otherDataAccess, type AgentStatus, type DataAccess, type DataAccessKind, type DataAccessLevel, type TriggerKind } from '../../shared/agent';
import { rememberPassing } from './remembered-check';

/**
 * Cell text -> typed registry values. Each parser either returns a value or says what was wrong
 * and what is accepted, in words a person fixing the spreadsheet can act on.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error });

const NOT_WORD_CHARS = /[^a-z0-9]+/g;

/** "Not an agent", "not-an-agent" and "NOT_AN_AGENT" all become "not an agent". */
function normaliseWord(text: string): string {
  return text.toLowerCase().replace(NOT_WORD_CHARS, ' ').trim();
}

/** A synonym table; lookups try the cell as written first, since most cells already are a listed word. */
function lookup<T extends string>(table: Record<T, string[]>): { get(text: string): T | undefined } {
  const words = new Map<string, T>((Object.keys(table) as T[]).flatMap((value) => table[value].map((word) => [word, value] as const)));
  return { get: (text) => words.get(text) ?? words.get(normaliseWord(text)) };
}

// Statuses follow the inventory lifecycle. A spreadsheet that says an agent is "active" or
// "in production" is saying it is real and running: that is what "confirmed" records. Anything
// that no longer runs is "retired"; a row that turned out not to be an agent is "dismissed";
// whatever is still to be looked at is a "candidate".
const STATUS_WORDS = lookup<AgentStatus>({
  confirmed: ['confirmed', 'active', 'live', 'production', 'prod', 'in production', 'running', 'enabled', 'deployed', 'in use', 'approved'],
  retired: ['retired', 'decommissioned', 'inactive', 'disabled', 'archived', 'sunset', 'sunsetted', 'removed', 'shut down', 'turned off'],
  dismissed: ['dismissed', 'not an agent', 'not agent', 'false positive', 'ignore', 'ignored', 'duplicate'],
  candidate: ['candidate', 'proposed', 'unknown', 'unconfirmed', 'pending', 'pending review', 'to review', 'new', 'discovered', 'suspected', 'tbd'],
});

/** Blank means "not stated": a create gets the default (candidate), an update keeps the status. */
export function parseStatus(text: string): Parsed<AgentStatus | undefined> {
  if (text === '') return ok(undefined);
  const status = STATUS_WORDS.get(text);
  return status
    ? ok(status)
    : fail(
        `"${text}" is not a status; accepted: candidate, confirmed, dismissed, retired ` +
          '(also active/live/production = confirmed, decommissioned/inactive = retired, not an agent = dismissed, proposed/unknown = candidate).',
      );
}

const TRIGGER_WORDS = lookup<TriggerKind>({
  cron: ['cron', 'schedule', 'scheduled', 'timer', 'periodic', 'batch'],
  webhook: ['webhook', 'web hook', 'http', 'http request', 'api', 'api call'],
  user: ['user', 'manual', 'manually', 'on demand', 'ondemand', 'ad hoc', 'interactive', 'chat'],
  event: ['event', 'events', 'event driven', 'queue', 'stream', 'message', 'pubsub', 'pub sub', 'kafka', 'sqs', 'sns', 'kinesis', 'eventbridge'],
  chained: ['chained', 'chain', 'agent', 'sub agent', 'subagent', 'upstream agent', 'called by agent'],
  unknown: ['unknown', 'tbd', 'n a', 'none'],
});
// A frequency is both the kind and the schedule: "daily" is a cron trigger that runs daily.
const FREQUENCY_WORDS = new Set(['hourly', 'daily', 'nightly', 'weekly', 'monthly']);
// Minutes and hours are numeric in every cron dialect, which keeps five short words from looking like cron.
const CRON_EXPRESSION = /^[\d*/,-]+\s+[\d*/,-]+(?:\s+[\w*?/,#-]+){3,4}$/;
const CRON_MACRO = /^@(?:yearly|annually|monthly|weekly|daily|midnight|hourly)$/i;
const TRIGGER_WITH_PARENS = /^([^()]+?)\s*\((.*)\)$/;

export interface ParsedTrigger {
  kind: TriggerKind;
  /** Present only when the cell says when it runs ("cron: 0 6 * * 1"). */
  schedule?: string;
}

/** "cron", "cron: 0 6 * * 1", "webhook (POST /hooks/refund)", "0 6 * * 1", "daily"; blank = unknown. */
export function parseTrigger(text: string): Parsed<ParsedTrigger> {
  if (text === '') return ok({ kind: 'unknown' });
  if (CRON_EXPRESSION.test(text) || CRON_MACRO.test(text)) return ok({ kind: 'cron', schedule: text });
  const colon = text.indexOf(':');
  const parens = colon < 0 ? TRIGGER_WITH_PARENS.exec(text) : null;
  const head = colon >= 0 ? text.slice(0, colon) : (parens?.[1] ?? text);
  const detail = (colon >= 0 ? text.slice(colon + 1) : (parens?.[2] ?? '')).trim();
  const word = normaliseWord(head);
  if (FREQUENCY_WORDS.has(word)) return ok({ kind: 'cron', schedule: detail === '' ? word : `${word} ${detail}` });
  const kind = TRIGGER_WORDS.get(word);
  if (!kind) {
    return fail(
      `"${text}" is not a trigger; accepted: cron, webhook, user, event, chained or unknown, optionally followed by when it runs, e.g. "cron: 0 6 * * 1" ` +
        '(also schedule = cron, manual/on-demand = user, queue/stream = event, agent = chained).',
    );
  }
  return ok(detail === '' ? { kind } : { kind, schedule: detail });
}

const ACCESS_WORDS = lookup<DataAccessLevel>({
  read: ['read', 'r', 'ro', 'read only', 'readonly', 'select', 'reader', 'view', 'viewer', 'query'],
  // Write implies read in the registry: a source is listed once, with the stronger access.
  write: ['write', 'w', 'rw', 'r w', 'read write', 'readwrite', 'read and write', 'writer', 'write access', 'edit', 'editor', 'insert', 'update', 'modify'],
});
/** Cells that say the agent touches no data at all. */
const NO_DATA_ACCESS = new Set(['none', 'no', 'n a', 'na', 'nil', 'null', 'nothing', 'no access', 'no data', 'no data access', 'not applicable']);
const ONLY_DASHES = /^[-‐-―−]+$/;
/** Access words that are neither read nor write but clearly verbs of access, taken from either end of an item. */
const OTHER_ACCESS_WORDS = new Set([
  'send', 'sends', 'publish', 'publishes', 'post', 'notify', 'email', 'message', 'delete', 'deletes', 'remove', 'purge', 'drop', 'truncate',
  'export', 'exports', 'upload', 'download', 'sync', 'admin', 'administer', 'owner', 'own', 'manage', 'full', 'full access', 'all',
  'execute', 'exec', 'run', 'invoke', 'call', 'trigger', 'create', 'append', 'subscribe', 'consume', 'list', 'pay', 'transfer', 'refund',
  'approve', 'grant', 'impersonate', 'send email', 'send mail',
]);
/** A word a person writes for an access: letters and spaces, short. Sources (db.table, s3://x) never look like this. */
const ACCESS_WORD_SHAPE = /^[a-z][a-z &/]{0,39}$/i;
const ACCESS_IN_PARENS = /^(.+?)\s*\(\s*([^()]+)\)$/;
const LIST_ITEM_SEPARATOR = /[;\n]/;
const EXPLICIT_OTHER = /[:(]\s*other\s*:/i;

/** A parse that succeeded but kept something the person should look at. */
export interface WithWarnings<T> {
  value: T;
  warnings: string[];
}

/**
 * "crm.customers:read; s3://exports (write)\nwrite: ledger; sendgrid: send" -> one entry per
 * source. "none", "n/a", "-" or a blank cell mean no data access. An access that is neither read
 * nor write is kept as "other: <word>" with a warning; so is a source that names no access.
 */
export function parseDataAccess(text: string): Parsed<WithWarnings<DataAccess[]>> {
  const value: DataAccess[] = [];
  const warnings: string[] = [];
  if (isNoDataAccess(text)) return ok({ value, warnings });
  // One source per cell is the common case: neither split it nor check it for "none" twice.
  for (const raw of LIST_ITEM_SEPARATOR.test(text) ? text.split(LIST_ITEM_SEPARATOR) : [text]) {
    const item = raw.trim();
    if (item === '' || (item !== text && isNoDataAccess(item))) continue;
    const entry = parseDataAccessItem(item);
    if (entry) {
      value.push(entry);
      const word = otherAccessWord(entry.access);
      // "sendgrid:other: send" is how an export writes it: already looked at, nothing to warn about.
      if (word !== null && !EXPLICIT_OTHER.test(item)) {
        warnings.push(
          entry.access === DATA_ACCESS_NOT_STATED
            ? notStatedWarning(item)
            : `"${item}": "${word}" is neither read nor write; kept as access "${entry.access}".`,
        );
      }
      continue;
    }
    value.push({ source: item, access: DATA_ACCESS_NOT_STATED });
    warnings.push(notStatedWarning(item));
  }
  return ok({ value, warnings });
}

const notStatedWarning = (item: string) =>
  `"${item}" does not say read or write; kept as access "${DATA_ACCESS_NOT_STATED}". Write "${item}:read" or "${item}:write" if it is one of those.`;

/**
 * Letters and digits that no word of NO_DATA_ACCESS has: normaliseWord keeps them (lower-cased),
 * so text with one of them cannot mean "no access", and most cells ("crm.db:read") are settled
 * by this one test instead of lower-casing and rewriting them.
 */
const NOT_IN_NO_ACCESS_WORDS = new RegExp(`[${[...'abcdefghijklmnopqrstuvwxyz0123456789'].filter((c) => ![...NO_DATA_ACCESS].some((word) => word.includes(c))).join('')}]`, 'i');

function isNoDataAccess(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || ONLY_DASHES.test(trimmed)) return true;
  return !NOT_IN_NO_ACCESS_WORDS.test(trimmed) && NO_DATA_ACCESS.has(normaliseWord(trimmed));
}

/** read/write from a word, an explicit "other: <word>", or null when the text is no access word. */
function accessOf(text: string, allowAnyWord: boolean): DataAccessKind | null {
  const word = text.trim();
  const level = ACCESS_WORDS.get(word);
  if (level) return level;
  const explicit = /^other\s*:\s*(.+)$/i.exec(word);
  if (explicit) return otherDataAccess(explicit[1]!);
  if (!ACCESS_WORD_SHAPE.test(word)) return null;
  return allowAnyWord || OTHER_ACCESS_WORDS.has(normaliseWord(word)) ? otherDataAccess(word) : null;
}

function parseDataAccessItem(item: string): DataAccess | null {
  const parens = ACCESS_IN_PARENS.exec(item);
  if (parens) {
    const access = accessOf(parens[2]!, true);
    if (access) return { source: parens[1]!.trim(), access };
  }
  // "sendgrid:other: send" (what an export writes for other access).
  const otherAt = item.search(/:\s*other\s*:/i);
  if (otherAt > 0) return { source: item.slice(0, otherAt).trim(), access: accessOf(item.slice(otherAt + 1), true)! };
  // The access goes last ("db:read") or first ("read: db"); sources may contain colons (s3://x).
  const last = item.lastIndexOf(':');
  if (last < 0) return null;
  const first = item.indexOf(':');
  const trailing = item.slice(last + 1);
  const leading = item.slice(0, first);
  const levelLast = ACCESS_WORDS.get(trailing.trim());
  if (levelLast) return { source: item.slice(0, last).trim(), access: levelLast };
  const levelFirst = ACCESS_WORDS.get(leading.trim());
  if (levelFirst) return { source: item.slice(first + 1).trim(), access: levelFirst };
  // A known verb at either end ("publish: orders-topic"), else any short word at the end ("crm: sync").
  const knownLast = accessOf(trailing, false);
  if (knownLast) return { source: item.slice(0, last).trim(), access: knownLast };
  const knownFirst = accessOf(leading, false);
  if (knownFirst) return { source: item.slice(first + 1).trim(), access: knownFirst };
  const anyLast = accessOf(trailing, true);
  return anyLast ? { source: item.slice(0, last).trim(), access: anyLast } : null;
}

const CREDENTIAL_SEPARATOR = /[;,\n]/;

export function parseCredentials(text: string): string[] {
  // Most cells name one credential: no split, map and filter for them.
  if (!CREDENTIAL_SEPARATOR.test(text)) {
    const credential = text.trim();
    return credential === '' ? [] : [credential];
  }
  return text
    .split(CREDENTIAL_SEPARATOR)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

const LOOKS_LIKE_EMAIL = /^[^\s<>@]+@[^\s<>@]+$/;
/** The schema's rule for an owner's email, remembered per distinct address (a sheet names the same few owners again and again). */
export const isOwnerEmail = rememberPassing((text) => Owner.shape.email.safeParse(text).success);

export interface ParsedOwnerCell {
  name?: string;
  email?: string;
}

/** "Jane Doe <jane@x.com>", "jane@x.com" or "Jane Doe"; blank gives {}. */
export function parseOwnerCell(text: string): Parsed<ParsedOwnerCell> {
  if (text === '') return ok({});
  const angle = nameAndAddress(text);
  const email = angle ? angle.address : LOOKS_LIKE_EMAIL.test(text) ? text : undefined;
  if (email !== undefined && !isOwnerEmail(email)) return fail(`"${email}" is not an email address; write the owner as "Jane Doe <jane.doe@example.com>", an email, or a name.`);
  const name = angle ? withoutSurroundingQuotes(angle.name.trim()).trim() : email === undefined ? text : '';
  const owner: ParsedOwnerCell = {};
  if (name !== '') owner.name = name;
  if (email !== undefined) owner.email = email;
  return ok(owner);
}

/**
 * `Name <address>` split at its last '<'. Written as a scan, not a regular expression: patterns
 * like /^(.*?)\s*<\s*(…)\s*>$/ backtrack quadratically on a long cell of spaces or quotes,
 * and a hostile sheet has such cells.
 */
function nameAndAddress(text: string): { name: string; address: string } | null {
  const trimmed = text.trimEnd();
  if (!trimmed.endsWith('>')) return null;
  const open = trimmed.lastIndexOf('<');
  if (open < 0) return null;
  const address = trimmed.slice(open + 1, -1).trim();
  if (/[<>\s]/.test(address)) return null;
  return { name: trimmed.slice(0, open), address };
}

/** '"Jane Doe"' -> 'Jane Doe': the quotes mail clients put around display names. */
function withoutSurroundingQuotes(text: string): string {
  const isQuote = (c: string | undefined) => c === '"' || c === "'";
  let from = 0;
  let to = text.length;
  while (from < to && isQuote(text[from])) from++;
  while (to > from && isQuote(text[to - 1])) to--;
  return text.slice(from, to);
}

export function parseOwnerEmail(text: string): Parsed<string> {
  return text === '' || isOwnerEmail(text) ? ok(text) : fail(`"${text}" is not an email address; expected e.g. jane.doe@example.com, or leave it blank.`);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const YEAR_FIRST_SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * YYYY-MM-DD (also YYYY/MM/DD and an ISO timestamp, whose date is taken). 03/09/2024 is refused:
 * it is 3 September in Paris and March 9 in New York, and a wrong review date is worse than none.
 */
export function parseRegistryDate(text: string): Parsed<string | null> {
  if (text === '') return ok(null);
  const slashed = YEAR_FIRST_SLASHED.exec(text);
  const date = ISO_DATE.test(text)
    ? text
    : (ISO_DATE_TIME.exec(text)?.[1] ?? (slashed ? `${slashed[1]}-${slashed[2]!.padStart(2, '0')}-${slashed[3]!.padStart(2, '0')}` : null));
  if (date !== null) return isCalendarDate(date) ? ok(date) : fail(`"${text}" is not a real calendar date; expected YYYY-MM-DD.`);
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const [a, b, year] = [Number(dmy[1]), Number(dmy[2]), dmy[3]!];
    const dayFirst = `${year}-${pad(b)}-${pad(a)}`;
    const monthFirst = `${year}-${pad(a)}-${pad(b)}`;
    const hint = a > 12 ? `${dayFirst} if it is day/month` : b > 12 ? `${monthFirst} if it is month/day` : `${dayFirst} if it is day/month, ${monthFirst} if month/day`;
    return fail(`"${text}" is ambiguous; write dates as YYYY-MM-DD (${hint}).`);
  }
  return fail(`"${text}" is not a date; expected YYYY-MM-DD, e.g. 2025-03-31.`);
}

const pad = (n: number) => String(n).padStart(2, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Arithmetic, not Date parsing: this runs for two cells of every row. */
function isCalendarDate(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}

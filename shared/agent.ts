import { z } from 'zod';

/** Domain schemas of the agent registry: what a person records about one agent (Step 0). */

export const AGENT_STATUSES = ['candidate', 'confirmed', 'dismissed', 'retired'] as const;
export const AgentStatus = z.enum(AGENT_STATUSES);
export type AgentStatus = z.infer<typeof AgentStatus>;

export const TRIGGER_KINDS = ['cron', 'webhook', 'user', 'event', 'chained', 'unknown'] as const;
export const TriggerKind = z.enum(TRIGGER_KINDS);
export type TriggerKind = z.infer<typeof TriggerKind>;

export const DATA_ACCESS_LEVELS = ['read', 'write'] as const;
export const DataAccessLevel = z.enum(DATA_ACCESS_LEVELS);
export type DataAccessLevel = z.infer<typeof DataAccessLevel>;

/**
 * Access that is neither plainly read nor write ("send", "publish", "delete", "admin"), kept in the
 * client's own word so nothing they wrote is lost or guessed into read/write.
 */
export type OtherDataAccess = `other: ${string}`;
export const OTHER_ACCESS_PREFIX = 'other: ';
export const MAX_OTHER_ACCESS_WORD = 80;
const OTHER_ACCESS = new RegExp(`^other: \\S[^\\n]{0,${MAX_OTHER_ACCESS_WORD - 1}}$`);
export const isOtherDataAccess = (access: string): access is OtherDataAccess => OTHER_ACCESS.test(access) && access.trim() === access;
/** "Send " -> "other: send"; the word is trimmed, lower-cased and kept on one line. */
export const otherDataAccess = (word: string): OtherDataAccess => `${OTHER_ACCESS_PREFIX}${word.trim().replace(/\s+/g, ' ').toLowerCase()}`;
/** The word of an "other: <word>" access, or null for read/write. */
export const otherAccessWord = (access: DataAccessKind): string | null => (isOtherDataAccess(access) ? access.slice(OTHER_ACCESS_PREFIX.length) : null);

/** A source listed without saying how it is accessed: kept, but the registry field is not complete until someone says. */
export const DATA_ACCESS_NOT_STATED: OtherDataAccess = 'other: not stated';
/** Sources whose access is known (read, write or a named other access): what the Step 0 data access field needs. */
export const countStatedDataAccess = (entries: ReadonlyArray<{ access: string }>): number => entries.filter((d) => d.access !== DATA_ACCESS_NOT_STATED).length;

/** read, write, or "other: <what it does>". */
export type DataAccessKind = DataAccessLevel | OtherDataAccess;
// One check with one message: a union would answer a blank "other" word with "Invalid input".
export const DataAccessKind = z.custom<DataAccessKind>((v) => v === 'read' || v === 'write' || (typeof v === 'string' && isOtherDataAccess(v)), {
  message: `say what the access is: read, write, or other with a word for it (e.g. send, publish, delete; at most ${MAX_OTHER_ACCESS_WORD} characters)`,
});

/** A calendar date as people write it in a registry: YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a real calendar date');

/** Checked with arithmetic, not Date parsing: imports validate tens of thousands of dates. */
function isCalendarDate(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

const text = (max: number) => z.string().trim().max(max);

export const Owner = z.object({
  name: text(200).min(1, 'owner name is empty'),
  email: z.union([z.literal(''), z.email('owner email is not an email address').max(320)]),
});
export type Owner = z.infer<typeof Owner>;

export const DataAccess = z.object({
  source: text(300).min(1, 'data source name is empty'),
  access: DataAccessKind,
});
export type DataAccess = z.infer<typeof DataAccess>;

export const Trigger = z.object({
  kind: TriggerKind,
  /** Cron expression, webhook path, upstream agent...: whatever tells when it runs. */
  schedule: text(300).nullable(),
});
export type Trigger = z.infer<typeof Trigger>;

export const Rollback = z.object({
  procedure: text(10_000).nullable(),
  lastRehearsed: IsoDate.nullable(),
});
export type Rollback = z.infer<typeof Rollback>;

/** The editable fields of an agent; a create takes all of them (with defaults), an update any subset. */
export const AgentFields = z.object({
  name: text(200).min(1, 'name is empty'),
  status: AgentStatus,
  trigger: Trigger,
  dataAccess: z.array(DataAccess).max(500),
  credentials: z.array(text(300).min(1)).max(500),
  owner: Owner.nullable(),
  lastReviewed: IsoDate.nullable(),
  rollback: Rollback,
  description: text(10_000),
  vendor: text(200),
  environment: text(100),
  /** Spreadsheet columns we do not know, kept so nothing a client wrote is lost. */
  notes: z.record(z.string().max(200), z.string().max(10_000)),
});
export type AgentFields = z.infer<typeof AgentFields>;

export const AgentDraft = AgentFields.partial().extend({ name: AgentFields.shape.name });
export type AgentDraft = z.infer<typeof AgentDraft>;

export const AgentPatch = AgentFields.partial();
export type AgentPatch = z.infer<typeof AgentPatch>;

export interface AgentRecord extends AgentFields {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_AGENT_FIELDS: Omit<AgentFields, 'name'> = {
  status: 'candidate',
  trigger: { kind: 'unknown', schedule: null },
  dataAccess: [],
  credentials: [],
  owner: null,
  lastReviewed: null,
  rollback: { procedure: null, lastRehearsed: null },
  description: '',
  vendor: '',
  environment: '',
  notes: {},
};

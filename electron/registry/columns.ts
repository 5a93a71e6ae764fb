import { BackendError } from '../../shared/errors';
import type { RegistryColumnMapping, RegistryRowError } from '../../shared/contract';
import { cleanCell } from './cell-text';

/**
 * What a spreadsheet column can fill, with the headers people write for it (compared after
 * normaliseHeader, so case and punctuation do not matter). Owner and rollback are split into
 * the columns people use for them.
 */
const SYNONYMS = {
  id: ['id', 'agent id'],
  name: ['name', 'agent', 'agent name'],
  status: ['status', 'agent status', 'state'],
  trigger: ['trigger', 'trigger type', 'trigger kind', 'how triggered', 'runs on'],
  schedule: ['schedule', 'cron', 'trigger schedule', 'cron schedule'],
  dataAccess: ['data access', 'data access scope', 'data scope', 'data sources', 'access'],
  credentials: ['credentials', 'credentials held', 'credential', 'secrets', 'keys'],
  owner: ['owner', 'owner name', 'responsible person', 'accountable'],
  ownerEmail: ['owner email', 'owner e-mail', 'contact', 'contact email', 'email', 'e-mail'],
  lastReviewed: ['last reviewed', 'reviewed', 'last review date', 'review date', 'last review'],
  rollbackProcedure: ['rollback', 'rollback procedure', 'undo procedure', 'runbook'],
  rollbackLastRehearsed: ['rollback rehearsed', 'last rehearsed', 'rollback last rehearsed', 'rollback tested'],
  description: ['description', 'desc', 'purpose'],
  vendor: ['vendor', 'vendor name', 'supplier'],
  environment: ['environment', 'env'],
} as const satisfies Record<string, readonly string[]>;
export type RegistryColumnField = keyof typeof SYNONYMS;

/** "Owner E-mail", "owner_email" and "OWNER EMAIL" all become "owneremail". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const FIELD_BY_HEADER = new Map<string, RegistryColumnField>(
  (Object.keys(SYNONYMS) as RegistryColumnField[]).flatMap((field) => SYNONYMS[field].map((s) => [normaliseHeader(s), field] as const)),
);

export interface RegistryColumn {
  index: number;
  /** The header as written in the file (control characters removed). */
  header: string;
  /** Registry field it fills; null for a note column (unknown header) or an ignored duplicate. */
  field: RegistryColumnField | null;
  /** A duplicate of a mapped column: reported once as an error and otherwise ignored. */
  ignored: boolean;
}

export interface RegistryColumnMap {
  columns: RegistryColumn[];
  byField: Partial<Record<RegistryColumnField, RegistryColumn>>;
  /** Columns with unknown headers, kept as notes. */
  noteColumns: RegistryColumn[];
  /** Errors about the header row. */
  errors: RegistryRowError[];
}

export function mapRegistryColumns(fileName: string, headers: string[], headerRowNumber = 1): RegistryColumnMap {
  const columns: RegistryColumn[] = [];
  const byField: RegistryColumnMap['byField'] = {};
  const errors: RegistryRowError[] = [];
  const noteHeaders = new Set<string>();
  headers.forEach((raw, index) => {
    const header = cleanCell(raw);
    const field = FIELD_BY_HEADER.get(normaliseHeader(header)) ?? null;
    const first = field ? byField[field] : undefined;
    if (first || (!field && noteHeaders.has(header))) {
      const message = first
        ? `"${header}" and "${first.header}" both fill the ${SYNONYMS[field!][0]} field; keep one of the two columns.`
        : `two columns are named "${header}"; rename or remove one so each note keeps its own column.`;
      errors.push({ row: headerRowNumber, column: header, message });
      columns.push({ index, header, field: null, ignored: true });
      return;
    }
    if (!field) noteHeaders.add(header);
    const column = { index, header, field, ignored: false };
    if (field) byField[field] = column;
    columns.push(column);
  });
  if (!byField.name) {
    // At most 10 headers of 60 characters: a header row of one 4 MB cell was echoed whole into the refusal.
    const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
    const found = `${columns.slice(0, 10).map((c) => `"${clip(c.header)}"`).join(', ')}${columns.length > 10 ? `, and ${columns.length - 10} more` : ''}`;
    throw new BackendError(
      'import-invalid',
      `${fileName} has no agent name column: expected a header such as "Name" or "Agent Name" in the header row (found ${found}).`,
    );
  }
  return { columns, byField, noteColumns: columns.filter((c) => c.field === null && !c.ignored), errors };
}

/** The mapping the import preview shows. */
export function columnMappings(map: RegistryColumnMap): RegistryColumnMapping[] {
  return map.columns.map((c) => ({ header: c.header, field: c.field }));
}

import { allAgentRecords } from '../../agents/agents-repository';
import { REGISTRY_MEDIA_TYPES, registryToCsv, registryToXlsx } from '../../registry/export';
import type { ExportFormat } from '.';

/**
 * The registry spreadsheet, the file owners fill in and bring back through Import: the seven
 * registry fields of every agent, then its notes. An export like the others (a job with progress
 * agent by agent and a cancel), because a 10,000-agent workbook takes the better part of a second.
 */
const AUDIENCE = 'The seven registry fields of every agent, for owners to fill in and bring back through Import';

/*
 * Host-thread CPU of the whole export job (read, rows, file), a fresh process each (cold JIT), on
 * workspaces of 10, 1,000 and 10,000 agents: CSV 13, 70 and 426 ms; XLSX 410, 546 and 1,866 ms,
 * most of the XLSX's fixed part being exceljs loading.
 */
export const registryCsvFormat: ExportFormat = {
  id: 'registry-csv',
  label: 'Agent registry (CSV)',
  audience: `${AUDIENCE}: opens in any spreadsheet, and diffs line by line in a repository.`,
  extension: 'csv',
  fileStem: 'agent-registry',
  mediaType: REGISTRY_MEDIA_TYPES.csv,
  hostThreadCost: { fixedMs: 15, msPerAgent: 0.042 },
  render: ({ db, steps }) => registryToCsv(allAgentRecords(db), steps.onAgent),
};

export const registryXlsxFormat: ExportFormat = {
  id: 'registry-xlsx',
  label: 'Agent registry (XLSX)',
  audience: `${AUDIENCE}: an Excel workbook with the header row frozen.`,
  extension: 'xlsx',
  fileStem: 'agent-registry',
  mediaType: REGISTRY_MEDIA_TYPES.xlsx,
  binary: true,
  hostThreadCost: { fixedMs: 400, msPerAgent: 0.147 },
  render: ({ db, steps }) => registryToXlsx(allAgentRecords(db), steps.onAgent),
};

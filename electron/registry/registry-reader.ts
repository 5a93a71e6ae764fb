import type { ImportIssue, RegistryRowError } from '../../shared/contract';
import type { AgentDraft } from '../../shared/agent';
import { allAgentRecords, createAgents, updateAgent } from '../agents/agents-repository';
import type { ImportReader, ImportPlan } from '../imports/import-reader';
import { ROWS_PER_INSERT } from '../store/insert-rows';
import type { Db } from '../store/workspace-file';
import { parseRegistryFile, type ParsedRegistryFile } from './parse-file';
import { planRegistryImport, type RegistryImportPlan } from './plan-import';
import { registryDetector } from './registry-detector';

/** "row 5, column Owner": where a registry problem is, as the spreadsheet shows it. */
export function registryIssue(error: RegistryRowError): ImportIssue {
  const position = error.row <= 1 ? 'header row' : `row ${error.row}`;
  return { position: error.column ? `${position}, column ${error.column}` : position, message: error.message };
}

function planAgainst(db: Db, parsed: ParsedRegistryFile, skipRows: number[]): RegistryImportPlan {
  const existing = allAgentRecords(db).map(({ id, createdAt: _c, updatedAt: _u, ...fields }) => ({ id, fields }));
  return planRegistryImport(parsed, existing, { skipRows });
}

/**
 * Agent registry spreadsheets (CSV, XLSX). Rows are people's statements about agents, not facts
 * of a source: an import creates and updates agents (audited per field) and is recorded for
 * provenance; it never deletes an agent a later sheet leaves out.
 */
export const registryReader: ImportReader<ParsedRegistryFile> = {
  ...registryDetector,
  async read(source, format, ctx) {
    ctx.progress(0, 0, `Reading ${source.fileName}…`);
    const parsed = await parseRegistryFile(source.fileName, source.bytes);
    return { format, provider: null, scope: '', counts: { rows: parsed.rows.length }, warnings: [], data: parsed };
  },
  sourceKey: (parsed, source) => `${parsed.format}:${source.sha256}`,
  plan(db, parsed, _source, skipRows): ImportPlan {
    const planned = planAgainst(db, parsed.data, skipRows);
    const { preview } = planned;
    const { totals } = preview;
    return {
      errors: preview.errors.map(registryIssue),
      warnings: preview.warnings.map(registryIssue),
      counts: { rows: totals.rows, create: totals.create, update: totals.update, unchanged: totals.unchanged, invalid: totals.invalid },
      registry: preview,
      prepared: planned,
    };
  },
  apply(db, parsed, _importId, source, ctx) {
    // The pipeline planned this file against the workspace a moment ago, in this same transaction.
    const plan = (ctx.plan.prepared as RegistryImportPlan | undefined) ?? planAgainst(db, parsed.data, ctx.skipRows);
    const { operations } = plan;
    const total = operations.length;
    // Consecutive creates are written together (multi-row INSERTs), at most ROWS_PER_INSERT at a
    // time so cancel and progress are still checked every few milliseconds; updates one by one.
    for (let i = 0; i < total; ) {
      ctx.throwIfCancelled();
      const op = operations[i]!;
      if (op.kind === 'update') {
        updateAgent(db, op.id, op.patch, ctx.author);
        i++;
      } else {
        const drafts: AgentDraft[] = [];
        for (; i < total && drafts.length < ROWS_PER_INSERT; i++) {
          const next = operations[i]!;
          if (next.kind !== 'create') break;
          drafts.push(next.draft);
        }
        createAgents(db, drafts, ctx.author);
      }
      ctx.progress(i, total, `Importing row ${operations[i - 1]!.rowNumber} of ${source.fileName}`);
    }
    const { totals } = plan.preview;
    return { rows: totals.rows, created: totals.create, updated: totals.update, unchanged: totals.unchanged, skipped: plan.skipped.length };
  },
};

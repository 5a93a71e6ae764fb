import { BackendError } from '../../shared/errors';
import { parseRegistryFile, planRegistryImport, type PlanOptions, type RegistryImportPlan } from '.';
import { allAgentRecords, createAgent, updateAgent } from '../agents/agents-repository';
import type { Db } from '../store/workspace-file';
import type { JobContext } from '../jobs/job-context';
import { defineJobKind, type ResultOf } from '../jobs/job-kinds';
import { writeTransaction } from '../store/write-transaction';

export interface RegistryImportPayload {
  fileName: string;
  contentBase64: string;
  /** Rows the person chose to leave out (the preview's invalid rows, usually). */
  skipRows?: number[];
}

/** Reads a registry file and compares it with the workspace; nothing is written. */
export async function planRegistryFileImport(db: Db, fileName: string, contentBase64: string, options: PlanOptions = {}): Promise<RegistryImportPlan> {
  const parsed = await parseRegistryFile(fileName, Buffer.from(contentBase64, 'base64'));
  const existing = allAgentRecords(db).map(({ id, createdAt: _c, updatedAt: _u, ...fields }) => ({ id, fields }));
  return planRegistryImport(parsed, existing, options);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Applies a registry file in one transaction: every row not skipped lands, or none does. A row
 * with errors is never left out silently: unless the request names it in skipRows, the whole
 * file is refused with every error.
 */
export async function runRegistryImport(ctx: JobContext, payload: RegistryImportPayload): Promise<ResultOf<'registry-import'>> {
  const { db } = ctx.workspace;
  ctx.progress(0, 1, `Reading ${payload.fileName}…`);
  const plan = await planRegistryFileImport(db, payload.fileName, payload.contentBase64, { skipRows: payload.skipRows ?? [] });
  const { errors, totals } = plan.preview;
  if (errors.length > 0) {
    const inHeader = errors.length - plan.preview.rows.reduce((n, r) => n + r.errors.length, 0);
    const where = [totals.invalid > 0 ? plural(totals.invalid, 'row') : '', inHeader > 0 ? 'the header row' : ''].filter(Boolean).join(' and ');
    const remedy = inHeader > 0 ? 'Fix them and import again.' : 'Fix them, or choose to skip those rows, and import again.';
    throw new BackendError('import-invalid', `${payload.fileName} has ${plural(errors.length, 'problem')} in ${where}; nothing was imported. ${remedy}`, errors);
  }
  const total = plan.operations.length;
  writeTransaction(db, () => {
    plan.operations.forEach((op, i) => {
      ctx.throwIfCancelled();
      if (op.kind === 'create') createAgent(db, op.draft, ctx.author);
      else updateAgent(db, op.id, op.patch, ctx.author);
      ctx.progress(i + 1, total, `Importing row ${op.rowNumber} of ${payload.fileName}`);
    });
    ctx.throwIfCancelled();
  });
  return { kind: 'registry-import', value: { created: totals.create, updated: totals.update, unchanged: totals.unchanged, skipped: plan.skipped } };
}

export const registryImportJob = defineJobKind('registry-import', runRegistryImport);
export const registryPreviewJob = defineJobKind('registry-preview', async (ctx, { fileName, contentBase64 }: Omit<RegistryImportPayload, 'skipRows'>) => {
  ctx.progress(0, 0, `Reading ${fileName}…`);
  return { kind: 'registry-preview', value: (await planRegistryFileImport(ctx.workspace.db, fileName, contentBase64)).preview };
});

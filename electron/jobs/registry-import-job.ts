import type { JobResult } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { parseRegistryFile, planRegistryImport, type RegistryImportPlan } from '../registry';
import { allAgentRecords, createAgent, updateAgent } from '../store/agents-repository';
import type { Db } from '../store/workspace-file';
import type { JobContext } from './job-context';
import { registerJobKind } from './job-kinds';
import { writeTransaction } from '../store/write-transaction';

export interface RegistryImportPayload {
  fileName: string;
  contentBase64: string;
}

/** Reads a registry file and compares it with the workspace; nothing is written. */
export async function planRegistryFileImport(db: Db, fileName: string, contentBase64: string): Promise<RegistryImportPlan> {
  const parsed = await parseRegistryFile(fileName, Buffer.from(contentBase64, 'base64'));
  const existing = allAgentRecords(db).map(({ id, createdAt: _c, updatedAt: _u, ...fields }) => ({ id, fields }));
  return planRegistryImport(parsed, existing);
}

/** Applies a whole registry file in one transaction: every row lands, or none does. */
export async function runRegistryImport(ctx: JobContext, payload: RegistryImportPayload): Promise<JobResult> {
  const { db } = ctx.workspace;
  ctx.progress(0, 1, `Reading ${payload.fileName}…`);
  const plan = await planRegistryFileImport(db, payload.fileName, payload.contentBase64);
  const { errors, totals } = plan.preview;
  if (errors.length > 0) {
    throw new BackendError(
      'import-invalid',
      `${payload.fileName} has ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${totals.invalid} row${totals.invalid === 1 ? '' : 's'}; nothing was imported. Fix them and import again.`,
      errors,
    );
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
  return { kind: 'registry-import', value: { created: totals.create, updated: totals.update, unchanged: totals.unchanged } };
}

registerJobKind('registry-import', (ctx, payload) => runRegistryImport(ctx, payload as RegistryImportPayload));

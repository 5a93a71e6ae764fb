import { resolve } from 'node:path';
import type { ExportedFile } from '../../shared/contract';
import type { CommandContext } from './command';
import { writeFileAtomicallyArg } from './local-files';

/**
 * Hands an export to the person: to stdout (its text; with --json, {fileName, mimeType, content}),
 * or to the --out file, replaced whole so a reader never sees half of it.
 */
export async function deliverExportedFile(ctx: CommandContext, exported: ExportedFile, out: string | undefined, describe: { what: string; format: string }): Promise<void> {
  const bytes = Buffer.from(exported.contentBase64, 'base64');
  if (out === undefined) {
    const content = bytes.toString('utf8');
    ctx.printResult({ fileName: exported.fileName, mimeType: exported.mimeType, content }, content);
    return;
  }
  const outPath = resolve(ctx.cwd, out);
  await writeFileAtomicallyArg(outPath, bytes);
  ctx.printResult(
    { path: outPath, format: describe.format, mimeType: exported.mimeType, bytes: bytes.length },
    `Exported ${describe.what} to ${outPath} (${describe.format}, ${bytes.length} bytes).`,
  );
}

import { todayIso } from '../../shared/registry';
import { BackendError } from '../../shared/errors';
import { exportRegistryFile } from '.';
import { allAgentRecords } from '../agents/agents-repository';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';
import { importFiles, previewFiles } from '../imports/import-handlers';

/**
 * The registry dialog's row-by-row preview and import: the one import pipeline, for one file
 * that must be a registry spreadsheet.
 */
export function registryHandlers(session: Session) {
  return {
    previewRegistryImport: async (file, ctx) => {
      const [preview] = await previewFiles(session, [file], ctx);
      if (preview?.registry) return preview.registry;
      if (preview?.refusal) throw BackendError.fromData(preview.refusal);
      throw new BackendError('unsupported-format', `${file.fileName} is ${preview?.formatLabel ?? 'another format'}, not a registry spreadsheet: import it with Import… instead.`);
    },
    startRegistryImport: ({ skipRows, ...file }, ctx) => importFiles(session, [file], { [file.fileName]: skipRows }, ctx),
    exportRegistry: ({ format }) => exportRegistryFile(allAgentRecords(session.workspace().db), format, todayIso()),
  } satisfies Partial<Handlers>;
}

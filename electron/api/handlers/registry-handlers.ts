import { todayIso } from '../../../shared/registry';
import { planRegistryFileImport } from '../../jobs/registry-import-job';
import { exportRegistryFile } from '../../registry';
import { allAgentRecords } from '../../store/agents-repository';
import type { Handlers } from '../dispatcher';
import type { Session } from '../session';

export function registryHandlers(session: Session) {
  return {
    previewRegistryImport: async ({ fileName, contentBase64 }) => (await planRegistryFileImport(session.workspace().db, fileName, contentBase64)).preview,
    startRegistryImport: ({ fileName, contentBase64 }, ctx) => {
      const job = session.startJob('registry-import', `Import ${fileName}`, { fileName, contentBase64 }, { actor: ctx.actor, via: ctx.via });
      return { jobId: job.id };
    },
    exportRegistry: ({ format }) => exportRegistryFile(allAgentRecords(session.workspace().db), format, todayIso()),
  } satisfies Partial<Handlers>;
}

import { todayIso } from '../../shared/registry';
import { exportRegistryFile } from '.';
import { allAgentRecords } from '../agents/agents-repository';
import type { Handlers } from '../api/dispatcher';
import type { Session } from '../api/session';

/** The registry as a spreadsheet; registry files come in through the one import pipeline (import-handlers). */
export function registryHandlers(session: Session) {
  return {
    exportRegistry: ({ format }) => exportRegistryFile(allAgentRecords(session.workspace().db), format, todayIso()),
  } satisfies Partial<Handlers>;
}

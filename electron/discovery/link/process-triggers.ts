import type { TriggerFinding } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';
import { specificTriggerOfEntryPoint } from './entry-point-triggers';
import type { CodeIndex } from './resolve-code';

/**
 * A deployment's `<format>.trigger.background` rule types a process by its name or by nothing (a
 * Procfile `worker`, a compose service with no port, a Render worker, a Railway service, a Fly.io
 * process group no service routes to): by the pack's convention, its code may say better.
 */
const typedOnlyByConvention = (ruleId: string | undefined) => ruleId?.endsWith('.trigger.background') === true;

/**
 * What starts a long-running process its deployment does not type (a compose service or Procfile
 * process with no port, queue or schedule seen, a `worker` named only by convention, an image
 * nothing is seen deploying): what its entry module starts. A chat bot's `client.run(token)` runs on
 * chat messages, a task decorator on its queue, a scheduler on its schedule. A generic entry (a
 * script, an HTTP server guess) says nothing; then the modules it imports may say it (`workers/index.ts`
 * calling `createCommentWorker()`, which builds a BullMQ `Worker`), as its `started` modules.
 */
export function withEntryPointTrigger(trigger: TriggerFinding, entryFiles: readonly (CodeFindings | undefined)[], started: () => readonly (CodeFindings | undefined)[] = () => []): TriggerFinding {
  if (trigger.kind !== 'unknown' && !typedOnlyByConvention(trigger.evidence?.ruleId)) return trigger;
  return specificTriggerIn(entryFiles) ?? specificTriggerIn(started()) ?? trigger;
}

function specificTriggerIn(files: readonly (CodeFindings | undefined)[]): TriggerFinding | null {
  for (const file of files) {
    const found = file?.entryPoint ? specificTriggerOfEntryPoint(file) : null;
    if (found) return found;
  }
  return null;
}

/** The repository's modules the entry files import themselves (one step: what `main` calls into). */
export function importedModules(entryFiles: readonly (CodeFindings | undefined)[], index: CodeIndex): (CodeFindings | undefined)[] {
  return entryFiles.flatMap((file) => (file ? file.localImports.map((written) => index.resolveImport(written, file.path)).filter((path): path is string => path !== null && path !== file.path).map((path) => index.get(path)) : []));
}

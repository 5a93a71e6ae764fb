import type { TriggerFinding } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';
import { specificTriggerOfEntryPoint } from './entry-point-triggers';

/**
 * A deployment's `<format>.trigger.background` rule types a process by its name or by nothing (a
 * Procfile `worker`, a compose service with no port, a Render worker, a Railway service, a Fly.io
 * process group no service routes to): by the pack's convention, its code may say better.
 */
const typedOnlyByConvention = (ruleId: string | undefined) => ruleId?.endsWith('.trigger.background') === true;

/**
 * What starts a long-running process its deployment does not type (a compose service or Procfile
 * process with no port, queue or schedule seen, a `worker` named only by convention): what its
 * entry module starts. A chat bot's `client.run(token)` runs on chat messages, a task decorator on
 * its queue, a scheduler on its schedule. A generic entry (a script, an HTTP server guess) says nothing.
 */
export function withEntryPointTrigger(trigger: TriggerFinding, entryFiles: readonly (CodeFindings | undefined)[]): TriggerFinding {
  if (trigger.kind !== 'unknown' && !typedOnlyByConvention(trigger.evidence?.ruleId)) return trigger;
  for (const file of entryFiles) {
    const found = file?.entryPoint ? specificTriggerOfEntryPoint(file) : null;
    if (found) return found;
  }
  return trigger;
}

import type { TriggerFinding } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';
import { specificTriggerOfEntryPoint } from './entry-point-triggers';

/** A Procfile process, compose service, Render worker, Railway service or Fly.io process group typed only by its name or by nothing: its code may say better. */
const NAME_ONLY_RULES = new Set(['procfile.trigger.background', 'compose.trigger.background', 'render.trigger.background', 'railway.trigger.background', 'fly.trigger.background']);

/**
 * What starts a long-running process its deployment does not type (a compose service or Procfile
 * process with no port, queue or schedule seen, a `worker` named only by convention): what its
 * entry module starts. A chat bot's `client.run(token)` runs on chat messages, a task decorator on
 * its queue, a scheduler on its schedule. A generic entry (a script, an HTTP server guess) says nothing.
 */
export function withEntryPointTrigger(trigger: TriggerFinding, entryFiles: readonly (CodeFindings | undefined)[]): TriggerFinding {
  if (trigger.kind !== 'unknown' && !NAME_ONLY_RULES.has(trigger.evidence?.ruleId ?? '')) return trigger;
  for (const file of entryFiles) {
    const found = file?.entryPoint ? specificTriggerOfEntryPoint(file) : null;
    if (found) return found;
  }
  return trigger;
}

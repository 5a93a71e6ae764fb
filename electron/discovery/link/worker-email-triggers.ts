import type { TriggerFinding } from '../../../shared/discovery';
import type { CodeFindings } from '../findings';

/**
 * A Worker whose entry module handles `email()` runs on each message Email Routing sends it: an
 * event from outside, like a queue's messages. No wrangler key declares it (the route is set up
 * in the zone's Email Routing), so the code says it. It outranks the fetch trigger every routed
 * worker has; a cron or queue trigger the config declares stays.
 */
export function withEmailTrigger(trigger: TriggerFinding, entryFiles: readonly (CodeFindings | undefined)[]): TriggerFinding {
  if (trigger.kind !== 'webhook' && trigger.kind !== 'unknown') return trigger;
  const handler = entryFiles.find((file) => file?.emailHandler)?.emailHandler;
  if (!handler) return trigger;
  const also = trigger.kind === 'webhook' ? `; also ${trigger.description.charAt(0).toLowerCase()}${trigger.description.slice(1)}` : '';
  return { kind: 'event', schedule: 'email', description: `On each email routed to the worker (Email Routing)${also}`, evidence: handler };
}

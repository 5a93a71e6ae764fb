import type { TriggerFinding } from '../../../shared/discovery';
import { cronTrigger } from '../config/units';
import type { CodeFindings } from '../findings';

/** The code rule pack's scheduled-job entry point (node-cron, Trigger.dev schedules, Firebase onSchedule...). */
const SCHEDULED_RULE = /\.entry-point\.scheduled$/;
/** A five- or six-field cron expression written as a literal on the entry line: `cron.schedule('0 6 * * *', …)`. */
const CRON_LITERAL = /['"`]((?:[\d*/,?LW#-]+\s+){4,5}[\d*/,?LW#A-Za-z-]+)['"`]/;
/** App Engine style schedules (Firebase `onSchedule('every 5 minutes', …)`, `pubsub.schedule('every day 09:00')`). */
const EVERY_LITERAL = /['"`](every [^'"`]+)['"`]/i;

/**
 * What starts a unit whose top is a code entry point, read from the entry's rule and line. A
 * job a library schedules in code runs unattended, like a CronJob: its schedule is shown when the
 * line writes it.
 */
export function triggerOfEntryPoint(file: CodeFindings): TriggerFinding {
  const specific = specificTriggerOfEntryPoint(file);
  if (specific) return specific;
  const evidence = file.entryPoint;
  const text = `${evidence?.snippet ?? ''} ${evidence?.ruleId ?? ''}`.toLowerCase();
  return { kind: 'user', schedule: null, description: /route|listen|app\.|server|fastapi|flask|express|uvicorn|onrequest|oncall|onflow|cloud-function/.test(text) ? 'Runs when its HTTP endpoint is called' : 'Started by a person or a process we did not see', evidence };
}

/** The trigger the entry's rule and line say for sure (a schedule, an event, a chat bot's start), or null when only a guess is left. */
export function specificTriggerOfEntryPoint(file: CodeFindings): TriggerFinding | null {
  const evidence = file.entryPoint;
  const snippet = evidence?.snippet ?? '';
  const ruleId = evidence?.ruleId ?? '';
  if (SCHEDULED_RULE.test(ruleId)) {
    const cron = CRON_LITERAL.exec(snippet)?.[1] ?? (file.entrySchedule && !/^every /i.test(file.entrySchedule) ? file.entrySchedule : undefined);
    if (cron) return cronTrigger(cron, evidence, null)!;
    const every = EVERY_LITERAL.exec(snippet)?.[1] ?? (file.entrySchedule && /^every /i.test(file.entrySchedule) ? file.entrySchedule : undefined);
    if (every) return { kind: 'cron', schedule: every, description: `Runs ${every}`, evidence };
  }
  const text = `${snippet} ${ruleId}`.toLowerCase();
  if (/lambda|handler\(event|celery|task|queue|consumer|ondocument|onobject|onmessage|cloudevent|createfunction/.test(text)) return { kind: 'event', schedule: null, description: 'Runs when its event arrives', evidence };
  if (SCHEDULED_RULE.test(ruleId) && /schedule|cron/.test(text)) return { kind: 'cron', schedule: null, description: 'Runs on a schedule set in code', evidence };
  if (CHAT_BOT_START.test(snippet)) return { kind: 'user', schedule: null, description: 'Runs when a chat message reaches the bot', evidence };
  return null;
}

/** A bot's start as written: a start call on a line naming a chat platform or a bot (`client.run(token)`, `bot.run(...)`, `bot.launch()`, `SocketModeHandler(app, SLACK_APP_TOKEN).start()`). */
const CHAT_BOT_START = /\.(?:run_polling|start_polling|infinity_polling|polling)\s*\(|\b(?:client|bot)\.(?:run|login)\s*\(|^(?=.*(?:bot|discord|telegram|slack|socketmode))(?=.*\.(?:run|start|login|launch)\s*\()/i;

export function unknownTrigger(): TriggerFinding {
  return { kind: 'unknown', schedule: null, description: 'No deployment or entry point seen for this code', evidence: null };
}

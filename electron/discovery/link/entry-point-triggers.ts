import type { TriggerFinding } from '../../../shared/discovery';
import { cronTrigger } from '../config/units';
import { SCHEDULED_ENTRY_RULE } from '../code/entry-point';
import type { CodeFindings } from '../findings';


/**
 * What starts a unit whose top is a code entry point, read from the entry's rule and line. A
 * job a library schedules in code runs unattended, like a CronJob: its schedule is shown when the
 * analyzer could read it.
 */
export function triggerOfEntryPoint(file: CodeFindings): TriggerFinding {
  const specific = specificTriggerOfEntryPoint(file);
  if (specific) return specific;
  const evidence = file.entryPoint;
  const text = `${evidence?.snippet ?? ''} ${evidence?.ruleId ?? ''}`.toLowerCase();
  return { kind: 'user', schedule: null, description: /route|listen|app\.|server|fastapi|flask|express|uvicorn|onrequest|oncall|onflow|cloud-function|vercel-function/.test(text) ? 'Runs when its HTTP endpoint is called' : 'Started by a person or a process we did not see', evidence };
}

/** The trigger the entry's rule and line say for sure (a schedule, an event, a chat bot's start), or null when only a guess is left. */
export function specificTriggerOfEntryPoint(file: CodeFindings): TriggerFinding | null {
  const evidence = file.entryPoint;
  const snippet = evidence?.snippet ?? '';
  const ruleId = evidence?.ruleId ?? '';
  // The analyzer read the schedule from the entry call's arguments (code/entry-point.ts `scheduleOfEntry`), through constants too.
  const schedule = SCHEDULED_ENTRY_RULE.test(ruleId) ? file.entrySchedule : undefined;
  if (schedule && /^every /i.test(schedule)) return { kind: 'cron', schedule, description: `Runs ${schedule}`, evidence };
  if (schedule) return cronTrigger(schedule, evidence, null) ?? { kind: 'cron', schedule, description: 'Runs on a schedule set in code', evidence };
  const text = `${snippet} ${ruleId}`.toLowerCase();
  if (/lambda|handler\(event|celery|task|queue|consumer|ondocument|onobject|onmessage|cloudevent|createfunction/.test(text)) return { kind: 'event', schedule: null, description: 'Runs when its event arrives', evidence };
  if (SCHEDULED_ENTRY_RULE.test(ruleId) && /schedule|cron/.test(text)) return { kind: 'cron', schedule: null, description: 'Runs on a schedule set in code', evidence };
  if (CHAT_BOT_START.test(snippet)) return { kind: 'user', schedule: null, description: 'Runs when a chat message reaches the bot', evidence };
  return null;
}

/** A bot's start as written: a start call on a line naming a chat platform or a bot (`client.run(token)`, `bot.run(...)`, `bot.launch()`, `SocketModeHandler(app, SLACK_APP_TOKEN).start()`). */
const CHAT_BOT_START = /\.(?:run_polling|start_polling|infinity_polling|polling)\s*\(|\b(?:client|bot)\.(?:run|login)\s*\(|^(?=.*(?:bot|discord|telegram|slack|socketmode))(?=.*\.(?:run|start|login|launch)\s*\()/i;

export function unknownTrigger(): TriggerFinding {
  return { kind: 'unknown', schedule: null, description: 'No deployment or entry point seen for this code', evidence: null };
}

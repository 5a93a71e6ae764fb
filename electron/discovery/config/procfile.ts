import type { TriggerFinding } from '../../../shared/discovery';
import type { ConfigFindings } from '../findings';
import { codePathsInCommand } from './commands';
import type { ConfigContext } from './context';
import { recordEnvEntry } from './env-facts';
import { isBackgroundWorker, queueHint } from './queue-hints';
import { ConfigSource } from './source';
import { newFindings, newUnit, trigger } from './units';

const PROCESS_LINE = /^([A-Za-z0-9_-]+):\s*(\S.*)$/;
/** Commands that start an HTTP server: a process running one gets requests whatever it is named (Dokku, foreman and honcho run every process). */
const SERVER_COMMAND = /(?:^|[\s/])(uvicorn|gunicorn|hypercorn|daphne|flask\s+run|streamlit\s+run|chainlit\s+run)\b/;

/** Procfile (Heroku, Dokku, foreman, honcho): one unit per process type. */
export function analyzeProcfile(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const processes = src.lines.flatMap((line, i) => {
    const match = line.match(PROCESS_LINE);
    return match ? [{ name: match[1]!, command: match[2]!.trim(), line: i + 1 }] : [];
  });
  if (processes.length === 0) return null;

  const findings = newFindings(path, 'procfile');
  for (const { name, command, line } of processes) {
    const evidence = src.evidence('procfile.unit.process', line);
    if (!evidence) continue;
    const unit = newUnit('container-service', name, path, evidence, processTrigger(src, name, command, line));
    unit.runs.push(command);
    unit.codePaths.push(...codePathsInCommand(command, src.dir));
    // `OPENAI_MODEL=gpt-4o python worker.py`: assignments before the command are its environment.
    for (const [, envName, value] of command.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=(\S*)(?=\s)/g)) {
      recordEnvEntry(src, unit, { name: envName!, value: value!, line });
    }
    findings.units.push(unit);
  }
  return src.redactFindings(findings);
}

/**
 * Heroku's conventions: `web` gets HTTP traffic, `release` runs on each deploy, a clock runs its own
 * schedule, and a `worker` runs background jobs (Heroku's worker dynos get no HTTP traffic; public
 * Procfiles name the job runner there: `python -m arq …`, `manage.py qcluster`, celery). A worker
 * whose command names no queue is still a background process; what its code starts (a chat bot's
 * `client.run(token)`) says more, and the linker reads that (link/process-triggers.ts).
 */
function processTrigger(src: ConfigSource, name: string, command: string, line: number): TriggerFinding {
  const unknown: TriggerFinding = { kind: 'unknown', schedule: null, description: `Long-running ${name} process: no queue seen`, evidence: null };
  if (name === 'web') return trigger('webhook', 'web', 'Serves HTTP requests (Procfile web process)', src.evidence('procfile.trigger.web', line)) ?? unknown;
  if (name === 'release') return trigger('chained', 'release', 'Runs on each release (release phase)', src.evidence('procfile.trigger.release', line)) ?? unknown;
  if (/clock|scheduler|cron|beat/.test(name) || /\bcelery\b.*\bbeat\b|\bapscheduler\b/.test(command)) {
    return trigger('cron', null, `Runs its own schedule (${name} process); the times are in its code`, src.evidence('procfile.trigger.clock', line)) ?? unknown;
  }
  const server = command.match(SERVER_COMMAND);
  if (server) return trigger('webhook', name, `Serves HTTP requests (${server[1]} in the ${name} process)`, src.evidence('procfile.trigger.server', line)) ?? unknown;
  const hint = queueHint(`${name} ${command}`);
  if (hint) return trigger('event', hint, `Consumes messages (${hint})`, src.evidence('procfile.trigger.worker', line)) ?? unknown;
  if (isBackgroundWorker(name, codePathsInCommand(command, src.dir))) {
    return trigger('event', 'background', `Background ${name} process: runs jobs or polls, no queue named`, src.evidence('procfile.trigger.background', line)) ?? unknown;
  }
  return unknown;
}

import type { Evidence } from '../../../shared/discovery';
import type { CallSite, Value } from './code-model';
import { callMatches, literalText, resolved } from './finding-context';
import type { FindingContext } from './finding-context';
import { scheduleOfSchedulerJobs } from './scheduler-jobs';

/**
 * Where the file can be started from: a main guard, a handler a runtime calls, a server start,
 * a route, task or flow decorator. The earliest in the file is reported, a scheduled job's before
 * any other (a unit with several triggers is known by its unattended one: an Azure Functions app's
 * timer function, not the health route above it); one is enough to make the file a deployable
 * unit's entry point.
 */
export function findEntryPoint(context: FindingContext): Evidence | null {
  return triggerCandidates(entryCandidates(context)).reduce<Evidence | null>((earliest, candidate) => (!earliest || candidate.line < earliest.line ? candidate : earliest), null);
}

/**
 * The route or web decorator of a file whose entry point is an unattended job: a Modal app with
 * `@modal.asgi_app()` serving a FastAPI app beside its `schedule=modal.Cron(…)` function, an Azure
 * Functions app with HTTP routes beside its timer. The file is then also a server, whose process
 * runs the route modules it serves (link/mounted-routes.ts); null when the entry point is the route.
 */
export function routesServedBeside(context: FindingContext, entry: Evidence | null): Evidence | null {
  if (!entry || !SCHEDULED_RULE.test(entry.ruleId)) return null;
  return entryCandidates(context).find((candidate) => ROUTE_RULE.test(candidate.ruleId)) ?? null;
}

function entryCandidates(context: FindingContext): Evidence[] {
  const { model } = context;
  const candidates: Evidence[] = [];
  /** Functions a route decorator serves: Modal's `@app.function()` above `@modal.fastapi_endpoint()` is reached over HTTP, not on demand. */
  const routed = new Set(model.calls.filter((call) => call.decorates && context.rules.entryPoint.some((rule) => ROUTE_RULE.test(rule.id) && callMatches(rule.match.decorators, call))).map((call) => call.decorates));
  for (const rule of context.rules.entryPoint) {
    if (rule.mainGuard) candidates.push(...model.mainGuards.map((line) => context.evidence(line, rule)));
    const scheduledRule = SCHEDULED_RULE.test(rule.id);
    for (const call of model.calls) {
      const matched = call.decorates ? callMatches(rule.match.decorators, call) : callMatches(rule.match.calls, call) || (call.scope === model.module && callMatches(rule.match.moduleCalls, call));
      // A scheduler's decorator schedules only when given a schedule: Modal's `@app.function()` alone is run on demand.
      if (matched && scheduledRule && call.decorates && call.args.length === 0 && !call.named.has('schedule')) continue;
      if (matched && TASK_RULE.test(rule.id) && call.decorates && routed.has(call.decorates)) continue;
      if (matched) candidates.push(context.evidence(call.line, rule));
    }
    for (const exported of model.exports) if (rule.match.exports?.test(exported.name)) candidates.push(context.evidence(exported.line, rule));
  }
  return candidates;
}

/** A job a runtime or a scheduler process starts on a schedule: the trigger a unit is known by. */
const SCHEDULED_RULE = /\.entry-point\.scheduled$/;
const ROUTE_RULE = /\.entry-point\.route-decorator$/;
const TASK_RULE = /\.entry-point\.task-decorator$/;
const MAIN_GUARD_RULE = /\.entry-point\.main-guard$/;
const SERVER_START_RULE = /\.entry-point\.server-start$/;

/** A scheduler started beside the process's other work (code rule `py.entry-point.scheduler-start`). */
const SCHEDULER_BESIDE_RULE = /\.entry-point\.scheduler-start$/;

/** How a script is launched (a main guard, `asyncio.run(main())`): it says nothing of what the script then waits for. */
const LAUNCH_RULE = /\.entry-point\.(?:main-guard|module-call)$/;

/**
 * The candidates that say what starts the file: unattended jobs first; then a server, route or
 * bot; a scheduler started beside them only when the file does nothing else but launch (an
 * AsyncIOScheduler started under a main guard is that process's trigger, one a web app starts is not).
 */
function triggerCandidates(candidates: Evidence[]): Evidence[] {
  const unattended = candidates.filter((candidate) => SCHEDULED_RULE.test(candidate.ruleId));
  if (unattended.length > 0) return unattended;
  const schedulers = candidates.filter((candidate) => SCHEDULER_BESIDE_RULE.test(candidate.ruleId));
  const others = candidates.filter((candidate) => !SCHEDULER_BESIDE_RULE.test(candidate.ruleId));
  return schedulers.length > 0 && others.every((candidate) => LAUNCH_RULE.test(candidate.ruleId)) ? schedulers : withoutGuardsOfServerStarts(others);
}

/**
 * `if __name__ == "__main__": serve_app("main:app")`: the guard above a server start is the same
 * entry, better known by the start (the linker folds the router modules a server mounts into it).
 */
function withoutGuardsOfServerStarts(candidates: readonly Evidence[]): Evidence[] {
  const starts = candidates.filter((candidate) => SERVER_START_RULE.test(candidate.ruleId));
  if (starts.length === 0) return [...candidates];
  return candidates.filter((candidate) => !MAIN_GUARD_RULE.test(candidate.ruleId) || !starts.some((start) => start.line > candidate.line));
}

/**
 * Entry points whose code sets a schedule: the unattended ones, and a scheduler started beside
 * other work (an AsyncIOScheduler in a bot), which is the trigger only when nothing else starts the file.
 */
export const SCHEDULED_ENTRY_RULE = /\.entry-point\.(?:scheduled|scheduler-start)$/;

/**
 * The schedule a scheduled job's call is given: `cron.schedule(NIGHTLY, …)` with the expression in
 * a constant, Inngest's `createFunction({ id }, { cron: '0 3 * * *' }, …)` or `{ triggers: [{ cron }] }`,
 * Trigger.dev's `schedules.task({ cron })`, the jobs an APScheduler scheduler started here runs. Null when the call names none (an event trigger).
 */
export function scheduleOfEntry(context: FindingContext, entry: Evidence | null): string | null {
  if (!entry || !SCHEDULED_ENTRY_RULE.test(entry.ruleId)) return null;
  const rule = context.rules.entryPoint.find((r) => r.id === entry.ruleId);
  const call = context.model.calls.find((site) => site.line === entry.line && callMatches(site.decorates ? rule?.match.decorators : rule?.match.calls, site));
  if (!call) return null;
  // Firebase's `pubsub.schedule('every 5 minutes').onRun(…)`: the schedule is the receiver call's argument.
  const receiver = /\.schedule\(\)?\.onRun$/.test(call.callee) ? context.model.calls.find((site) => site.line === call.line && site !== call && /\.schedule$/.test(site.callee)) : undefined;
  return cronIn(context, call) ?? (receiver ? cronIn(context, receiver) : null) ?? scheduleOfSchedulerJobs(context, call);
}

function cronIn(context: FindingContext, call: CallSite): string | null {
  // The first argument (`cron.schedule('0 3 * * *', …)`), else a `schedule=` keyword (Azure Functions' timer decorator).
  for (const value of [call.args[0], call.named.get('schedule')]) {
    const text = literalText(resolved(context.model, value)) ?? scheduleObject(context, value);
    if (text && isSchedule(text)) return text;
  }
  for (const value of [...call.args, ...call.named.values()]) {
    const found = cronEntry(context, value, 2);
    if (found) return found;
  }
  return null;
}

/**
 * Modal's schedules: `modal.Cron("0 9 * * 1", timezone=…)` holds a cron expression;
 * `modal.Period(hours=6)` an interval, said as App Engine does ("every 6 hours").
 */
function scheduleObject(context: FindingContext, value: Value | undefined): string | null {
  const made = resolved(context.model, value);
  if (made?.kind !== 'call') return null;
  const { callee, args, named } = made.call;
  if (/(^|\.)Cron$/.test(callee)) return literalText(resolved(context.model, args[0]));
  if (!/(^|\.)Period$/.test(callee)) return null;
  const parts = [...named].flatMap(([unit, amount]) => {
    const count = literalText(amount);
    if (!count || !/^\d+(\.\d+)?$/.test(count) || !/^(weeks|days|hours|minutes|seconds)$/.test(unit)) return [];
    return [count === '1' ? unit.slice(0, -1) : `${count} ${unit}`];
  });
  return parts.length > 0 ? `every ${parts.join(' ')}` : null;
}

function cronEntry(context: FindingContext, value: Value | undefined, depth: number): string | null {
  const object = resolved(context.model, value);
  if (object?.kind === 'list' && depth > 0) {
    for (const item of object.items) {
      const found = cronEntry(context, item, depth - 1);
      if (found) return found;
    }
    return null;
  }
  if (object?.kind !== 'object') return null;
  for (const entry of object.entries) {
    // `cronTime` is the cron package's (`CronJob.from({ cronTime })`); Trigger.dev v3 writes `cron: { pattern, timezone }`.
    if (entry.key === 'cron' || entry.key === 'schedule' || entry.key === 'cronTime' || entry.key === 'pattern') {
      const text = literalText(resolved(context.model, entry.value));
      if (text && isSchedule(text)) return text;
    }
    if ((entry.key === 'cron' || entry.key === 'triggers') && depth > 0) {
      const found = cronEntry(context, entry.value, depth - 1);
      if (found) return found;
    }
  }
  return null;
}

/** A cron expression, or an App Engine style schedule (Firebase `onSchedule('every day 02:00')`). */
function isSchedule(text: string): boolean {
  return CRON_EXPRESSION.test(text) || /^every \S/i.test(text);
}

/** Five or six cron fields, optionally after a `TZ=Europe/Paris ` prefix (Inngest). */
const CRON_EXPRESSION = /^(?:(?:CRON_)?TZ=\S+\s+)?(?:[\d*/,?LW#A-Za-z-]+\s+){4,5}[\d*/,?LW#A-Za-z-]+$/;

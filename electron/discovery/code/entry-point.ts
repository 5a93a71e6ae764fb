import type { Evidence } from '../../../shared/discovery';
import { callMatches } from './finding-context';
import type { FindingContext } from './finding-context';

/**
 * Where the file can be started from: a main guard, a handler a runtime calls, a server start,
 * a route, task or flow decorator. The earliest in the file is reported; one is enough to make
 * the file a deployable unit's entry point.
 */
export function findEntryPoint(context: FindingContext): Evidence | null {
  const { model } = context;
  const candidates: Evidence[] = [];
  for (const rule of context.rules.entryPoint) {
    if (rule.mainGuard) candidates.push(...model.mainGuards.map((line) => context.evidence(line, rule)));
    for (const call of model.calls) {
      const matched = call.decorates ? callMatches(rule.match.decorators, call) : callMatches(rule.match.calls, call) || (call.scope === model.module && callMatches(rule.match.moduleCalls, call));
      if (matched) candidates.push(context.evidence(call.line, rule));
    }
    for (const exported of model.exports) if (rule.match.exports?.test(exported.name)) candidates.push(context.evidence(exported.line, rule));
  }
  return candidates.reduce<Evidence | null>((earliest, candidate) => (!earliest || candidate.line < earliest.line ? candidate : earliest), null);
}

import { posix } from 'node:path';
import type { ConfigFindings } from '../findings';
import type { ConfigContext } from './context';
import { parseJsonDocument } from './json-document';
import { ConfigSource } from './source';
import { cronTrigger, newFindings, newUnit, noTrigger } from './units';
import { asArray, asRecord, asText } from './values';

/**
 * The cron jobs of a vercel.json: `"crons": [{ "path": "/api/cron/digest", "schedule": "0 7 * * *" }]`.
 * Vercel calls the route at that path on the schedule (in UTC), so the route's code runs
 * unattended: each job is a scheduled task whose entry is the file serving the path, in whichever
 * layout the project uses (Next.js app or pages router, with or without src/, or a Vercel Function
 * in api/). The linker keeps the candidates that exist.
 */
export function analyzeVercelCrons(path: string, text: string, ctx: ConfigContext): ConfigFindings | null {
  const src = new ConfigSource(path, text, ctx);
  const doc = parseJsonDocument(src);
  const crons = asArray(asRecord(doc.value)?.crons);
  if (crons.length === 0) return null;
  const findings = newFindings(path, 'vercel');
  crons.forEach((value, i) => {
    const cron = asRecord(value);
    const route = asText(cron?.path)?.split(/[?#]/)[0]?.replace(/\/+$/, '');
    const schedule = asText(cron?.schedule);
    const evidence = src.evidence('vercel.unit.cron', doc.lineOf(['crons', i, 'path']));
    if (!route?.startsWith('/') || !schedule || !evidence) return;
    const trigger = cronTrigger(schedule, src.evidence('vercel.trigger.cron', doc.lineOf(['crons', i, 'schedule'])), 'UTC') ?? noTrigger('Vercel cron job');
    const unit = newUnit('scheduled-task', route, path, evidence, trigger);
    unit.runs.push(`GET ${route}`);
    unit.codePaths.push(...routeFiles(src.dir, route));
    findings.units.push(unit);
  });
  return findings.units.length > 0 ? src.redactFindings(findings) : null;
}

/** The files that may serve `route` in a project at `dir`; extensions and index files are the linker's to try. */
function routeFiles(dir: string, route: string): string[] {
  const at = (...parts: string[]) => posix.join(dir || '.', ...parts);
  const relative = route.slice(1);
  return [at('app', relative, 'route'), at('src/app', relative, 'route'), at('pages', relative), at('src/pages', relative), ...(relative.startsWith('api/') ? [at(relative)] : [])];
}

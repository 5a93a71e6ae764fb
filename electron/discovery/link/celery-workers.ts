import { runsCeleryWorker } from '../config/commands';
import type { UnitFinding } from '../findings';
import type { CodeIndex } from './resolve-code';

/**
 * The task modules a Celery worker unit runs beside the app module its command names: those the
 * app lists in `include=` (code/celery-includes.ts). The app module imports none of them, so
 * without this the worker would hold none of its tasks' code.
 */
export function celeryWorkerTaskFiles(unit: UnitFinding, entries: readonly string[], index: CodeIndex): string[] {
  if (!unit.runs.some(runsCeleryWorker)) return [];
  const files = entries.flatMap((entry) => (index.get(entry)?.celeryTaskModules ?? []).map((module) => index.resolveImport(module, entry)));
  return [...new Set(files.filter((path): path is string => path !== null && !entries.includes(path)))];
}

import { posix } from 'node:path';
import type { CodeFindings } from '../findings';
import { importClosure, type CodeIndex } from './resolve-code';

const TASK_DECORATOR = 'py.entry-point.task-decorator';

/**
 * Task definitions another entry point of their project runs: a module of decorated tasks
 * (Temporal `@workflow.defn` / `@activity.defn`, Celery `@app.task`) is an entry point only for the
 * process that registers it. When a worker script of the same project imports it (temporalio's
 * `Worker(workflows=[AgentWorkflow], activities=[...])`, a Celery app module), the tasks are that
 * worker's code, one item, not an item per decorated file. A task module no other entry reaches
 * stays its own entry point (an Airflow DAG file, a Celery module started by `celery -A`).
 */
export function tasksRegisteredByEntries(entries: readonly CodeFindings[], reachOf: (path: string) => readonly string[], index: CodeIndex): Set<string> {
  const tasks = entries.filter((entry) => entry.entryPoint?.ruleId === TASK_DECORATOR);
  if (tasks.length === 0) return new Set();
  const runners = entries.filter((entry) => entry.entryPoint?.ruleId !== TASK_DECORATOR);
  const registered = new Set<string>();
  for (const runner of runners) {
    const project = index.projectOf(posix.dirname(runner.path));
    const reach = new Set(reachOf(runner.path));
    for (const task of tasks) if (reach.has(task.path) && index.projectOf(posix.dirname(task.path)) === project) registered.add(task.path);
  }
  return registered;
}

/**
 * What an entry file runs in its own process. A script that starts Temporal workflows imports the
 * workflow class only to name the run (`client.execute_workflow(AgentWorkflow.run, …)`): the
 * workflow and the activities it calls run in the worker, so the decorated task modules (and what
 * only they import) are not the script's code, and a script that does nothing else is a caller.
 */
export function entryClosure(path: string, index: CodeIndex): string[] {
  const file = index.get(path);
  if (!file?.remoteAgents?.some((target) => target.platform === 'temporal')) return importClosure([path], index);
  const isTask = (p: string) => p !== path && index.get(p)?.entryPoint?.ruleId === TASK_DECORATOR;
  return importClosure([path], index, 4, isTask);
}

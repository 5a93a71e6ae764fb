import type { CodeModel, Value } from './code-model';

/**
 * The task modules a Celery app names when it is built: `Celery("ops", include=["app.tasks.billing"])`.
 * A worker started on the app's module (`celery -A app.celery_app worker`) imports them at start
 * and runs their tasks, though the app module itself imports none of them (the task modules import
 * the app for `@app.task`). Kept apart from the file's imports: only that worker runs them, not
 * every module that imports the app to send a task.
 */
export function celeryTaskModules(model: CodeModel): string[] {
  if (model.language !== 'python') return [];
  const modules = model.calls.filter((call) => call.callee === 'celery.Celery').flatMap((call) => stringItems(call.named.get('include')));
  return [...new Set(modules)];
}

/** The plain string literals of a list or tuple (`["a.tasks", "b.tasks"]`). */
function stringItems(value: Value | undefined): string[] {
  if (value?.kind !== 'list') return [];
  return value.items.flatMap((item) => (item.kind === 'string' && !item.interpolated ? [item.text] : []));
}

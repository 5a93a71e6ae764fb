import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type Transferable as WorkerTransferable } from 'node:worker_threads';

/**
 * Starts one of the engine's worker entries ('job-worker', 'analyzer-worker', 'usage-parse-worker'): the bundled
 * <name>.js beside this code in a build (electron.vite.config.ts lists them as inputs), or the
 * TypeScript source under the tests, loaded through tsx's loader registered inside the worker
 * thread (Node 20 workers do not take `--import` from execArgv).
 */
export function startEngineWorker(name: 'job-worker' | 'analyzer-worker' | 'usage-parse-worker', workerData: unknown, sourceDir: string, transferList: WorkerTransferable[] = []): Worker {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, `${name}.js`);
  if (existsSync(built)) return new Worker(built, { workerData, transferList });
  const source = join(sourceDir, `${name}.ts`);
  if (!existsSync(source)) throw new Error(`${name} not found next to ${here}; run the build first.`);
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(source).href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, transferList });
}

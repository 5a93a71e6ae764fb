import type { MethodName, InputOf, OutputOf } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { tempDir } from '../store/test-workspace';
import { createEngine } from './engine';
import type { Engine } from './engine-types';

/** A real engine on a temp home folder, with a typed `call` that throws like the renderer's Backend. */
export async function testEngine(options: { openLastWorkspace?: boolean; hostStallBudgetMs?: number } = {}) {
  const tmp = tempDir('atw-engine-');
  const engine: Engine = await createEngine({
    homeDir: tmp.file('home'),
    host: 'test',
    version: '0.0.0-test',
    defaultActor: 'tester',
    openLastWorkspace: options.openLastWorkspace ?? false,
    ...(options.hostStallBudgetMs === undefined ? {} : { hostStallBudgetMs: options.hostStallBudgetMs }),
  });
  async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    const result = await engine.dispatch(method, input, { actor: '', via: 'test' });
    if (!result.ok) throw BackendError.fromData(result.error);
    return result.value as OutputOf<M>;
  }
  /** Polls a background job until it ends, as the UI does. */
  async function finished(jobId: string): Promise<OutputOf<'getJob'>> {
    for (;;) {
      const job = await call('getJob', { jobId });
      if (job.state !== 'running') return job;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  /** One registry file through the one import pipeline: its row-by-row plan, or the refusal it would fail with. */
  async function previewRegistry(file: { fileName: string; contentBase64: string }) {
    const [preview] = await call('previewImport', { files: [file] });
    if (preview?.refusal) throw BackendError.fromData(preview.refusal);
    if (!preview?.registry) throw new Error(`${file.fileName} was read as ${preview?.formatLabel ?? 'nothing'}, not a registry file`);
    return preview.registry;
  }
  /** Starts importing one file, leaving out `skipRows` of it (the registry's explicit skip). */
  function startFileImport(file: { fileName: string; contentBase64: string }, skipRows: number[] = []) {
    return call('startImport', { files: [file], skipRows: { [file.fileName]: skipRows } });
  }
  return {
    engine,
    call,
    finished,
    previewRegistry,
    startFileImport,
    tmp,
    close: async () => {
      await engine.close();
      tmp.cleanup();
    },
  };
}

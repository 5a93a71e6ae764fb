import type { MethodName, InputOf, OutputOf } from '../../shared/contract';
import { BackendError } from '../../shared/errors';
import { tempDir } from '../store/test-workspace';
import { createEngine } from './engine';
import type { Engine } from './engine-types';

/** A real engine on a temp home folder, with a typed `call` that throws like the renderer's Backend. */
export async function testEngine(options: { openLastWorkspace?: boolean } = {}) {
  const tmp = tempDir('atw-engine-');
  const engine: Engine = await createEngine({
    homeDir: tmp.file('home'),
    host: 'test',
    version: '0.0.0-test',
    defaultActor: 'tester',
    openLastWorkspace: options.openLastWorkspace ?? false,
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
  return {
    engine,
    call,
    finished,
    tmp,
    close: async () => {
      await engine.close();
      tmp.cleanup();
    },
  };
}

import { BackendError } from '../../shared/errors';

/** The BackendError `run` throws; fails the test when it throws something else or nothing. */
export function backendErrorOf(run: () => unknown): BackendError {
  try {
    run();
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected a BackendError');
}

/** The BackendError `work` rejects with; fails the test when it rejects otherwise or resolves. */
export async function backendRejectionOf(work: Promise<unknown> | (() => Promise<unknown>)): Promise<BackendError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected a BackendError');
}

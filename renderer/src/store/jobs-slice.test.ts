import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobStatus } from '../../../shared/contract';
import { fakeBackend, importRecord, jobStatus } from '../testing/fake-backend';
import { createAppStore } from './index';
import { JOB_POLL_MS } from './jobs-slice';

describe('jobs slice', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('polls every 200 ms until the job leaves running, recording each status', async () => {
    const answers: JobStatus[] = [
      jobStatus({ progress: { done: 2, total: 10, message: '' } }),
      jobStatus({ progress: { done: 7, total: 10, message: '' } }),
      jobStatus({ state: 'succeeded', progress: { done: 10, total: 10, message: '' }, result: { kind: 'import', value: [importRecord({ counts: { created: 3, updated: 1, unchanged: 6 } })] } }),
    ];
    let polls = 0;
    const store = createAppStore(fakeBackend({ getJob: async () => answers[polls++] ?? jobStatus() }));
    const finished = store.getState().trackJob('job-1');
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().jobs['job-1']?.progress.done).toBe(2);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    expect(store.getState().jobs['job-1']?.progress.done).toBe(7);
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    await expect(finished).resolves.toMatchObject({ state: 'succeeded' });
    expect(polls).toBe(3);
  });

  it('cancel asks the engine and the tracking loop ends on the cancelled state', async () => {
    let state: JobStatus['state'] = 'running';
    const store = createAppStore(
      fakeBackend({
        getJob: async () => jobStatus({ state }),
        cancelJob: async () => {
          state = 'cancelled';
          return jobStatus({ state });
        },
      }),
    );
    const finished = store.getState().trackJob('job-1');
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    await store.getState().cancelJob('job-1');
    expect(store.getState().jobs['job-1']?.state).toBe('cancelled');
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS);
    await expect(finished).resolves.toMatchObject({ state: 'cancelled' });
  });
});

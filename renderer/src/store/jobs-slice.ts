import type { JobStatus } from '../../../shared/contract';
import type { SliceCreator } from './app-state';

export interface JobsSlice {
  jobs: Record<string, JobStatus>;
  /** Polls the job until it leaves 'running' and resolves to its final status; rejects if the host stops answering. */
  trackJob: (jobId: string) => Promise<JobStatus>;
  /** Asks the engine to stop; the tracking loop sees the 'cancelled' state on its next poll. */
  cancelJob: (jobId: string) => Promise<void>;
}

export const JOB_POLL_MS = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const createJobsSlice: SliceCreator<JobsSlice> = (backend) => (set) => {
  const record = (status: JobStatus) => set((s) => ({ jobs: { ...s.jobs, [status.id]: status } }));
  return {
    jobs: {},
    trackJob: async (jobId) => {
      for (;;) {
        const status = await backend.getJob({ jobId });
        record(status);
        if (status.state !== 'running') return status;
        await sleep(JOB_POLL_MS);
      }
    },
    cancelJob: async (jobId) => {
      record(await backend.cancelJob({ jobId }));
    },
  };
};

import { setTimeout as delay } from 'node:timers/promises';
import type { JobStatus } from '../../shared/contract';
import type { Engine } from '../api/engine-types';
import type { CommandContext } from './command';
import { callEngine } from './engine-session';

/** Polls quickly at first (most CLI jobs end within a few hundred ms), then every 100 ms. */
const FIRST_POLL_MS = 5;
const POLL_INTERVAL_MS = 100;

/**
 * Polls a job until it ends, drawing its progress on the terminal. Ctrl+C cancels the job rather
 * than killing the process, so the engine can leave the workspace as it was.
 */
export async function waitForJob(engine: Pick<Engine, 'dispatch'>, jobId: string, ctx: CommandContext, options: { logSteps?: boolean } = {}): Promise<JobStatus> {
  let cancelSent = false;
  let lastStep = '';
  let wait = FIRST_POLL_MS;
  try {
    for (;;) {
      const job = await callEngine(engine, 'getJob', { jobId });
      if (job.state !== 'running') return job;
      ctx.showProgress(progressLine(job));
      // A job of a few named steps (a PDF export) says each one on stderr off a terminal too, so CI logs show where it stopped.
      if (options.logSteps && !ctx.io.stderr.isTTY && job.progress.message !== lastStep) {
        lastStep = job.progress.message;
        ctx.io.stderr.write(`${progressLine(job)}\n`);
      }
      if (ctx.io.stopSignal?.aborted && !cancelSent) {
        cancelSent = true;
        await callEngine(engine, 'cancelJob', { jobId });
      }
      await delay(wait);
      wait = Math.min(POLL_INTERVAL_MS, wait * 2);
    }
  } finally {
    ctx.clearProgress();
  }
}

function progressLine(job: JobStatus): string {
  const { done, total, message } = job.progress;
  const amount = total > 0 ? ` ${Math.floor((done / total) * 100)}% (${done}/${total})` : '';
  return `${job.title}:${amount}${message ? ` ${message}` : ''}`;
}

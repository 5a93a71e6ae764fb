import type { ExportedFile, JobStatus } from '../../shared/contract';

/** An engine call that throws on an error answer, as the tests' helpers do. */
type Call = (method: 'startWorkspaceExport' | 'getJob' | 'takeWorkspaceExport', input: { format: string } | { jobId: string }) => Promise<unknown>;

/** A workspace export as the Exports page makes it: start the job, wait for it, take the file. */
export async function exportThroughJob(call: Call, format: string): Promise<ExportedFile> {
  const { id } = (await call('startWorkspaceExport', { format })) as JobStatus;
  for (;;) {
    const job = (await call('getJob', { jobId: id })) as JobStatus;
    if (job.state === 'succeeded') break;
    if (job.state !== 'running') throw new Error(`The ${format} export ${job.state}: ${job.error?.message ?? ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return (await call('takeWorkspaceExport', { jobId: id })) as ExportedFile;
}

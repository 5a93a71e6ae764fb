import { describe, expect, it } from 'vitest';
import { emptyCodeFindings, type CodeFindings } from '../findings';
import { makeEvidence } from '../evidence';
import { triggerOfEntryPoint } from './entry-point-triggers';

/** An entry point as the analyzer reports it: the schedule, when it could read one, beside the line (code/entry-point.ts). */
function entry(ruleId: string, snippet: string, entrySchedule?: string): CodeFindings {
  return { ...emptyCodeFindings('src/job.ts', 'typescript'), entryPoint: makeEvidence('src/job.ts', 4, snippet, ruleId, 0.9), ...(entrySchedule ? { entrySchedule } : {}) };
}

describe('the trigger of a code entry point', () => {
  it('a schedule written in code is a cron trigger, in words when the analyzer read it', () => {
    expect(triggerOfEntryPoint(entry('ts.entry-point.scheduled', "cron.schedule('0 7 * * 1-5', async () => {", '0 7 * * 1-5'))).toMatchObject({ kind: 'cron', schedule: '0 7 * * 1-5', description: expect.stringContaining('07:00') });
    expect(triggerOfEntryPoint(entry('ts.entry-point.scheduled', "export const sweep = onSchedule('every day 02:00', async () => {", 'every day 02:00'))).toMatchObject({ kind: 'cron', schedule: 'every day 02:00', description: 'Runs every day 02:00' });
    // The schedule of another rule's entry (a route's line that happens to hold a cron-like string) is no schedule.
    expect(triggerOfEntryPoint(entry('ts.entry-point.route', "app.post('/jobs', run) // '0 7 * * 1-5'", '0 7 * * 1-5'))).toMatchObject({ kind: 'user' });
    expect(triggerOfEntryPoint(entry('ts.entry-point.scheduled', 'new CronJob(SCHEDULE, run).start()'))).toMatchObject({ kind: 'cron', schedule: null, description: 'Runs on a schedule set in code' });
  });

  it('document, message and queue triggers are events; callable functions and routes are HTTP', () => {
    expect(triggerOfEntryPoint(entry('ts.entry-point.scheduled', "export const onDispute = onDocumentCreated('disputes/{id}', async (event) => {"))).toMatchObject({ kind: 'event' });
    expect(triggerOfEntryPoint(entry('py.entry-point.queue-worker', '    await worker.run()'))).toMatchObject({ kind: 'event', description: 'Runs when its event arrives' });
    expect(triggerOfEntryPoint(entry('ts.entry-point.cloud-function', 'export const refundDecision = onCallGenkit(opts, refundDecisionFlow)'))).toMatchObject({ kind: 'user', description: 'Runs when its HTTP endpoint is called' });
    expect(triggerOfEntryPoint(entry('ts.entry-point.route', "app.post('/chat', async (req, res) => {"))).toMatchObject({ kind: 'user', description: 'Runs when its HTTP endpoint is called' });
    expect(triggerOfEntryPoint(entry('py.entry-point.main-guard', "if __name__ == '__main__':"))).toMatchObject({ kind: 'user', description: 'Started by a person or a process we did not see' });
  });
});

describe('a schedule the entry call names in its arguments', () => {
  it('is the trigger when the line does not write it (Inngest createFunction({ cron }))', () => {
    const file = entry('ts.entry-point.scheduled', 'export const nightlyDigest = inngest.createFunction(', 'TZ=Europe/Paris 0 3 * * *');
    expect(triggerOfEntryPoint(file)).toMatchObject({ kind: 'cron', schedule: 'TZ=Europe/Paris 0 3 * * *', description: expect.stringContaining('03:00') });
    expect(triggerOfEntryPoint(entry('ts.entry-point.scheduled', 'export const resolveDispute = inngest.createFunction('))).toMatchObject({ kind: 'event' });
  });
});

import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendError } from '../shared/errors';
import { workspaceDigest } from '../electron/fuzz/workspace-snapshot';
import { runImport } from '../electron/imports/run-import';
import { cancelledError, inlineJobContext, type JobContext } from '../electron/jobs/job-context';
import { createWorkspaceFile } from '../electron/store/workspace-file';
import { FULL_IAM_ORG, generateAwsOrganisation } from './generate-iam-org';
import { row } from './stats';

/** The size of the export given by path; `npm test` imports a 20 MB one (electron/imports/run-import.test.ts). */
const TARGET_MB = 200;

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/**
 * `npm run bench large-import`: a 200 MB AWS authorization details export given by path (the
 * generated 5,000-role account, pretty-printed as `aws iam get-account-authorization-details >
 * file` saves it, padded with indentation to 200 MB) is imported through the pipeline: time,
 * progress messages and peak RSS. A cancel half-way through reading, and one during apply, must
 * leave the workspace digest unchanged; a file over the 512 MB limit must be refused before reading.
 */
export async function largeImportBench(): Promise<void> {
  console.log(`\nA ${TARGET_MB} MB export given by path (AWS authorization details, ${FULL_IAM_ORG.roles.toLocaleString('en-US')} roles)`);
  const dir = mkdtempSync(join(tmpdir(), 'atw-large-import-'));
  try {
    const path = join(dir, 'authorization-details.json');
    const pretty = JSON.stringify(JSON.parse(generateAwsOrganisation(FULL_IAM_ORG).json), null, 4);
    const fd = openSync(path, 'w');
    writeSync(fd, pretty);
    // Padding in 8 MB blocks, so the bench never holds a second 200 MB string.
    const block = ' '.repeat(8 * 1024 * 1024);
    for (let left = TARGET_MB * 1024 * 1024 - pretty.length; left > 0; left -= block.length) writeSync(fd, left >= block.length ? block : block.slice(0, left));
    writeSync(fd, '\n');
    closeSync(fd);
    const sizeMb = statSync(path).size / 1_048_576;
    row('file size', `${sizeMb.toFixed(0)} MB (${(pretty.length / 1_048_576).toFixed(0)} MB of JSON)`);
    row('peak RSS before importing', `${peakRssMb()} MB`);

    const ws = createWorkspaceFile(join(dir, 'w.atw'));
    try {
      const empty = workspaceDigest(ws.db);
      const files = [{ fileName: 'authorization-details.json', path }];

      // Cancel half-way through reading the file.
      let readMb = 0;
      const cancelReading: JobContext = {
        ...inlineJobContext(ws, { actor: 'bench', via: 'bench' }),
        progress: (done, total) => {
          if (total > 1_000_000) readMb = done / 1_048_576;
        },
        throwIfCancelled: () => {
          if (readMb >= TARGET_MB / 2) throw cancelledError();
        },
      };
      let started = performance.now();
      const reading = await outcome(runImport(cancelReading, { files, mode: 'apply', skipRows: {} }));
      row('cancel half-way through reading: outcome, time', `${reading}, ${((performance.now() - started) / 1000).toFixed(1)} s`, 'cancelled');
      row('  workspace unchanged', String(workspaceDigest(ws.db) === empty), 'true');

      // Cancel during apply: the first cancel check inside the write transaction.
      const cancelApply: JobContext = {
        ...inlineJobContext(ws, { actor: 'bench', via: 'bench' }),
        throwIfCancelled: () => {
          if (ws.db.inTransaction) throw cancelledError();
        },
      };
      started = performance.now();
      const applying = await outcome(runImport(cancelApply, { files, mode: 'apply', skipRows: {} }));
      row('cancel during apply: outcome, time', `${applying}, ${((performance.now() - started) / 1000).toFixed(1)} s`, 'cancelled');
      row('  workspace unchanged', String(workspaceDigest(ws.db) === empty), 'true');

      const messages: string[] = [];
      const recording: JobContext = { ...inlineJobContext(ws, { actor: 'bench', via: 'bench' }), progress: (_d, _t, message) => messages.push(message) };
      started = performance.now();
      const result = await outcome(runImport(recording, { files, mode: 'apply', skipRows: {} }));
      const seconds = (performance.now() - started) / 1000;
      row('import: outcome, time', `${result}, ${seconds.toFixed(1)} s`);
      row('  reading progress messages', String(messages.filter((m) => m.startsWith('Reading authorization-details.json:')).length));
      row('  last progress message', messages.at(-1) ?? '(none)');
      const principals = (ws.db.prepare('SELECT COUNT(*) AS n FROM iam_principals').get() as { n: number }).n;
      const grants = (ws.db.prepare('SELECT COUNT(*) AS n FROM iam_grants').get() as { n: number }).n;
      row('  principals / grants written', `${principals.toLocaleString('en-US')} / ${grants.toLocaleString('en-US')}`);
      row('  peak RSS', `${peakRssMb()} MB`);
    } finally {
      ws.close();
    }

    // Over the limit: refused from its size, before a byte is read (a sparse file takes no disk).
    const huge = join(dir, 'huge.json');
    closeSync(openSync(huge, 'w'));
    const fdHuge = openSync(huge, 'r+');
    writeSync(fdHuge, ' ', 600 * 1024 * 1024);
    closeSync(fdHuge);
    const ws2 = createWorkspaceFile(join(dir, 'w2.atw'));
    try {
      const refused = await outcome(runImport(inlineJobContext(ws2), { files: [{ fileName: 'huge.json', path: huge }], mode: 'apply', skipRows: {} }));
      row('a 600 MB file', refused.slice(0, 120));
    } finally {
      ws2.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'imported';
  } catch (error) {
    if (error instanceof BackendError) return error.code === 'cancelled' ? 'cancelled' : `refused (${error.code}): ${error.message}`;
    return `CRASH: ${error instanceof Error ? error.message : String(error)}`;
  }
}

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../shared/errors';
import { createAgent } from '../agents/agents-repository';
import { workspaceDigest } from '../fuzz/workspace-snapshot';
import { runImport } from '../imports/run-import';
import { inlineJobContext } from '../jobs/job-context';
import { tempDir } from '../store/test-workspace';
import { createWorkspaceFile, type Workspace } from '../store/workspace-file';
import { productiveUnitsOf } from './usage-agents';

const alice = { actor: 'alice', via: 'test' };
const SHEET = readFileSync(new URL('./formats/fixtures/productive-units.csv', import.meta.url), 'utf8');
const upload = (fileName: string, text: string) => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') });

async function importSheet(ws: Workspace, fileName: string, text: string) {
  return (await runImport(inlineJobContext(ws, alice), { files: [upload(fileName, text)], mode: 'apply', skipRows: {} })).value;
}

describe('importing productive units', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ws: Workspace;
  const ids: Record<string, string> = {};
  beforeEach(() => {
    tmp = tempDir('atw-units-');
    ws = createWorkspaceFile(tmp.file('w.atw'));
    for (const name of ['Dispute Resolution Assistant', 'KYC Document Reviewer', 'Support Reply Drafter']) ids[name] = createAgent(ws.db, { name }, alice);
  });
  afterEach(() => {
    ws.close();
    tmp.cleanup();
  });

  it('reads a sheet of unit counts per agent and period, names matched ignoring case; the same period again updates the count', async () => {
    const [record] = await importSheet(ws, 'units.csv', SHEET);
    expect(record!.formatLabel).toBe('Productive units (CSV)');
    expect(record!.counts['unit counts']).toBe(3);
    expect(productiveUnitsOf(ws.db, ids['Dispute Resolution Assistant']!)).toEqual([expect.objectContaining({ unit: 'disputes resolved', from: '2026-11-01', to: '2026-11-30', count: 1240 })]);
    expect(productiveUnitsOf(ws.db, ids['Support Reply Drafter']!)).toEqual([expect.objectContaining({ unit: 'replies drafted', count: 1402 })]);
    await importSheet(ws, 'units-corrected.csv', SHEET.replace('8315', '8400'));
    expect(productiveUnitsOf(ws.db, ids['KYC Document Reviewer']!)).toEqual([expect.objectContaining({ unit: 'documents reviewed', count: 8400 })]);
    expect(ws.db.prepare(`SELECT before, after FROM audit_log WHERE entity = 'agent' AND entity_id = ? AND field = 'productive units' ORDER BY id`).all(ids['KYC Document Reviewer'])).toEqual([
      { before: null, after: '8,315 documents reviewed, 2026-11-01 to 2026-11-30' },
      { before: '8,315 documents reviewed, 2026-11-01 to 2026-11-30', after: '8,400 documents reviewed, 2026-11-01 to 2026-11-30' },
    ]);
  });

  it('refuses the whole sheet, with every problem and its line, when a row is wrong or names no agent', async () => {
    const before = workspaceDigest(ws.db);
    const bad = `${SHEET}Invoice Chaser,invoices,2026-11-01,2026-11-30,10\nKYC Document Reviewer,pages,2026-11-31,2026-11-01,-3\n`;
    let refusal: unknown;
    try {
      await importSheet(ws, 'units.csv', bad);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(BackendError);
    const error = refusal as BackendError;
    expect(error.message).toMatch(/^units\.csv at line 5: No agent named "Invoice Chaser"/);
    expect((error.details as Array<{ position: string; message: string }>).map((d) => d.position)).toEqual(['line 5', 'line 6']);
    expect((error.details as Array<{ message: string }>)[1]!.message).toMatch(/"2026-11-31" in From is not a date.*"-3" in Count is not a whole number/);
    expect(workspaceDigest(ws.db)).toBe(before);
  });

  it('is not taken for a registry sheet, and a registry sheet is not taken for it', async () => {
    const [record] = await importSheet(ws, 'agents.csv', 'Agent Name,Status\nNew agent,confirmed\n');
    expect(record!.format).toBe('registry-csv');
  });
});

import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/test-workspace';
import { APP_STALL_BUDGET_MS, CLI_STALL_BUDGET_MS } from '../api/host-stall-budget';
import { importRunsOnHostThread, importWeightOf } from './import-placement';

/**
 * Where an import runs: on the host's thread when its predicted work is shorter than the stall
 * the host can take (the app: a tenth of a second; the CLI, whose thread only draws progress and
 * waits for Ctrl+C: a second), else in a job worker, whose start-up (about 0.2 s, more for a
 * workbook) then buys a thread that answers while the file is read.
 */

const KB = 1024;
const MB = 1024 * KB;
const csv = (bytes: number) => ({ bytes, zipped: false });
const workbook = (bytes: number) => ({ bytes, zipped: true });

describe('where an import runs', () => {
  it('reads a ten-row sheet on the host thread everywhere: a worker would be most of the wait', () => {
    expect(importRunsOnHostThread([csv(2 * KB)], APP_STALL_BUDGET_MS)).toBe(true);
    expect(importRunsOnHostThread([csv(2 * KB)], CLI_STALL_BUDGET_MS)).toBe(true);
    expect(importRunsOnHostThread([workbook(9 * KB)], APP_STALL_BUDGET_MS)).toBe(true);
  });

  it('imports a CSV just over 2 MiB on the command line thread (about half a second), and in a worker from the app', () => {
    const justOver = [csv(2 * MB + 10 * KB)];
    expect(importRunsOnHostThread(justOver, CLI_STALL_BUDGET_MS)).toBe(true);
    expect(importRunsOnHostThread(justOver, APP_STALL_BUDGET_MS)).toBe(false);
  });

  it('sends a CSV of several megabytes to a worker even from the command line, so progress is drawn and Ctrl+C answers while it is read', () => {
    expect(importRunsOnHostThread([csv(6 * MB)], CLI_STALL_BUDGET_MS)).toBe(false);
  });

  it('weighs a workbook by what it unpacks to: a 250 KB XLSX (about 3,000 rows) leaves the app thread although a 250 KB CSV would not', () => {
    expect(importRunsOnHostThread([csv(250 * KB)], APP_STALL_BUDGET_MS)).toBe(true);
    expect(importRunsOnHostThread([workbook(250 * KB)], APP_STALL_BUDGET_MS)).toBe(false);
    expect(importRunsOnHostThread([workbook(250 * KB)], CLI_STALL_BUDGET_MS)).toBe(true);
    expect(importRunsOnHostThread([workbook(2 * MB)], CLI_STALL_BUDGET_MS)).toBe(false);
  });

  it('adds up the files of one import: ten small sheets together can be too long for the app thread', () => {
    expect(importRunsOnHostThread([csv(100 * KB)], APP_STALL_BUDGET_MS)).toBe(true);
    expect(importRunsOnHostThread(Array.from({ length: 10 }, () => csv(100 * KB)), APP_STALL_BUDGET_MS)).toBe(false);
  });

  it('runs everything in a worker with no stall allowed, and nothing with no limit (how tests pin either path)', () => {
    expect(importRunsOnHostThread([csv(1)], 0)).toBe(false);
    expect(importRunsOnHostThread([csv(0)], 0)).toBe(false);
    expect(importRunsOnHostThread([workbook(500 * MB)], Number.POSITIVE_INFINITY)).toBe(true);
  });
});

describe('weighing the files of an import', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('atw-import-placement-');
  });
  afterEach(() => tmp.cleanup());

  it('knows an uploaded workbook from its zip signature and counts its decoded bytes', () => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000)]);
    expect(importWeightOf({ fileName: 'agents.xlsx', contentBase64: bytes.toString('base64') })).toEqual({ bytes: 2004, zipped: true });
    expect(importWeightOf({ fileName: 'agents.csv', contentBase64: Buffer.from('name,status\na,confirmed\n').toString('base64') })).toEqual({ bytes: 24, zipped: false });
  });

  it('reads only the first bytes of a file given by path, whatever its name says', () => {
    const path = tmp.file('renamed.csv');
    writeFileSync(path, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(5000)]));
    expect(importWeightOf({ fileName: 'renamed.csv', path })).toEqual({ bytes: 5004, zipped: true });
  });

  it('weighs a path that does not exist as nothing (the import itself then says it cannot be read)', () => {
    expect(importWeightOf({ fileName: 'gone.csv', path: tmp.file('gone.csv') })).toEqual({ bytes: 0, zipped: false });
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutiveReport } from '../../shared/report';
import { createEngine } from '../api/engine';
import { SCRATCH_FOLDER_PREFIX } from '../api/scratch-folder';
import { buildDemoWorkspace } from '../demo/demo-workspace';
import { findChromium, NO_BROWSER_MESSAGE } from '../report/chromium-printer';
import { FILL_HINTS } from '../report/executive-report';
import { resourcesDir } from '../resources-dir';
import { tempDir } from '../store/test-workspace';
import { runCli } from './run-cli';
import { captureIo } from './test-io';

/** The report is laid out by the built renderer, printed by the system Chromium and read back with pdftotext (poppler-utils). */
const RENDERER_DIR = resolve('out/renderer');
const chromium = findChromium(process.env);
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const missing = [
  existsSync(resolve(RENDERER_DIR, 'index.html')) ? null : 'the built renderer (run `npm run build`)',
  chromium ? null : 'Chromium (apt-get install chromium, or set CHROME_PATH)',
  hasPdftotext ? null : 'pdftotext (apt-get install poppler-utils)',
].filter((m) => m !== null);
const printing = describe.skipIf(missing.length > 0);
if (missing.length > 0) console.warn(`Skipping the PDF report tests: they need ${missing.join(', ')}.`);

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
/** The engines' scratch folders in this file's own temp folder (see electron/testing/own-temp-folder.ts). */
const scratchFolders = () => readdirSync(tmpdir()).filter((n) => n.startsWith(SCRATCH_FOLDER_PREFIX));

describe('agent-triage report: its arguments', () => {
  const tmp = tempDir('atw-cli-report-args-');
  afterAll(() => tmp.cleanup());
  const cli = async (argv: string[], env: Record<string, string> = {}) => {
    const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home'), ...env }, cwd: tmp.dir, rendererDir: RENDERER_DIR });
    const code = await runCli(argv, out.io);
    return { code, stdout: out.stdout(), stderr: out.stderr() };
  };

  it('refuses an unknown section and a missing --pdf, naming what is accepted (exit 2)', async () => {
    const unknown = await cli(['report', '--workspace', 'w.atw', '--pdf', 'out.pdf', '--sections', 'cover,gossip']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown report section "gossip": choose from cover, summary, risk-matrix, top-risks, checklist, plan, cost, appendix.');
    const noPdf = await cli(['report', '--workspace', 'w.atw']);
    expect(noPdf.code).toBe(2);
    expect(noPdf.stderr).toMatch(/--pdf/);
  });

  it('says which browser to install when CHROME_PATH names none, and writes nothing', async () => {
    const run = await cli(['report', '--workspace', 'w.atw', '--pdf', 'out.pdf'], { CHROME_PATH: tmp.file('no-such-chrome') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Install Chromium');
    expect(run.stderr).toContain(tmp.file('no-such-chrome'));
    expect(existsSync(tmp.file('out.pdf'))).toBe(false);
  });

  it('finds the browser CHROME_PATH names, else a usual install place, else none', () => {
    expect(findChromium({ CHROME_PATH: '/opt/chrome' }, (p) => p === '/opt/chrome')).toBe('/opt/chrome');
    expect(findChromium({}, (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    expect(findChromium({}, () => false)).toBeNull();
    expect(NO_BROWSER_MESSAGE).toMatch(/apt-get install chromium/);
  });
});

printing('agent-triage report: the PDF', () => {
  const tmp = tempDir('atw-cli-report-');
  let report: ExecutiveReport;

  beforeAll(async () => {
    await buildDemoWorkspace(tmp.file('demo.atw'), resourcesDir());
    const engine = await createEngine({ homeDir: tmp.file('home'), host: 'test', version: '0.0.0-test', defaultActor: 'tester', openLastWorkspace: false });
    const ctx = { actor: '', via: 'test' };
    await engine.dispatch('openWorkspace', { path: tmp.file('demo.atw') }, ctx);
    const result = await engine.dispatch('executiveReport', {}, ctx);
    if (!result.ok) throw new Error(result.error.message);
    report = result.value as ExecutiveReport;
    await engine.dispatch('createWorkspace', { path: tmp.file('empty.atw') }, ctx);
    await engine.close();
  }, 120_000);
  afterAll(() => tmp.cleanup());

  const cli = async (argv: string[], stopSignal?: AbortSignal) => {
    const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home'), CHROME_PATH: chromium! }, cwd: tmp.dir, rendererDir: RENDERER_DIR, ...(stopSignal ? { stopSignal } : {}) });
    const code = await runCli(argv, out.io);
    return { code, stdout: out.stdout(), stderr: out.stderr() };
  };

  it('prints the demo with the headline numbers the workspace holds, page numbers and the marking on every page', async () => {
    const run = await cli(['report', '--workspace', 'demo.atw', '--pdf', 'demo.pdf']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Printing pages');
    expect(run.stdout).toMatch(/^Exported the executive report of demo to .*demo\.pdf \(pdf, \d+ bytes\)\./);
    expect(readFileSync(tmp.file('demo.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(tmp.file('demo.pdf'));
    const h = report.headline;
    expect(text).toContain('AI agent review');
    expect(text).toContain('Northwind Pay');
    expect(text).toMatch(new RegExp(`${h.discovered}\\s*/\\s*${h.documented.count}`));
    expect(text).toContain(`${h.withOwner.count} of ${h.withOwner.of}`);
    expect(text).toContain(`${h.withRollback.count} of ${h.withRollback.of}`);
    expect(text).toContain(`${h.allFourAnswers.count} of ${h.allFourAnswers.of}`);
    expect(text).toMatch(new RegExp(`${h.p0}\\s*/\\s*${h.p1}`));
    expect(text).toContain(`$${h.unattributedSpend!.costUsd.toFixed(2)}`);
    expect(text).toContain(report.topRisks[0]!.name);
    const pages = text.split('\f').filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((page, n) => {
      expect(page).toContain(`Page ${n + 1} of ${pages.length}`);
      expect(page).toContain('Confidential');
    });
  }, 60_000);

  it('prints only the sections asked for', async () => {
    const run = await cli(['report', '--workspace', 'demo.atw', '--pdf', 'cost.pdf', '--sections', 'cost']);
    expect(run.code).toBe(0);
    const text = pdfText(tmp.file('cost.pdf'));
    expect(text).toContain('Cost by agent');
    expect(text).not.toContain('Risk matrix');
    expect(text).toContain(report.cost!.byAgent[0]!.name);
  }, 60_000);

  it('gives an empty workspace a valid PDF that says which import fills each section', async () => {
    const run = await cli(['report', '--workspace', 'empty.atw', '--pdf', 'empty.pdf']);
    expect(run.code).toBe(0);
    const text = pdfText(tmp.file('empty.pdf')).replace(/\s+/g, ' ');
    expect(text).toContain('no agents yet');
    expect(text).toContain(FILL_HINTS.agents.slice(0, FILL_HINTS.agents.indexOf(':')));
    expect(text).toContain('Import LLM usage logs');
    expect(text).toContain('The 90-day plan is not started');
  }, 60_000);

  it('leaves no file when cancelled (Ctrl+C)', async () => {
    const stop = new AbortController();
    stop.abort();
    const run = await cli(['report', '--workspace', 'demo.atw', '--pdf', 'cancelled.pdf'], stop.signal);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cancelled; no file was written');
    expect(readdirSync(tmp.dir).filter((n) => n.startsWith('cancelled'))).toEqual([]);
    // Nor is the engine's own folder for printed PDFs left behind: it goes when the command's engine closes.
    expect(scratchFolders()).toEqual([]);
  }, 60_000);
});

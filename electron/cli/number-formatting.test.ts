import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { buildDemoWorkspace } from '../demo/demo-workspace';
import { resourcesDir } from '../resources-dir';
import { registryWorkspaceForCli } from './test-registry-workspace';

/**
 * `triage` and `usage` print counts and amounts as en-US writes them, without ICU's number
 * formatting: its first use in a process (toLocaleString, Intl.NumberFormat) costs 10-20 ms of a
 * command that otherwise ends in about 200 ms. The text stays what those wrote (the commands'
 * own tests pin it).
 */
describe('numbers printed by the command line', () => {
  const { cli, tmp } = registryWorkspaceForCli('atw-cli-numbers-');
  let toLocaleString: MockInstance;
  let numberFormat: MockInstance;
  beforeEach(() => {
    toLocaleString = vi.spyOn(Number.prototype, 'toLocaleString');
    numberFormat = vi.spyOn(Intl, 'NumberFormat');
  });
  afterEach(() => vi.restoreAllMocks());

  it('triage of the demo (budgets, request volumes) formats no number through Intl', async () => {
    await buildDemoWorkspace(tmp().file('demo.atw'), resourcesDir());
    toLocaleString.mockClear();
    numberFormat.mockClear();
    const run = await cli(['triage', '--workspace', 'demo.atw']);
    expect(run.code).toBe(0);
    expect(toLocaleString).not.toHaveBeenCalled();
    expect(numberFormat).not.toHaveBeenCalled();
  }, 60_000);

  it('usage of the demo (token counts in the millions, dollar costs) formats no number through Intl', async () => {
    await buildDemoWorkspace(tmp().file('demo.atw'), resourcesDir());
    toLocaleString.mockClear();
    numberFormat.mockClear();
    const run = await cli(['usage', '--by', 'agent', '--workspace', 'demo.atw']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\d,\d{3},\d{3}/);
    expect(run.stdout).toMatch(/\$[\d,]+\.\d\d/);
    expect(toLocaleString).not.toHaveBeenCalled();
    expect(numberFormat).not.toHaveBeenCalled();
  }, 60_000);
});

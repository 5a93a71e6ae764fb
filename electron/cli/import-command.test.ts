import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../store/test-workspace';
import { runCli } from './run-cli';
import { captureIo } from './test-io';

describe('agent-triage import', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('atw-cli-import-');
  });
  afterEach(() => tmp.cleanup());

  it('reports the counts of a registry sheet with thousands written as en-US writes them', async () => {
    const rows = Array.from({ length: 1_234 }, (_, i) => `agent-${i},confirmed,db.t${i}:read`);
    writeFileSync(tmp.file('agents.csv'), ['name,status,data access', ...rows].join('\n'));
    const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home') }, cwd: tmp.dir });
    expect(await runCli(['import', 'agents.csv', '--workspace', 'w.atw'], out.io)).toBe(0);
    expect(out.stderr()).toBe('');
    expect(out.stdout()).toContain('agents.csv  Agent registry (CSV)  -      1,234 rows, 1,234 created, 0 updated, 0 unchanged, 0 skipped');
  });
});

import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect } from 'vitest';
import { tempDir } from '../store/test-workspace';
import { runCli } from './run-cli';
import { captureIo, type CliJsonDocument } from './test-io';

export type CliRun = (argv: string[]) => Promise<{ code: number; stdout: string; stderr: string; json: () => CliJsonDocument }>;

/**
 * For a CLI test file: before each test, a fresh home and `w.atw` imported from a two-agent
 * registry (one well kept, one owned by a team with nothing recorded); `cli` runs a command there.
 */
export function registryWorkspaceForCli(prefix: string): { cli: CliRun; tmp: () => ReturnType<typeof tempDir> } {
  let tmp: ReturnType<typeof tempDir>;
  const cli: CliRun = async (argv) => {
    const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home') }, cwd: tmp.dir });
    const code = await runCli(argv, out.io);
    return { code, stdout: out.stdout(), stderr: out.stderr(), json: out.json };
  };
  beforeEach(async () => {
    tmp = tempDir(prefix);
    writeFileSync(
      tmp.file('agents.csv'),
      [
        'Agent Name,Status,Trigger Type,Data Access Scope,Credentials Held,Owner,Owner E-mail,Last Reviewed,Rollback Procedure',
        'Refund Triage Bot,confirmed,webhook,payments.refunds:write,STRIPE_KEY,Priya Raman,priya.raman@example.com,2026-11-20,Disable the webhook.',
        'Idle Helper,confirmed,,,,Platform Team,,,',
      ].join('\n'),
    );
    expect((await cli(['registry', 'import', 'agents.csv', '--workspace', 'w.atw'])).code).toBe(0);
  });
  afterEach(() => tmp.cleanup());
  return { cli, tmp: () => tmp };
}

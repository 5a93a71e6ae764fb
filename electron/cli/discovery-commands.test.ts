import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CORPUS_REPOS_DIR } from '../discovery/corpus/corpus-expectation';
import { tempDir } from '../store/test-workspace';
import { runCli } from './run-cli';
import { captureIo, type CliJsonDocument } from './test-io';

describe('agent-triage scan and agents', () => {
  let tmp: ReturnType<typeof tempDir>;
  let cli: (argv: string[]) => Promise<{ code: number; stdout: string; stderr: string; json: () => CliJsonDocument }>;

  beforeEach(() => {
    tmp = tempDir('atw-cli-scan-');
    cpSync(join(CORPUS_REPOS_DIR, 'crewai-research-email', 'repo'), tmp.file('crewai'), { recursive: true });
    cli = async (argv) => {
      const out = captureIo({ env: { AGENT_TRIAGE_HOME: tmp.file('home') }, cwd: tmp.dir });
      const code = await runCli(argv, out.io);
      return { code, stdout: out.stdout(), stderr: out.stderr(), json: out.json };
    };
  });
  afterEach(() => tmp.cleanup());

  /** The app's recent list and last workspace, as `npm start` will read them. */
  function recentPaths(): string[] {
    const file = tmp.file('home/state.json');
    if (!existsSync(file)) return [];
    const state = JSON.parse(readFileSync(file, 'utf8')) as { lastWorkspace?: string; recent: Array<{ path: string }> };
    return [...(state.lastWorkspace ? [state.lastWorkspace] : []), ...state.recent.map((r) => r.path)];
  }

  it('scans a folder, prints a summary table, and lists candidates with evidence as JSON', async () => {
    cpSync(join(CORPUS_REPOS_DIR, 'mcp-vscode-inputs', 'repo'), tmp.file('vscode'), { recursive: true });
    const scan = await cli(['scan', 'crewai', 'vscode', '--workspace', 'w.atw']);
    expect(scan.code).toBe(0);
    expect(scan.stdout).toMatch(/VS Code\s+mcp-config/);
    expect(scan.stdout).toMatch(/files read/);
    expect(scan.stdout).toMatch(/Market briefing\/brief\s+ci-job/);

    const agents = await cli(['agents', '--workspace', 'w.atw', '--json']);
    expect(agents.code).toBe(0);
    type Candidate = { name: string; trigger: { kind: string }; frameworks: Array<{ framework: string }>; capabilities: Array<{ kind: string; evidence: { path: string; line: number } }>; links?: Array<{ name: string; relation: string }> };
    const doc = agents.json() as { ok: true; value: { agents: unknown[]; candidates: Candidate[] } };
    const brief = doc.value.candidates.find((c) => c.name === 'Market briefing/brief')!;
    expect(brief.trigger.kind).toBe('cron');
    expect(brief.frameworks.map((f) => f.framework)).toContain('crewai');
    // The crew's agents are items of their own, each holding its own tools: the editor sends the email.
    expect(brief.links?.filter((l) => l.relation === 'sub-agent').map((l) => l.name).sort()).toEqual(['editor', 'researcher']);
    const editor = doc.value.candidates.find((c) => c.name === 'editor')!;
    expect(editor.capabilities.map((c) => c.kind)).toContain('external-communication');
    expect(editor.capabilities[0]!.evidence).toMatchObject({ path: expect.any(String), line: expect.any(Number) });
  });

  it('refuses a missing folder with a one-line reason and no stack trace', async () => {
    const result = await cli(['scan', 'nope', '--workspace', 'w.atw']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/does not exist/);
  });

  it('leaves no workspace file and no recent entry behind when a scan fails', async () => {
    const result = await cli(['scan', 'nope', '--workspace', 'fresh.atw']);
    expect(result.code).toBe(1);
    expect(existsSync(tmp.file('fresh.atw'))).toBe(false);
    expect(existsSync(tmp.file('fresh.atw-wal'))).toBe(false);
    expect(recentPaths()).not.toContain(tmp.file('fresh.atw'));
  });

  it('never creates a workspace for a read-only command, and says which path is missing', async () => {
    const result = await cli(['agents', '--workspace', 'typo.atw']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`agent-triage: There is no workspace at ${tmp.file('typo.atw')}. Check the path; this command reads a workspace and never creates one.\n`);
    expect(existsSync(tmp.file('typo.atw'))).toBe(false);
  });

  it('does not make what a script scanned the workspace the app opens next', async () => {
    expect((await cli(['scan', 'crewai', '--workspace', 'scripted.atw'])).code).toBe(0);
    expect((await cli(['agents', '--workspace', 'scripted.atw'])).code).toBe(0);
    expect(existsSync(tmp.file('scripted.atw'))).toBe(true);
    expect(recentPaths()).toEqual([]);
  });

  it('needs at least one folder', async () => {
    expect((await cli(['scan', '--workspace', 'w.atw'])).code).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { runCli } from './run-cli';
import { captureIo } from './test-io';

/** Everything here is answered before an engine starts: no workspace, no SQLite. */
describe('runCli without an engine', () => {
  it('prints the program help with --help and with no arguments', async () => {
    for (const argv of [['--help'], []]) {
      const out = captureIo();
      expect(await runCli(argv, out.io)).toBe(0);
      expect(out.stdout()).toContain('Usage: agent-triage <command>');
      expect(out.stdout()).toContain('registry import');
      expect(out.stderr()).toBe('');
    }
  });

  it('prints the version, as JSON with --json', async () => {
    const text = captureIo();
    expect(await runCli(['--version'], text.io)).toBe(0);
    expect(text.stdout()).toBe(`${version}\n`);

    const json = captureIo();
    expect(await runCli(['--version', '--json'], json.io)).toBe(0);
    expect(json.json()).toEqual({ ok: true, value: { version } });
  });

  it('prints help for one command', async () => {
    const out = captureIo();
    expect(await runCli(['registry', 'import', '--help'], out.io)).toBe(0);
    expect(out.stdout()).toContain('Usage: agent-triage registry import FILE --workspace W [--dry-run] [--skip-invalid] [--json]');
  });

  it('lists the subcommands of a group with --help', async () => {
    const out = captureIo();
    expect(await runCli(['registry', '--help'], out.io)).toBe(0);
    expect(out.stdout()).toContain('registry export');
  });

  it('rejects an unknown command with a one-line usage error and exit 2', async () => {
    const out = captureIo();
    expect(await runCli(['scna'], out.io)).toBe(2);
    expect(out.stdout()).toBe('');
    expect(out.stderr()).toMatch(/^agent-triage: Unknown command "scna"\. Commands: serve, import, registry import, registry export, scan, agents, blast-radius, who-can-reach, principals, usage, budgets export, triage, plan, review, drift, export, report, check\. .*\n$/);
    expect(out.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('rejects a group without a subcommand, or with a wrong one, with exit 2', async () => {
    const bare = captureIo();
    expect(await runCli(['registry'], bare.io)).toBe(2);
    expect(bare.stderr()).toContain('agent-triage registry needs a subcommand: import, export');

    const wrong = captureIo();
    expect(await runCli(['registry', 'delete'], wrong.io)).toBe(2);
    expect(wrong.stderr()).toContain('has no subcommand "delete"');
  });

  it('rejects an unknown flag with exit 2', async () => {
    const out = captureIo();
    expect(await runCli(['registry', 'export', '--workspace', 'w.atw', '--format', 'csv', '--colour'], out.io)).toBe(2);
    expect(out.stderr()).toBe("agent-triage: Unknown option '--colour'. Run `agent-triage registry export --help`.\n");
  });

  it('rejects an unknown program option with exit 2', async () => {
    const out = captureIo();
    expect(await runCli(['--verbose'], out.io)).toBe(2);
    expect(out.stderr()).toContain("Unknown option '--verbose'");
  });

  it('rejects missing required options and wrong argument counts with exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['registry', 'import', 'agents.csv'], 'needs --workspace W'],
      [['registry', 'import', '--workspace', 'w.atw'], 'takes FILE'],
      [['registry', 'import', 'a.csv', 'b.csv', '--workspace', 'w.atw'], 'takes FILE'],
      [['registry', 'export', '--workspace', 'w.atw'], 'needs --format csv|xlsx'],
      [['registry', 'export', '--workspace', 'w.atw', '--format', 'pdf'], '--format must be one of csv, xlsx, not "pdf"'],
      [['registry', 'export', '--workspace', 'w.atw', '--format', 'xlsx'], 'name it with --out FILE'],
      [['serve', '--port', 'eighty'], '--port must be a number from 0 to 65535'],
      [['serve', '--port', '70000'], '--port must be a number from 0 to 65535'],
      [['serve', 'extra'], 'serve takes no arguments'],
      [['usage', '--workspace', 'w.atw'], 'needs --by agent|feature|user|session|model|key|provider'],
      [['usage', '--workspace', 'w.atw', '--by', 'team'], '--by must be one of agent, feature, user, session, model, key, provider, not "team"'],
      [['usage', '--workspace', 'w.atw', '--by', 'agent', '--from', '2025-02-30'], '--from must be a day as YYYY-MM-DD, not "2025-02-30"'],
      [['usage', '--workspace', 'w.atw', '--by', 'agent', '--to', '31/01/2025'], '--to must be a day as YYYY-MM-DD, not "31/01/2025"'],
      [['usage', '--workspace', 'w.atw', '--by', 'agent', '--from', '2025-03-02', '--to', '2025-03-01'], '--from 2025-03-02 is after --to 2025-03-01'],
      [['usage', 'agents', '--workspace', 'w.atw', '--by', 'agent'], 'usage takes no arguments'],
      [['budgets', 'export', '--workspace', 'w.atw'], 'needs --format litellm|json'],
      [['budgets', 'export', '--workspace', 'w.atw', '--format', 'yaml'], '--format must be one of litellm, json, not "yaml"'],
      [['budgets'], 'agent-triage budgets needs a subcommand: export'],
    ];
    for (const [argv, message] of cases) {
      const out = captureIo();
      expect(await runCli(argv, out.io), argv.join(' ')).toBe(2);
      expect(out.stderr()).toContain(message);
    }
  });

  it('reports usage errors as one JSON document with --json', async () => {
    const out = captureIo();
    expect(await runCli(['frobnicate', '--json'], out.io)).toBe(2);
    expect(out.json()).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('Unknown command "frobnicate"') } });
    expect(out.stdout().trim().split('\n')).toHaveLength(1);
    expect(out.stderr()).toContain('agent-triage: Unknown command');
  });

  it('names a missing import file and exits 1', async () => {
    const out = captureIo({ cwd: '/nonexistent-dir' });
    expect(await runCli(['registry', 'import', 'agents.csv', '--workspace', 'w.atw'], out.io)).toBe(1);
    expect(out.stderr()).toBe('agent-triage: Cannot read /nonexistent-dir/agents.csv: no such file or folder.\n');
  });

  it('reports a missing import file as JSON with --json', async () => {
    const out = captureIo({ cwd: '/nonexistent-dir' });
    expect(await runCli(['registry', 'import', 'agents.csv', '--workspace', 'w.atw', '--json'], out.io)).toBe(1);
    expect(out.json()).toEqual({ ok: false, error: { code: 'not-found', message: 'Cannot read /nonexistent-dir/agents.csv: no such file or folder.' } });
  });

  it('answers --help as JSON with --json, keeping stdout machine-readable', async () => {
    const out = captureIo();
    expect(await runCli(['serve', '--help', '--json'], out.io)).toBe(0);
    expect(out.json()).toEqual({ ok: true, value: { help: expect.stringContaining('Usage: agent-triage serve') } });
  });
});

import { describe, expect, it } from 'vitest';
import { analyzeConfigFile, mightBeConfigFile } from '.';
import { classifyFile } from '../walk/classify-file';
import { analyzeClaudeSettings, analyzeClaudeSubagent, claudeProjectOf } from './claude-code';
import { fixture, lineWith, testContext } from './test-support';

const reviewer = fixture('claude-code/.claude/agents/code-reviewer.md');
const generalist = fixture('claude-code/.claude/agents/generalist.md');
const settings = fixture('claude-code/.claude/settings.json');
const options = () => ({ rules: testContext().rules, disabledRuleIds: new Set<string>(), fingerprintKey: testContext().fingerprintKey });

describe('Claude Code subagents (.claude/agents/*.md)', () => {
  it('are read by the walker and routed as configuration, in any project folder; other Markdown is not', () => {
    expect(classifyFile('.claude/agents/code-reviewer.md')).toBe('config');
    expect(classifyFile('services/api/.claude/agents/db.md')).toBe('config');
    expect(classifyFile('.claude/commands/review.md')).toBe('other');
    expect(classifyFile('docs/reviewer.md')).toBe('other');
    expect(mightBeConfigFile('.claude/agents/code-reviewer.md')).toBe(true);
  });

  it('make one claude-subagent unit named by the front matter, on its model, with the tools its comma list grants', () => {
    const [unit] = analyzeClaudeSubagent('.claude/agents/code-reviewer.md', reviewer, testContext())!.units;
    expect(unit).toMatchObject({ kind: 'claude-subagent', name: 'code-reviewer', path: '.claude/agents/code-reviewer.md', trigger: { kind: 'user' } });
    expect(unit!.evidence.line).toBe(lineWith(reviewer, 'name: code-reviewer'));
    expect(unit!.llm.map((l) => [l.provider, l.models, l.evidence.line])).toEqual([['anthropic', ['sonnet'], lineWith(reviewer, 'model: sonnet')]]);
    expect(unit!.capabilities.map((c) => [c.kind, c.detail, c.evidence.line])).toEqual([['shell-exec', 'Claude Code tool Bash(git diff:*)', lineWith(reviewer, 'tools:')]]);
    expect(unit!.claudeCode).toMatchObject({ project: '', role: 'subagent', mcpServers: ['github'], inheritsTools: false });
  });

  it('say so when no tools list limits them: they inherit every tool of the session', () => {
    const [unit] = analyzeClaudeSubagent('.claude/agents/generalist.md', generalist, testContext())!.units;
    expect(unit!.llm[0]!.models).toEqual([]); // model: inherit
    expect(unit!.capabilities.map((c) => c.detail.replace(/ \(.*$/, ''))).toEqual(['Claude Code tool Bash', 'Claude Code tool Write', 'Claude Code tool Edit', 'Claude Code tool WebFetch', 'Claude Code tool WebSearch']);
    expect(new Set(unit!.capabilities.map((c) => c.kind))).toEqual(new Set(['shell-exec', 'file-write', 'outbound-network']));
    expect(unit!.capabilities.every((c) => c.detail.includes('inherits every tool of the session') && c.evidence.ruleId === 'claude.capability.inherited-tools')).toBe(true);
    expect(unit!.untrustedInputs.map((i) => i.detail)).toEqual(['Claude Code tool WebFetch', 'Claude Code tool WebSearch']);
    expect(unit!.claudeCode).toMatchObject({ mcpServers: 'all', inheritsTools: true });
  });

  it('are read line by line when the front matter is not YAML, as real descriptions with examples are', () => {
    const text = [
      '---',
      'name: payments-reviewer',
      "description: Use this agent when a change touches payouts. Examples: <example>Context: User changed the refund flow. user: 'Review my refund change' assistant: 'I will use the payments-reviewer agent'</example>",
      'tools:',
      '  - Read',
      '  - Bash(npm test:*)',
      'model: opus',
      'color: red',
      '---',
      'You review payment code.',
    ].join('\n');
    const ctx = testContext();
    const [unit] = analyzeClaudeSubagent('.claude/agents/payments-reviewer.md', text, ctx)!.units;
    expect(unit).toMatchObject({ name: 'payments-reviewer' });
    expect(unit!.llm[0]!.models).toEqual(['opus']);
    expect(unit!.capabilities.map((c) => [c.detail, c.evidence.line])).toEqual([['Claude Code tool Bash(npm test:*)', 4]]);
    // Claude Code reads it: nothing to warn about.
    expect(ctx.warnings).toEqual([]);
  });

  it('include a plugin\'s agents/*.md, but only when the front matter makes it an agent; other Markdown stays quiet', () => {
    expect(classifyFile('plugins/security/agents/auditor.md')).toBe('config');
    expect(classifyFile('plugins/security/agents/README.md')).toBe('other');
    const agent = '---\nname: auditor\ndescription: Audits dependencies\ntools: Read, WebSearch\nmodel: haiku\n---\nAudit.\n';
    const [unit] = analyzeClaudeSubagent('plugins/security/agents/auditor.md', agent, testContext())!.units;
    expect(unit).toMatchObject({ kind: 'claude-subagent', name: 'auditor', claudeCode: { project: 'plugins/security' } });
    expect(unit!.evidence.confidence).toBe(0.9);
    const ctx = testContext();
    expect(analyzeClaudeSubagent('site/agents/overview.md', '---\ntitle: How our support agents work\ndescription: For new hires\n---\nText.\n', ctx)).toBeNull();
    expect(analyzeClaudeSubagent('site/agents/notes.md', '# Notes\n', ctx)).toBeNull();
    expect(analyzeClaudeSubagent('site/agents/bad.md', '---\ntitle: [x\n---\n', ctx)).toBeNull();
    expect(ctx.warnings).toEqual([]);
  });

  it('read tools written as a YAML list, disallowedTools and permissionMode', () => {
    const text = '---\nname: fixer\ndescription: Fixes lint\ntools:\n  - Read\n  - Edit\n  - WebSearch\ndisallowedTools: WebSearch\npermissionMode: acceptEdits\n---\nFix it.\n';
    const [unit] = analyzeClaudeSubagent('.claude/agents/fixer.md', text, testContext())!.units;
    expect(unit!.capabilities.map((c) => [c.kind, c.detail])).toEqual([['file-write', 'Claude Code tool Edit (permissionMode acceptEdits: file edits are applied without asking anyone)']]);
  });

  it('warn and go on when the front matter is missing or malformed, and take the file name when it has no name', async () => {
    const none = testContext();
    expect(analyzeClaudeSubagent('.claude/agents/notes.md', '# Just notes\n', none)).toBeNull();
    expect(none.warnings[0]!.message).toMatch(/no front matter/);
    const broken = await analyzeConfigFile('.claude/agents/broken.md', '---\nname: [unclosed\ntools: Bash\n---\nbody\n', options());
    expect(broken.warnings[0]!.message).toMatch(/^line \d+: front matter is not valid YAML .* and has no name and description lines; read what could be read$/);
    expect(broken.findings!.units.map((u) => [u.name, u.capabilities.map((c) => c.kind)])).toEqual([['[unclosed', ['shell-exec']]]);
    const scalar = testContext();
    expect(analyzeClaudeSubagent('.claude/agents/odd.md', '---\njust a sentence\n---\n', scalar)).toBeNull();
    expect(scalar.warnings[0]!.message).toMatch(/not a set of keys/);
    const [unnamed] = analyzeClaudeSubagent('x/.claude/agents/triager.md', '---\r\ndescription: Triage\r\ntools: Read\r\n---\r\nbody', testContext())!.units;
    expect(unnamed).toMatchObject({ name: 'triager', capabilities: [] });
    expect(unnamed!.claudeCode!.project).toBe('x');
  });
});

describe('Claude Code settings (.claude/settings.json)', () => {
  it('grant the allowed tools and the permission mode (acceptEdits: file edits only), minus what is denied, and approve .mcp.json servers', () => {
    const [unit] = analyzeClaudeSettings('.claude/settings.json', settings, testContext())!.units;
    expect(unit).toMatchObject({ kind: 'claude-subagent', name: 'Claude Code project settings', path: '.claude/settings.json' });
    expect(unit!.capabilities.map((c) => [c.kind, c.detail, c.evidence.line])).toEqual([
      ['shell-exec', 'Claude Code tool Bash(npm run test:*)', lineWith(settings, '"Bash(npm run test:*)"')],
      ['shell-exec', 'Claude Code tool Bash(npm run lint)', lineWith(settings, '"Bash(npm run lint)"')],
      ['file-write', 'Claude Code tool Write (permissionMode acceptEdits: file edits are applied without asking anyone)', lineWith(settings, '"defaultMode"')],
      ['file-write', 'Claude Code tool Edit (permissionMode acceptEdits: file edits are applied without asking anyone)', lineWith(settings, '"defaultMode"')],
    ]);
    // WebFetch limited to one written domain reaches that host only, but the page is still outside content.
    expect(unit!.untrustedInputs.map((i) => i.kind)).toEqual(['web-page']);
    expect(unit!.llm.map((l) => [l.provider, l.models])).toEqual([['anthropic', ['claude-sonnet-4-5']]]);
    expect(unit!.claudeCode).toMatchObject({ project: '', role: 'settings', mcpServers: ['github'] });
    expect(unit!.claudeCode!.mcpEvidence!.line).toBe(lineWith(settings, '"enabledMcpjsonServers"'));
  });

  it('grant nothing with hooks and deny rules only: no model use, only the hook commands for the linker; a settings.local.json is read the same way', () => {
    const denyOnly = JSON.stringify({ permissions: { deny: ['Bash(curl:*)'] } });
    expect(analyzeClaudeSettings('.claude/settings.json', denyOnly, testContext())!.units).toEqual([]);
    const hooksOnly = JSON.stringify({ permissions: { deny: ['Bash(curl:*)'] }, hooks: { Stop: [{ hooks: [{ type: 'command', command: 'python3 "$CLAUDE_PROJECT_DIR"/.claude/hooks/log.py' }] }] } });
    const [hooked] = analyzeClaudeSettings('web/.claude/settings.json', hooksOnly, testContext())!.units;
    expect(hooked!.llm).toEqual([]);
    expect(hooked!.claudeCode!.hooks!.map((h) => [h.event, h.command])).toEqual([['Stop', 'python3 web/.claude/hooks/log.py']]);
    const local = JSON.stringify({ permissions: { allow: ['Bash(git commit:*)'] }, enableAllProjectMcpServers: true });
    const [unit] = analyzeClaudeSettings('app/.claude/settings.local.json', local, testContext())!.units;
    expect(unit!.claudeCode).toMatchObject({ project: 'app', mcpServers: 'all' });
    expect(unit!.capabilities.map((c) => c.kind)).toEqual(['shell-exec']);
  });

  it('are routed by name, not mistaken for an MCP config, and a malformed file is a warning', async () => {
    const routed = await analyzeConfigFile('.claude/settings.json', settings, options());
    expect(routed.findings!.format).toBe('claude-settings');
    const broken = await analyzeConfigFile('.claude/settings.json', '{"permissions": {"allow": ["Bash"', options());
    expect(broken.findings).toBeNull();
    expect(broken.warnings[0]!.message).toMatch(/not valid JSON.*read as Claude Code settings/);
    expect((await analyzeConfigFile('.claude/settings.json', '[1, 2]', options())).findings).toBeNull();
  });

  it('belong to the project folder holding .claude/', () => {
    expect(claudeProjectOf('.claude/settings.json')).toBe('');
    expect(claudeProjectOf('services/api/.claude/agents/x.md')).toBe('services/api');
  });
});
